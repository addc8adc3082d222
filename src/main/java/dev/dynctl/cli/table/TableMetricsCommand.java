package dev.dynctl.cli.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.cli.MetricRows;
import dev.dynctl.cli.PeriodConverter;
import dev.dynctl.codec.Json;
import dev.dynctl.dynamo.TableMetric;
import dev.dynctl.dynamo.TableMetrics;
import dev.dynctl.metrics.MetricReader;
import dev.dynctl.metrics.MetricWindow;
import dev.dynctl.output.Format;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = "Show a table's CloudWatch metrics: consumed against provisioned read and write capacity "
                + "(per second), throttling, successful request latency per operation, system errors and the "
                + "region's user errors, each with its sum, average and maximum over the window and a sparkline.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl table metrics orders",
            "  dynctl table metrics orders --since 6h --period 5m",
            "  dynctl table metrics orders --index byEmail --since 1d",
            "  dynctl table metrics orders -o json \\",
            "      --query \"metrics[?metric=='ReadThrottleEvents'].sum\"",
            "",
            "Consumed capacity is CloudWatch's Sum over a period divided by its seconds",
            "(units/s, as the DynamoDB console shows it); its sum is the units consumed.",
            "Metrics kept per operation have a row for each operation with data."})
public final class TableMetricsCommand extends DynctlCommand {
    private static final List<String> NUMBER_COLUMNS = List.of("metric", "operation", "stat", "unit", "sum", "avg", "max");

    @Parameters(index = "0", paramLabel = "TABLE", description = "The table.")
    String table;

    @Option(names = "--index", paramLabel = "NAME", description = "A global index of the table: its capacity and throttling.")
    String index;

    @Option(names = "--since", paramLabel = "DURATION", defaultValue = "1h", converter = DurationConverter.class,
            description = "How far back to look: 30m, 1h, 2d, 1w (default: ${DEFAULT-VALUE}).")
    Duration since;

    @Option(names = "--period", paramLabel = "auto|DURATION", defaultValue = PeriodConverter.AUTO, converter = PeriodConverter.class,
            description = "The length of one point, whole minutes: 1m, 5m, 1h; auto: the shortest giving at most 60 points "
                    + "(default: ${DEFAULT-VALUE}). -o json has every point.")
    Duration period;

    @Override
    protected void run(Context context) {
        Duration step = MetricWindow.period(since, period);
        TableMetrics metrics = new TableMetrics(context.clients().dynamo(), new MetricReader(context.clients().cloudWatch()),
                context.clients().where());
        TableMetrics.Report report = metrics.read(table, index, since, step, Instant.now());
        notes(context, report);
        Format format = context.output().format();
        // --query applies to the document, as in -o json, whatever the format
        if ((format == Format.TABLE || format == Format.TEXT) && context.options().query() == null) {
            context.output().rows(rows(report.rows(), context.width()), NUMBER_COLUMNS);
        } else {
            context.output().document(document(report));
        }
    }

    private void notes(Context context, TableMetrics.Report report) {
        if (report.onDemand()) {
            context.err().println("Table '" + table + "' is on-demand: consumed capacity only, there is no provisioned capacity "
                    + "to compare it with.");
        }
        if (!report.unread().isEmpty()) {
            context.err().println("Note: " + context.clients().where() + " could not compute the "
                    + String.join(", ", unread(report)) + ", so those rows are empty; CloudWatch on AWS computes it.");
        }
        boolean userErrors = report.rows().stream().anyMatch(row -> row.metric().name().equals("UserErrors") && !row.series().empty());
        if (userErrors) {
            context.err().println("Note: UserErrors counts the 400 answers to every table in " + context.clients().where()
                    + ": CloudWatch keeps no figure per table.");
        }
    }

    /** Table rows: the numbers a person reads and a sparkline fitted to the room the other columns leave. */
    private static List<JsonNode> rows(List<TableMetrics.Row> reading, int terminalWidth) {
        List<ObjectNode> rows = reading.stream().map(TableMetricsCommand::numbers).toList();
        MetricRows.addTrends(rows, reading.stream().map(TableMetrics.Row::series).toList(), NUMBER_COLUMNS, terminalWidth);
        return List.copyOf(rows);
    }

    /** The numbers of one row; a blank sum where adding up means nothing (capacity provisioned, latency). */
    private static ObjectNode numbers(TableMetrics.Row row) {
        TableMetric metric = row.metric();
        ObjectNode cells = Json.MAPPER.createObjectNode();
        cells.put("metric", metric.name());
        cells.put("operation", metric.operation() == null ? "" : metric.operation());
        cells.put("stat", metric.stat());
        cells.put("unit", metric.unit());
        if ("Sum".equals(metric.stat())) {
            cells.set("sum", MetricRows.number(row.total()));
        } else {
            cells.put("sum", "");
        }
        cells.set("avg", MetricRows.number(row.series().average()));
        cells.set("max", MetricRows.number(row.series().max()));
        return cells;
    }

    /** For scripts: the window, and every metric with its numbers and points (null where there is none). */
    private static JsonNode document(TableMetrics.Report report) {
        ObjectNode document = Json.MAPPER.createObjectNode();
        document.put("table", report.table());
        document.put("index", report.index());
        document.put("billing", report.onDemand() ? "on-demand" : "provisioned");
        if (!report.onDemand()) {
            document.putObject("provisioned").put("readCapacityUnits", report.provisioned().readCapacityUnits())
                    .put("writeCapacityUnits", report.provisioned().writeCapacityUnits());
        }
        document.put("start", report.window().start().toString());
        document.put("end", report.window().end().toString());
        document.put("periodSeconds", report.window().periodSeconds());
        ArrayNode metrics = document.putArray("metrics");
        for (TableMetrics.Row row : report.rows()) {
            TableMetric metric = row.metric();
            ObjectNode entry = metrics.addObject();
            entry.put("metric", metric.name());
            entry.put("operation", metric.operation());
            entry.put("stat", metric.stat());
            entry.put("unit", metric.unit());
            entry.put("sum", row.total());
            entry.put("avg", row.series().average());
            entry.put("max", row.series().max());
            entry.set("points", MetricRows.points(row.series()));
        }
        ArrayNode unread = document.putArray("notComputed");
        unread(report).forEach(unread::add);
        return document;
    }

    /** The statistics the engine could not compute, once each: "p99 of SuccessfulRequestLatency". */
    private static List<String> unread(TableMetrics.Report report) {
        return report.unread().stream().map(metric -> metric.stat() + " of " + metric.name()).distinct().toList();
    }
}
