package dev.dynctl.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Tab-separated values for scripts, in the spirit of {@code aws --output text}: no header, one
 * line per row, the columns in the table's order (leading columns, then the attributes of the
 * first {@link Columns#LOOKAHEAD} rows in first-seen order; later new attributes are left out).
 *
 * <p>A cell is a string or number as it is, true/false, {@code None} for null (as aws prints it),
 * empty where a row lacks the attribute, and compact JSON for maps, lists, sets and binary. Tabs
 * and line breaks inside a value are written as {@code \t}, {@code \n} and {@code \r} so that
 * every row stays one line of the same fields.
 *
 * <p>A document that is an object, or a list of scalars (--query 'Table.[TableName, ItemCount]'),
 * prints its values in order on one line, as aws does; a list of objects or lists prints one line
 * per element like any list; a scalar prints alone. A list handed over as rows (items, or --query
 * '[].id' on them) is always one line per row.
 */
final class TextRenderer implements Renderer {
    private final PrintWriter out;

    TextRenderer(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void document(JsonNode document) {
        if (document.isArray() && !allScalars(document)) {
            list(document.elements(), List.of());
            return;
        }
        List<String> values = new ArrayList<>();
        if (document.isContainerNode()) {
            document.elements().forEachRemaining(value -> values.add(text(value)));
        } else {
            values.add(text(document));
        }
        out.println(String.join("\t", values));
        out.flush();
    }

    @Override
    public void list(Iterator<? extends JsonNode> rows, List<String> leadingColumns) {
        Columns.print(rows, leadingColumns, out, (columns, first) -> row -> printRow(columns, row));
    }

    private void printRow(Columns columns, JsonNode row) {
        List<String> values = new ArrayList<>(columns.size());
        columns.cells(row).forEach(cell -> values.add(cell == null ? "" : text(cell)));
        out.println(String.join("\t", values));
    }

    private static boolean allScalars(JsonNode array) {
        for (JsonNode element : array) {
            if (element.isContainerNode()) {
                return false;
            }
        }
        return true;
    }

    private static String text(JsonNode value) {
        String text = CellText.data(value);
        if (text == null) {
            return "None";
        }
        return text.replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }
}
