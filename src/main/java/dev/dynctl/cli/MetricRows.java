package dev.dynctl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.codec.Json;
import dev.dynctl.metrics.MetricSeries;
import dev.dynctl.output.Sparkline;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * What the metrics commands (api metrics, table metrics) share in their tables: numbers rounded
 * for reading, a dash for no data, and a trend column of sparklines fitted to the terminal.
 */
public final class MetricRows {
    /** Wider than this a trend is hard to read at a glance; the floor is the width of its header, so it costs no room. */
    private static final int MAX_TREND = 60;
    private static final int MIN_TREND = "trend".length();
    /** The trend, or a number, of a metric with no data in the window. */
    private static final String NO_DATA = "-";
    /** The spaces a table puts between columns. */
    private static final int COLUMN_GAP = 2;

    private MetricRows() {
    }

    /**
     * Adds a "trend" to each row: its series' sparkline, fitted to the room the {@code columns}
     * before it leave (at most {@link #MAX_TREND} wide, on a narrow terminal as narrow as its
     * header), so that the table never cuts it; a metric without data has a dash, like its numbers.
     */
    public static void addTrends(List<ObjectNode> rows, List<? extends MetricSeries<?>> series, List<String> columns, int terminalWidth) {
        int used = 0;
        for (String column : columns) {
            int widest = column.length();
            for (ObjectNode row : rows) {
                widest = Math.max(widest, text(row.get(column)).length());
            }
            used += widest + COLUMN_GAP;
        }
        int room = Math.max(MIN_TREND, Math.min(MAX_TREND, terminalWidth - used));
        for (int i = 0; i < rows.size(); i++) {
            MetricSeries<?> one = series.get(i);
            rows.get(i).put("trend", one.empty() ? NO_DATA : Sparkline.of(one.slots(), room, one.metric().combine()));
        }
    }

    /** Two decimals at most; a dash for a metric with no data in the window. */
    public static JsonNode number(Double value) {
        if (value == null) {
            return Json.MAPPER.getNodeFactory().textNode(NO_DATA);
        }
        return Json.MAPPER.getNodeFactory().numberNode(BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros());
    }

    /** Every point with its time, for scripts: [{"time": "2026-11-25T03:05:00Z", "value": 10.0}, ...]. */
    public static ArrayNode points(MetricSeries<?> series) {
        ArrayNode points = Json.MAPPER.createArrayNode();
        series.points().forEach(point -> points.addObject().put("time", point.time().toString()).put("value", point.value()));
        return points;
    }

    /** A cell's text as the table shows it: numbers written out in full. */
    private static String text(JsonNode cell) {
        if (cell == null) {
            return "";
        }
        return cell.isBigDecimal() ? cell.decimalValue().toPlainString() : cell.asText();
    }
}
