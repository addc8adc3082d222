package dev.dynctl.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.api.ApiMetric;
import dev.dynctl.api.ApiMetrics;
import dev.dynctl.api.ApiRef;
import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.cli.MetricRows;
import dev.dynctl.cli.PeriodConverter;
import dev.dynctl.cli.table.DurationConverter;
import dev.dynctl.codec.Json;
import dev.dynctl.metrics.MetricReader;
import dev.dynctl.metrics.MetricSeries;
import dev.dynctl.metrics.MetricWindow;
import dev.dynctl.output.Format;
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
    private static final List<String> NUMBER_COLUMNS = List.of("metric", "stat", "unit", "latest", "min", "max");

    @Parameters(index = "0", paramLabel = "API", description = "The API, by name or id.")
    String api;

    @Option(names = "--stage", paramLabel = "STAGE", description = "The stage (all stages together when left out).")
    String stage;

    @Option(names = "--since", paramLabel = "DURATION", defaultValue = "1h", converter = DurationConverter.class,
            description = "How far back to look: 30m, 1h, 2d, 1w (default: ${DEFAULT-VALUE}).")
    Duration since;

    @Option(names = "--period", paramLabel = "auto|DURATION", defaultValue = PeriodConverter.AUTO, converter = PeriodConverter.class,
            description = "The length of one point, whole minutes: 1m, 5m, 1h; auto: the shortest giving at most 60 points "
                    + "(default: ${DEFAULT-VALUE}). A table's trend joins neighbouring points when there are more than fit; "
                    + "-o json has every one.")
    Duration period;

    @Override
    protected void run(Context context) {
        Duration step = MetricWindow.period(since, period);
        ApiRef ref = ApiCommand.locator(context).find(api);
        ApiMetrics metrics = new ApiMetrics(context.clients().cloudWatch(), ApiCommand.stages(context), ApiCommand.locator(context));
        MetricReader.Reading<ApiMetric> reading = metrics.read(ref, stage, since, step, Instant.now());
        List<MetricSeries<ApiMetric>> series = reading.series();
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

    /** Table rows: the numbers a person reads and a sparkline fitted to the room the other columns leave. */
    private static List<JsonNode> rows(List<MetricSeries<ApiMetric>> series, int terminalWidth) {
        List<ObjectNode> rows = series.stream().map(ApiMetricsCommand::numbers).toList();
        MetricRows.addTrends(rows, series, NUMBER_COLUMNS, terminalWidth);
        return List.copyOf(rows);
    }

    private static ObjectNode numbers(MetricSeries<ApiMetric> series) {
        ObjectNode row = Json.MAPPER.createObjectNode();
        row.put("metric", series.metric().name());
        row.put("stat", series.metric().stat());
        row.put("unit", series.metric().unit());
        row.set("latest", MetricRows.number(series.latest()));
        row.set("min", MetricRows.number(series.min()));
        row.set("max", MetricRows.number(series.max()));
        return row;
    }

    /** For scripts: every point with its time. */
    private static JsonNode document(MetricSeries<ApiMetric> series) {
        ObjectNode document = Json.MAPPER.createObjectNode();
        document.put("metric", series.metric().name());
        document.put("stat", series.metric().stat());
        document.put("unit", series.metric().unit());
        document.set("points", MetricRows.points(series));
        return document;
    }
}
