package dev.dynctl.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.Iterator;
import java.util.List;
import java.util.StringJoiner;

/**
 * CSV as RFC 4180 writes it: a field is quoted only when it holds a comma, a double quote or a
 * line break, and quotes inside are doubled; lines end as the platform's do (LF on Unix). The header is
 * the leading columns and the attributes of the first {@link Columns#LOOKAHEAD} rows; an attribute
 * first seen later has no column and is left out, as the header is already written. Rows that are
 * not objects (--query '[].id') have no header. Cells: strings and numbers as they are, booleans
 * true/false, null and missing empty, maps, lists, sets and binary as compact JSON
 * ({"$set":["a","b"]}). An empty list prints nothing.
 *
 * <p>Quoting is done here rather than by jackson-dataformat-csv, which leaves a lone carriage
 * return unquoted and drops null cells from a row instead of leaving them empty.
 */
final class CsvRenderer implements Renderer {
    private final PrintWriter out;

    CsvRenderer(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void document(JsonNode document) {
        if (document.isArray()) {
            list(document.elements(), List.of());
        } else {
            list(List.of(document).iterator(), List.of());
        }
    }

    @Override
    public void list(Iterator<? extends JsonNode> rows, List<String> leadingColumns) {
        Columns.print(rows, leadingColumns, out, (columns, first) -> {
            if (columns.named()) {
                StringJoiner header = new StringJoiner(",");
                columns.names().forEach(name -> header.add(field(name)));
                out.println(header);
            }
            return row -> printRow(columns, row);
        });
    }

    private void printRow(Columns columns, JsonNode row) {
        StringJoiner line = new StringJoiner(",");
        columns.cells(row).forEach(cell -> line.add(field(CellText.data(cell))));
        out.println(line);
    }

    private static String field(String text) {
        return text == null ? "" : CsvField.quoted(text);
    }
}
