package dev.dynctl.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Columns for a person at a terminal, fitted to its width. A list shows the leading columns (the
 * keys) first and then the other attributes in first-seen order; widths come from the first
 * {@link Columns#LOOKAHEAD} rows and the rest stream through with the same widths, cut with "…".
 * A document is a key/value table whose long values wrap; a scalar prints as it is. An empty
 * list prints "(none)", so that a person sees the command ran and found nothing.
 */
final class TableRenderer implements Renderer {
    private static final String GAP = " ".repeat(ColumnWidths.GAP);
    /** A document value longer than this many lines is cut: the whole of it is one -o json away. */
    private static final int MAX_VALUE_LINES = 40;

    private final PrintWriter out;
    private final int width;
    private final Colors colors;

    TableRenderer(PrintWriter out, Style style) {
        this.out = out;
        this.width = style.width();
        this.colors = new Colors(style.color());
    }

    @Override
    public void document(JsonNode document) {
        if (document.isObject()) {
            keyValueTable(document);
        } else if (document.isArray()) {
            list(document.elements(), List.of());
        } else {
            out.println(CellText.display(document, Integer.MAX_VALUE));
        }
        out.flush();
    }

    @Override
    public void list(Iterator<? extends JsonNode> rows, List<String> leadingColumns) {
        boolean printed = Columns.print(rows, leadingColumns, out, (columns, first) -> {
            List<List<String>> firstTexts = first.stream().map(row -> texts(columns, row)).toList();
            ColumnWidths.Fit fit = ColumnWidths.fit(naturalWidths(columns, firstTexts), width);
            if (columns.named()) {
                printLine(columns.names().stream().map(CellText::label).toList(), fit, true);
            }
            return row -> printLine(texts(columns, row), fit, false);
        });
        if (!printed) {
            out.println(colors.faint("(none)"));
            out.flush();
        }
    }

    private List<String> texts(Columns columns, JsonNode row) {
        // enough characters to fill any column; a cell never needs more than the terminal is wide
        int limit = Math.max(width, 20) * 2;
        List<String> texts = new ArrayList<>(columns.size());
        columns.cells(row).forEach(cell -> texts.add(CellText.display(cell, limit)));
        return texts;
    }

    private static int[] naturalWidths(Columns columns, List<List<String>> rows) {
        int[] natural = new int[columns.size()];
        if (columns.named()) {
            for (int i = 0; i < natural.length; i++) {
                natural[i] = DisplayWidth.of(CellText.label(columns.names().get(i)));
            }
        }
        for (List<String> row : rows) {
            for (int i = 0; i < natural.length; i++) {
                natural[i] = Math.max(natural[i], DisplayWidth.of(row.get(i)));
            }
        }
        return natural;
    }

    private void printLine(List<String> texts, ColumnWidths.Fit fit, boolean header) {
        int[] widths = fit.widths();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            String text = DisplayWidth.truncate(texts.get(i), widths[i]);
            line.append(header ? colors.header(text) : text);
            boolean last = i == widths.length - 1 && !fit.hidden();
            if (!last) {
                line.append(" ".repeat(widths[i] - DisplayWidth.of(text))).append(GAP);
            }
        }
        if (fit.hidden()) {
            line.append(colors.faint(DisplayWidth.ELLIPSIS));
        }
        out.println(stripTrailingSpaces(line));
    }

    private void keyValueTable(JsonNode document) {
        int keyWidth = 0;
        for (Iterator<String> names = document.fieldNames(); names.hasNext(); ) {
            keyWidth = Math.max(keyWidth, DisplayWidth.of(CellText.label(names.next())));
        }
        keyWidth = Math.min(keyWidth, Math.max(ColumnWidths.FLOOR, width / 3));
        int valueWidth = Math.max(1, width - keyWidth - GAP.length());
        String indent = " ".repeat(keyWidth + GAP.length());
        for (Iterator<Map.Entry<String, JsonNode>> fields = document.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = DisplayWidth.truncate(CellText.label(field.getKey()), keyWidth);
            String value = CellText.display(field.getValue(), valueWidth * MAX_VALUE_LINES);
            List<String> lines = DisplayWidth.wrap(value, valueWidth);
            out.println(stripTrailingSpaces(new StringBuilder(colors.key(key))
                    .append(" ".repeat(keyWidth - DisplayWidth.of(key))).append(GAP).append(lines.get(0))));
            lines.subList(1, lines.size()).forEach(line -> out.println(indent + line));
        }
    }

    private static String stripTrailingSpaces(CharSequence line) {
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ') {
            end--;
        }
        return line.subSequence(0, end).toString();
    }
}
