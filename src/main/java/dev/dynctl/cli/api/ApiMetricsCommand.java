package dev.dynctl.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.api.ApiMetric;
import dev.dynctl.api.ApiMetrics;
import dev.dynctl.api.ApiRef;
import dev.dynctl.api.MetricSeries;
import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.cli.table.DurationConverter;
import dev.dynctl.codec.Json;
import dev.dynctl.output.Format;
import dev.dynctl.output.Sparkline;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = "Show an API's traffic from CloudWatch: requests, latency percentiles, integration latency and "
                + "errors (WebSocket APIs: connections, messages and their errors), each with its latest, smallest and "
                + "largest value and a sparkline over the window.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl api metrics shop --stage prod",
            "  dynctl api metrics shop --stage prod --since 2d",
            "  dynctl api metrics shop --stage prod --since 30m --period 1m",
            "  dynctl api metrics shop -o json --query \"[?metric=='5xx'].points\""})
public final class ApiMetricsCommand extends DynctlCommand {
    /** Wider than this a trend is hard to read at a glance; the floor is the width of its header, so it costs no room. */
    private static final int MAX_TREND = 60;
    private static final int MIN_TREND = "trend".length();
    /** The trend of a metric with no data in the window. */
    private static final String NO_TREND = "-";
    /** The spaces a table puts between columns. */
    private static final int COLUMN_GAP = 2;

    @Parameters(index = "0", paramLabel = "API", description = "The API, by name or id.")
    String api;

    @Option(names = "--stage", paramLabel = "STAGE", description = "The stage (all stages together when left out).")
    String stage;

    @Option(names = "--since", paramLabel = "DURATION", defaultValue = "1h", converter = DurationConverter.class,
            description = "How far back to look: 30m, 1h, 2d, 1w (default: ${DEFAULT-VALUE}).")
    Duration since;

    @Option(names = "--period", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "The length of one point, whole minutes: 1m, 5m, 1h (default: the shortest giving at most 60 points). "
                    + "A table's trend joins neighbouring points when there are more than fit; -o json has every one.")
    Duration period;

    @Override
    protected void run(Context context) {
        Duration step = ApiMetrics.period(since, period);
        ApiRef ref = ApiCommand.locator(context).find(api);
        ApiMetrics metrics = new ApiMetrics(context.clients().cloudWatch(), ApiCommand.stages(context), ApiCommand.locator(context));
        ApiMetrics.Reading reading = metrics.read(ref, stage, since, step, Instant.now());
        List<MetricSeries> series = reading.series();
        if (!reading.unread().isEmpty()) {
            context.err().println("Note: " + context.clients().where() + " could not compute the "
                    + reading.unread().get(0).name() + " percentiles (" + reading.unread().stream().map(ApiMetric::stat)
                    .collect(Collectors.joining(", ")) + "), so those rows are empty; CloudWatch on AWS computes them.");
        }
        List<ApiRef> namesakes = metrics.namesakes(ref);
        if (!namesakes.isEmpty()) {
            context.err().println("Warning: CloudWatch counts a REST API's traffic by its name, and " + namesakes.size()
                    + (namesakes.size() == 1 ? " other REST API is" : " other REST APIs are") + " named '" + ref.name() + "' ("
                    + namesakes.stream().map(ApiRef::id).collect(Collectors.joining(", ")) + "): their traffic is included.");
        }
        boolean forPeople = context.output().format() == Format.TABLE || context.output().format() == Format.TEXT;
        context.output().rows(forPeople ? rows(series, context.width()) : series.stream().map(ApiMetricsCommand::document).toList(),
                List.of("metric", "stat"));
    }

    /**
     * Table rows: the numbers a person reads and a sparkline fitted to the room the other columns
     * leave (at most {@link #MAX_TREND} wide, on a narrow terminal as narrow as its header), so
     * that the table never cuts it; a metric without data has a dash, like its numbers.
     */
    private static List<JsonNode> rows(List<MetricSeries> series, int terminalWidth) {
        List<ObjectNode> rows = series.stream().map(ApiMetricsCommand::numbers).toList();
        int used = 0;
        for (String column : List.of("metric", "stat", "unit", "latest", "min", "max")) {
            int widest = column.length();
            for (ObjectNode row : rows) {
                widest = Math.max(widest, text(row.get(column)).length());
            }
            used += widest + COLUMN_GAP;
        }
        int room = Math.max(MIN_TREND, Math.min(MAX_TREND, terminalWidth - used));
        for (int i = 0; i < rows.size(); i++) {
            MetricSeries one = series.get(i);
            rows.get(i).put("trend", one.latest() == null ? NO_TREND : Sparkline.of(one.slots(), room, one.metric().combine()));
        }
        return List.copyOf(rows);
    }

    private static ObjectNode numbers(MetricSeries series) {
        ObjectNode row = Json.MAPPER.createObjectNode();
        row.put("metric", series.metric().name());
        row.put("stat", series.metric().stat());
        row.put("unit", series.metric().unit());
        row.set("latest", shown(series.latest()));
        row.set("min", shown(series.min()));
        row.set("max", shown(series.max()));
        return row;
    }

    /** A cell's text as the table shows it: numbers written out in full. */
    private static String text(JsonNode cell) {
        return cell.isBigDecimal() ? cell.decimalValue().toPlainString() : cell.asText();
    }

    /** For scripts: every point with its time. */
    private static JsonNode document(MetricSeries series) {
        ObjectNode document = Json.MAPPER.createObjectNode();
        document.put("metric", series.metric().name());
        document.put("stat", series.metric().stat());
        document.put("unit", series.metric().unit());
        ArrayNode points = document.putArray("points");
        series.points().forEach(point -> points.addObject().put("time", point.time().toString()).put("value", point.value()));
        return document;
    }

    /** Two decimals at most; a dash for a metric with no data in the window. */
    private static JsonNode shown(Double value) {
        if (value == null) {
            return Json.MAPPER.getNodeFactory().textNode("-");
        }
        return Json.MAPPER.getNodeFactory().numberNode(BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros());
    }
}
