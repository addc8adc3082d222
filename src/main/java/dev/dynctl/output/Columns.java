package dev.dynctl.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The columns of a list, chosen from its first rows: the leading columns (a table's keys) that
 * occur, then every other attribute in the order it was first seen. Columns are fixed once chosen
 * so that output can stream; an attribute that first appears after the look-ahead is not shown
 * (--query or json/jsonl show everything).
 *
 * <p>Rows that are not objects, as --query '[].id' or '[].[id, name]' leave them, fill columns by
 * position; when no row of the look-ahead is an object the columns have no names (no header).
 */
final class Columns {
    /** Rows read before the columns (and, for tables, their widths) are fixed. */
    static final int LOOKAHEAD = 200;

    private final List<String> names;
    private final int count;

    private Columns(List<String> names, int count) {
        this.names = names;
        this.count = count;
    }

    /**
     * Prints a list in columns, as table, csv and text do: reads the look-ahead, fixes the columns
     * from it, lets the format {@code begin} with those first rows (a header, widths) and hand back
     * how it prints one row, then prints the first rows and streams the rest, flushing each row so
     * that it is out before the next is read. False when the list is empty and nothing was printed.
     */
    static boolean print(Iterator<? extends JsonNode> rows, List<String> leadingColumns, PrintWriter out,
                         BiFunction<Columns, List<JsonNode>, Consumer<JsonNode>> begin) {
        List<JsonNode> first = new ArrayList<>();
        while (first.size() < LOOKAHEAD && rows.hasNext()) {
            first.add(rows.next());
        }
        if (first.isEmpty()) {
            return false;
        }
        Columns columns = of(first, leadingColumns);
        Consumer<JsonNode> printRow = begin.apply(columns, first);
        first.forEach(printRow);
        first.clear();
        out.flush();
        while (rows.hasNext()) {
            printRow.accept(rows.next());
            out.flush();
        }
        return true;
    }

    static Columns of(List<? extends JsonNode> rows, List<String> leadingColumns) {
        Set<String> seen = new LinkedHashSet<>();
        int positional = 0;
        for (JsonNode row : rows) {
            if (row.isObject()) {
                row.fieldNames().forEachRemaining(seen::add);
            } else {
                positional = Math.max(positional, row.isArray() ? row.size() : 1);
            }
        }
        if (seen.isEmpty()) {
            return new Columns(List.of(), positional);
        }
        Set<String> ordered = new LinkedHashSet<>();
        leadingColumns.stream().filter(seen::contains).forEach(ordered::add);
        ordered.addAll(seen);
        return new Columns(List.copyOf(ordered), ordered.size());
    }

    /** False when rows are scalars or arrays: there is no header to print. */
    boolean named() {
        return !names.isEmpty();
    }

    List<String> names() {
        return names;
    }

    int size() {
        return count;
    }

    /** The row's value in each column; null where the row has none. */
    List<JsonNode> cells(JsonNode row) {
        List<JsonNode> cells = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            cells.add(cell(row, i));
        }
        return cells;
    }

    private JsonNode cell(JsonNode row, int index) {
        if (row.isObject()) {
            return named() ? row.get(names.get(index)) : null;
        }
        if (row.isArray()) {
            return row.get(index);
        }
        return index == 0 ? row : null;
    }
}
