package dev.dynctl.cli.table;

import static dev.dynctl.table.TableTestSupport.dim;
import static dev.dynctl.table.TableTestSupport.examples;
import static dev.dynctl.table.TableTestSupport.provisionedTable;
import static dev.dynctl.table.TableTestSupport.putMetric;
import static dev.dynctl.table.TableTestSupport.rawTable;
import static dev.dynctl.table.TableTestSupport.tableWithIndex;
import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.codec.Json;
import dev.dynctl.testing.AwsCli;
import dev.dynctl.testing.Cli;
import dev.dynctl.testing.MotoServer;
import dev.dynctl.testing.RecordingProxy;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;

/** DynamoDB's metrics are put into moto's CloudWatch as DynamoDB would publish them, then read back through `table metrics`. */
class TableMetricsCommandTest {
    /** This test's clock: the data points are put relative to it (JUnit makes an instance per test). */
    private final Instant now = Instant.now();

    @Test
    void consumedCapacityIsShownPerSecondNextToProvisioned() {
        String table = provisionedTable("orders", 10, 5);
        List<Dimension> dims = List.of(dim("TableName", table));
        // 5-minute periods: 600 units in one is 2 units/s, 300 in another 1 unit/s
        put(dims, "ConsumedReadCapacityUnits", StandardUnit.COUNT, 22, 600);
        put(dims, "ConsumedReadCapacityUnits", StandardUnit.COUNT, 3, 300);
        put(dims, "ProvisionedReadCapacityUnits", StandardUnit.COUNT, 22, 10);
        put(dims, "ProvisionedReadCapacityUnits", StandardUnit.COUNT, 3, 10);
        put(dims, "ReadThrottleEvents", StandardUnit.COUNT, 22, 4);
        put(dims, "ReadThrottleEvents", StandardUnit.COUNT, 3, 3);

        Cli.Result result = cli().width(160).aws("table", "metrics", table, "--since", "1h", "--period", "5m", "-o", "table");

        assertThat(result.code()).as(result.toString()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0).split("\\s+")).containsExactly("metric", "operation", "stat", "unit", "sum", "avg", "max", "trend");
        assertThat(words(row(lines, "ConsumedReadCapacityUnits"))).startsWith("ConsumedReadCapacityUnits", "Sum", "units/s", "900", "1.5", "2");
        String trend = row(lines, "ConsumedReadCapacityUnits").substring(lines.get(0).indexOf("trend"));
        assertThat(trend.strip()).startsWith("█").endsWith("▁");
        assertThat(trend.chars().filter(c -> c != ' ').count()).isEqualTo(2);
        // provisioned capacity is a per-second figure already: nothing to add up, the sum is blank
        assertThat(words(row(lines, "ProvisionedReadCapacityUnits"))).startsWith("ProvisionedReadCapacityUnits", "Average", "units/s", "10", "10");
        assertThat(words(row(lines, "ReadThrottleEvents"))).startsWith("ReadThrottleEvents", "Sum", "Count", "7", "3.5", "4");
        assertThat(words(row(lines, "ConsumedWriteCapacityUnits"))).containsExactly("ConsumedWriteCapacityUnits", "Sum", "units/s", "-", "-", "-", "-");
        assertThat(result.err()).doesNotContain("on-demand");
    }

    @Test
    void jsonHasEverySeriesWithItsNumbersAndPoints() throws IOException {
        String table = provisionedTable("orders", 10, 5);
        List<Dimension> dims = List.of(dim("TableName", table));
        put(dims, "ConsumedWriteCapacityUnits", StandardUnit.COUNT, 14, 120);
        put(dims, "ConsumedWriteCapacityUnits", StandardUnit.COUNT, 4, 30);

        Cli.Result result = cli().aws("table", "metrics", table, "--since", "30m", "--period", "1m", "-o", "json");

        assertThat(result.code()).as(result.toString()).isZero();
        JsonNode doc = Json.MAPPER.readTree(result.out());
        assertThat(doc.get("table").asText()).isEqualTo(table);
        assertThat(doc.get("billing").asText()).isEqualTo("provisioned");
        assertThat(doc.at("/provisioned/readCapacityUnits").asLong()).isEqualTo(10);
        assertThat(doc.get("periodSeconds").asLong()).isEqualTo(60);
        Instant start = Instant.parse(doc.get("start").asText());
        Instant end = Instant.parse(doc.get("end").asText());
        assertThat(Duration.between(start, end)).isEqualTo(Duration.ofMinutes(30));
        assertThat(end).isAfter(now);
        JsonNode writes = metric(doc, "ConsumedWriteCapacityUnits", null);
        assertThat(writes.get("unit").asText()).isEqualTo("units/s");
        assertThat(writes.get("sum").asDouble()).isEqualTo(150.0);
        assertThat(writes.get("max").asDouble()).isEqualTo(2.0);
        assertThat(writes.get("avg").asDouble()).isEqualTo(1.25);
        List<Double> values = new ArrayList<>();
        writes.get("points").forEach(point -> {
            assertThat(Instant.parse(point.get("time").asText())).isBetween(start, end);
            values.add(point.get("value").asDouble());
        });
        assertThat(values).containsExactly(2.0, 0.5);
        assertThat(metric(doc, "ReadThrottleEvents", null).get("points")).isEmpty();
        assertThat(metric(doc, "ReadThrottleEvents", null).get("sum").isNull()).isTrue();
    }

    @Test
    void anOnDemandTableHasNoProvisionedRowsAndSaysSo() throws IOException {
        String table = rawTable("events");
        put(List.of(dim("TableName", table)), "ConsumedReadCapacityUnits", StandardUnit.COUNT, 2, 60);

        Cli.Result result = cli().width(160).aws("table", "metrics", table, "-o", "table");

        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(result.err()).contains("Table '" + table + "' is on-demand: consumed capacity only");
        assertThat(result.out()).doesNotContain("Provisioned");
        // one hour, chosen period 1m: 60 units in a minute is 1 unit/s
        assertThat(words(row(result.out().lines().toList(), "ConsumedReadCapacityUnits"))).startsWith(
                "ConsumedReadCapacityUnits", "Sum", "units/s", "60", "1", "1");

        JsonNode doc = Json.MAPPER.readTree(cli().aws("table", "metrics", table, "-o", "json").out());
        assertThat(doc.get("billing").asText()).isEqualTo("on-demand");
        assertThat(doc.has("provisioned")).isFalse();
    }

    /** Latency, throttled requests and system errors are kept per operation: a row for each operation with data. */
    @Test
    void perOperationMetricsHaveARowForEachOperationWithData() {
        String table = rawTable("shop");
        put(List.of(dim("TableName", table), dim("Operation", "GetItem")), "SuccessfulRequestLatency", StandardUnit.MILLISECONDS, 3, 4);
        put(List.of(dim("TableName", table), dim("Operation", "GetItem")), "SuccessfulRequestLatency", StandardUnit.MILLISECONDS, 3, 10);
        put(List.of(dim("TableName", table), dim("Operation", "Query")), "SuccessfulRequestLatency", StandardUnit.MILLISECONDS, 8, 12);
        put(List.of(dim("TableName", table), dim("Operation", "PutItem")), "ThrottledRequests", StandardUnit.COUNT, 5, 9);

        Cli.Result result = cli().width(160).aws("table", "metrics", table, "--since", "1h", "--period", "5m", "-o", "table");

        assertThat(result.code()).as(result.toString()).isZero();
        List<String> lines = result.out().lines().toList();
        List<String> latency = lines.stream().filter(line -> line.startsWith("SuccessfulRequestLatency")).toList();
        assertThat(latency).extracting(line -> String.join(" ", words(line).subList(0, 3))).containsExactly(
                "SuccessfulRequestLatency GetItem Average", "SuccessfulRequestLatency GetItem Maximum", "SuccessfulRequestLatency GetItem p99",
                "SuccessfulRequestLatency Query Average", "SuccessfulRequestLatency Query Maximum", "SuccessfulRequestLatency Query p99");
        assertThat(words(latency.get(0))).startsWith("SuccessfulRequestLatency", "GetItem", "Average", "Milliseconds", "7", "7");
        assertThat(words(latency.get(1))).startsWith("SuccessfulRequestLatency", "GetItem", "Maximum", "Milliseconds", "10", "10");
        // moto computes no percentiles: the p99 rows are empty, and a note says why
        assertThat(words(latency.get(2))).containsExactly("SuccessfulRequestLatency", "GetItem", "p99", "Milliseconds", "-", "-", "-");
        assertThat(result.err()).contains("could not compute the p99 of SuccessfulRequestLatency, so those rows are empty; "
                + "CloudWatch on AWS computes it.");
        assertThat(words(row(lines, "ThrottledRequests"))).startsWith("ThrottledRequests", "PutItem", "Sum", "Count", "9", "9", "9");
        // no operation had a system error: one row, for all of them, says so
        assertThat(lines.stream().filter(line -> line.startsWith("SystemErrors")).toList()).singleElement()
                .satisfies(line -> assertThat(words(line)).containsExactly("SystemErrors", "Sum", "Count", "-", "-", "-", "-"));
        assertThat(result.out()).doesNotContain("UpdateItem", "BatchWriteItem");
    }

    @Test
    void anIndexShowsItsOwnCapacityAndThrottling() throws IOException {
        String table = tableWithIndex("users", "byEmail", 5, 5);
        put(List.of(dim("TableName", table)), "ConsumedWriteCapacityUnits", StandardUnit.COUNT, 3, 999);
        put(List.of(dim("TableName", table), dim("GlobalSecondaryIndexName", "byEmail")), "ConsumedWriteCapacityUnits",
                StandardUnit.COUNT, 3, 120);
        put(List.of(dim("TableName", table), dim("GlobalSecondaryIndexName", "byEmail")), "WriteThrottleEvents", StandardUnit.COUNT, 3, 2);

        Cli.Result result = cli().aws("table", "metrics", table, "--index", "byEmail", "--period", "1m", "-o", "json");

        assertThat(result.code()).as(result.toString()).isZero();
        JsonNode doc = Json.MAPPER.readTree(result.out());
        assertThat(doc.get("index").asText()).isEqualTo("byEmail");
        assertThat(metric(doc, "ConsumedWriteCapacityUnits", null).get("sum").asDouble()).isEqualTo(120.0);
        assertThat(metric(doc, "ConsumedWriteCapacityUnits", null).get("max").asDouble()).isEqualTo(2.0);
        assertThat(metric(doc, "WriteThrottleEvents", null).get("sum").asDouble()).isEqualTo(2.0);
        List<String> names = new ArrayList<>();
        doc.get("metrics").forEach(one -> names.add(one.get("metric").asText()));
        // DynamoDB publishes nothing per operation for an index, nor errors
        assertThat(names).containsExactly("ConsumedReadCapacityUnits", "ProvisionedReadCapacityUnits", "ConsumedWriteCapacityUnits",
                "ProvisionedWriteCapacityUnits", "ReadThrottleEvents", "WriteThrottleEvents");
    }

    @Test
    void userErrorsAreTheRegionsAndANoteSaysSo() {
        String table = rawTable("region");
        put(List.of(), "UserErrors", StandardUnit.COUNT, 2, 5);

        Cli.Result result = cli().width(160).aws("table", "metrics", table, "-o", "table");

        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(words(row(result.out().lines().toList(), "UserErrors"))).startsWith("UserErrors", "Sum", "Count");
        assertThat(result.err()).contains("Note: UserErrors counts the 400 answers to every table in endpoint");
    }

    /** The whole reading is one GetMetricData call, after one DescribeTable. */
    @Test
    void everyMetricComesFromOneGetMetricDataCall() {
        String table = provisionedTable("calls", 5, 5);
        put(List.of(dim("TableName", table)), "ConsumedReadCapacityUnits", StandardUnit.COUNT, 2, 60);
        try (RecordingProxy proxy = new RecordingProxy(MotoServer.get().endpoint())) {
            Cli.Result result = cli().run("table", "metrics", table, "-o", "json", "--endpoint-url", proxy.endpoint().toString(),
                    "--region", Cli.REGION);

            assertThat(result.code()).as(result.toString()).isZero();
            assertThat(proxy.calls()).extracting(RecordingProxy.Call::toString)
                    .containsExactly("dynamodb DescribeTable", "monitoring GetMetricData");
        }
    }

    /** The AWS CLI reading the same metric from the same engine sees the sums dynctl shows. */
    @Test
    void theAwsCliSeesTheSameSums() throws Exception {
        assumeTrue(AwsCli.installed(), "the AWS CLI v2 (apt-get install awscli) is needed for cross-checks");
        String table = rawTable("xcheck");
        List<Dimension> dims = List.of(dim("TableName", table));
        put(dims, "ConsumedReadCapacityUnits", StandardUnit.COUNT, 7, 240);
        put(dims, "ConsumedReadCapacityUnits", StandardUnit.COUNT, 2, 90);
        JsonNode doc = Json.MAPPER.readTree(cli().aws("table", "metrics", table, "--period", "5m", "-o", "json").out());
        JsonNode reads = metric(doc, "ConsumedReadCapacityUnits", null);

        Cli.Result aws = AwsCli.run("cloudwatch", "get-metric-data", "--start-time", doc.get("start").asText(),
                "--end-time", doc.get("end").asText(), "--metric-data-queries", "[{\"Id\":\"r\",\"MetricStat\":{\"Metric\":{"
                        + "\"Namespace\":\"AWS/DynamoDB\",\"MetricName\":\"ConsumedReadCapacityUnits\",\"Dimensions\":[{\"Name\":"
                        + "\"TableName\",\"Value\":\"" + table + "\"}]},\"Period\":300,\"Stat\":\"Sum\"}}]");

        assertThat(aws.code()).as(aws.toString()).isZero();
        JsonNode sums = Json.MAPPER.readTree(aws.out()).at("/MetricDataResults/0/Values");
        double total = 0;
        for (JsonNode sum : sums) {
            total += sum.asDouble();
        }
        assertThat(total).isEqualTo(reads.get("sum").asDouble()).isEqualTo(330.0);
        List<Double> perSecond = new ArrayList<>();
        sums.forEach(sum -> perSecond.add(sum.asDouble() / 300));
        List<Double> shown = new ArrayList<>();
        reads.get("points").forEach(point -> shown.add(point.get("value").asDouble()));
        assertThat(shown).containsExactlyInAnyOrderElementsOf(perSecond);
    }

    @Test
    void aMissingTableIsNotFoundWithTheNearNames() {
        String table = rawTable("inventory");

        Cli.Result result = cli().aws("table", "metrics", table + "x");

        assertThat(result.code()).as(result.toString()).isEqualTo(3);
        assertThat(result.err()).contains("Table '" + table + "x' not found in endpoint", "Did you mean '" + table + "'?");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void aMissingIndexIsNotFoundNamingTheTablesIndexes() {
        String table = tableWithIndex("users", "byEmail", 5, 5);

        Cli.Result result = cli().aws("table", "metrics", table, "--index", "byEmial");

        assertThat(result.code()).as(result.toString()).isEqualTo(3);
        assertThat(result.err()).contains("Index 'byEmial' not found on table '" + table + "'", "Did you mean 'byEmail'?",
                "Its global indexes: byEmail.");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void badDurationsAreUsageErrors() {
        assertThat(cli().aws("table", "metrics", "t", "--since", "soon").code()).isEqualTo(2);
        Cli.Result seconds = cli().aws("table", "metrics", "t", "--period", "90s");
        assertThat(seconds.code()).as(seconds.toString()).isEqualTo(2);
        assertThat(seconds.err()).contains("whole number of minutes");
    }

    /** --query applies to the document whatever the format, so the help's query works on a terminal too. */
    @Test
    void aQueryOnATerminalReadsTheDocument() {
        String table = provisionedTable("query", 5, 5);
        put(List.of(dim("TableName", table)), "ReadThrottleEvents", StandardUnit.COUNT, 2, 6);

        Cli.Result result = cli().stdoutTerminal(true).aws("table", "metrics", table, "--query", "metrics[?metric=='ReadThrottleEvents'].sum");

        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(result.out()).contains("6.0").doesNotContain("null", "ConsumedReadCapacityUnits");
    }

    /** The examples of --help, as written, on a table named as they name it (orders, with an index byEmail). */
    @Test
    void theHelpExamplesWork() {
        String orders = tableWithIndex("orders", "byEmail", 5, 5);
        put(List.of(dim("TableName", orders)), "ReadThrottleEvents", StandardUnit.COUNT, 2, 6);
        List<List<String>> examples = examples(new picocli.CommandLine(new TableMetricsCommand()).getCommandSpec().usageMessage().footer());
        assertThat(examples).hasSize(4);
        for (List<String> example : examples) {
            List<String> args = new ArrayList<>(example.subList(1, example.size()));
            args.set(args.indexOf("orders"), orders);

            Cli.Result result = cli().aws(args.toArray(String[]::new));

            assertThat(result.code()).as(String.join(" ", example) + "\n" + result).isZero();
            if (args.contains("--query")) {
                assertThat(result.out().replaceAll("\\s", "")).isEqualTo("[6.0]");
            }
        }
    }

    private void put(List<Dimension> dims, String metric, StandardUnit unit, int minutesAgo, double value) {
        putMetric(now.minus(Duration.ofMinutes(minutesAgo)), dims, metric, unit, value);
    }

    private static JsonNode metric(JsonNode doc, String name, String operation) {
        for (JsonNode one : doc.get("metrics")) {
            if (one.get("metric").asText().equals(name) && (operation == null ? one.get("operation").isNull()
                    : operation.equals(one.get("operation").asText()))) {
                return one;
            }
        }
        throw new AssertionError("no " + name + " in " + doc);
    }

    private static String row(List<String> lines, String start) {
        return lines.stream().filter(line -> line.startsWith(start + " ")).findFirst().orElseThrow(() -> new AssertionError(start + " in " + lines));
    }

    private static List<String> words(String line) {
        return List.of(line.strip().split("\\s+"));
    }
}
