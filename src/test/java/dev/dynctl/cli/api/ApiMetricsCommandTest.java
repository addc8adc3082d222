package dev.dynctl.cli.api;

import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.codec.Json;
import dev.dynctl.testing.Cli;
import dev.dynctl.testing.Engine;
import dev.dynctl.testing.ShellWords;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;

/** API Gateway's metrics are put into moto's CloudWatch as API Gateway would publish them, then read back. */
class ApiMetricsCommandTest {
    /** This test's clock: the data points are put relative to it (JUnit makes an instance per test). */
    private final Instant now = Instant.now();

    @Test
    void restApiTableHasEveryMetricWithLatestMinMaxAndSparkline() {
        String name = Engine.uniqueName("shop");
        restApiWithStages(name, "prod");
        List<Dimension> dims = List.of(dim("ApiName", name), dim("Stage", "prod"));
        put(dims, "Count", StandardUnit.COUNT, 50, 10);
        put(dims, "Count", StandardUnit.COUNT, 25, 40);
        put(dims, "Count", StandardUnit.COUNT, 2, 20);
        put(dims, "IntegrationLatency", StandardUnit.MILLISECONDS, 2, 100);
        put(dims, "IntegrationLatency", StandardUnit.MILLISECONDS, 2, 300);
        put(dims, "5XXError", StandardUnit.COUNT, 25, 3);

        Cli.Result result = cli().width(160).aws("api", "metrics", name, "--stage", "prod", "--since", "1h", "--period", "5m", "-o", "table");

        assertThat(result.code()).as(result.toString()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).containsSubsequence("metric", "stat", "unit", "latest", "min", "max", "trend");
        assertThat(lines).hasSize(8);
        String count = row(lines, "Count ");
        assertThat(count).containsSubsequence("Sum", "Count", "20", "10", "40");
        String trend = count.substring(lines.get(0).indexOf("trend"));
        assertThat(trend.stripTrailing()).hasSizeLessThanOrEqualTo(12).contains("▁", "█");
        assertThat(trend.chars().filter(c -> c != ' ').count()).isEqualTo(3);
        assertThat(row(lines, "IntegrationLatency")).containsSubsequence("Average", "Milliseconds", "200", "200", "200");
        assertThat(row(lines, "5XXError")).containsSubsequence("Sum", "3");
        // moto computes no percentiles, and nothing failed with a 4xx: a dash for each number and for the trend
        assertThat(row(lines, "4XXError").split("\\s+")).containsExactly("4XXError", "Sum", "Count", "-", "-", "-", "-");
        assertThat(lines).filteredOn(line -> line.startsWith("Latency")).extracting(line -> line.split("\\s+")[1])
                .containsExactly("p50", "p90", "p99");
    }

    /** A day of minutes is 1440 points: the table's trend joins them into what fits, its newest end always shown. */
    @Test
    void aLongWindowsTrendFitsTheTableWithItsNewestEnd() throws IOException {
        String name = Engine.uniqueName("day");
        restApiWithStages(name, "prod");
        List<Dimension> dims = List.of(dim("ApiName", name), dim("Stage", "prod"));
        put(dims, "Count", StandardUnit.COUNT, 1400, 10);
        put(dims, "Count", StandardUnit.COUNT, 700, 5);
        put(dims, "Count", StandardUnit.COUNT, 2, 40);

        Cli.Result table = cli().width(120).aws("api", "metrics", name, "--stage", "prod", "--since", "1d", "--period", "1m", "-o", "table");

        assertThat(table.code()).as(table.toString()).isZero();
        List<String> lines = table.out().lines().toList();
        assertThat(lines).allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(120).doesNotEndWith("…"));
        String count = row(lines, "Count ");
        String trend = count.substring(lines.get(0).indexOf("trend"));
        assertThat(trend).hasSizeLessThanOrEqualTo(60).contains("▂", "▁").endsWith("█");
        assertThat(trend.chars().filter(c -> c != ' ').count()).isEqualTo(3);

        Cli.Result json = cli().aws("api", "metrics", name, "--stage", "prod", "--since", "1d", "--period", "1m", "-o", "json");
        List<Double> values = new ArrayList<>();
        Json.MAPPER.readTree(json.out()).get(0).get("points").forEach(point -> values.add(point.get("value").asDouble()));
        assertThat(values).containsExactly(10.0, 5.0, 40.0);
    }

    @Test
    void jsonGivesEveryPointWithItsTime() throws IOException {
        String name = Engine.uniqueName("shop");
        restApiWithStages(name, "prod", "dev");
        List<Dimension> dims = List.of(dim("ApiName", name), dim("Stage", "prod"));
        put(dims, "Count", StandardUnit.COUNT, 50, 10);
        put(dims, "Count", StandardUnit.COUNT, 25, 40);
        put(dims, "Count", StandardUnit.COUNT, 2, 20);
        // another stage's traffic is not this stage's
        put(List.of(dim("ApiName", name), dim("Stage", "dev")), "Count", StandardUnit.COUNT, 2, 999);

        Cli.Result result = cli().aws("api", "metrics", name, "--stage", "prod", "--since", "1h", "--period", "5m", "-o", "json");

        assertThat(result.code()).as(result.toString()).isZero();
        JsonNode doc = Json.MAPPER.readTree(result.out());
        JsonNode count = doc.get(0);
        assertThat(count.get("metric").asText()).isEqualTo("Count");
        assertThat(count.get("stat").asText()).isEqualTo("Sum");
        assertThat(count.get("unit").asText()).isEqualTo("Count");
        List<Double> values = new ArrayList<>();
        count.get("points").forEach(point -> {
            Instant time = Instant.parse(point.get("time").asText());
            assertThat(time).isBetween(now.minus(Duration.ofMinutes(60)), now);
            values.add(point.get("value").asDouble());
        });
        assertThat(values).containsExactly(10.0, 40.0, 20.0);
        assertThat(doc.get(1).get("metric").asText()).isEqualTo("Latency");
    }

    /** --period auto, as in `table metrics`: the shortest period giving at most 60 points (5m over 3h). */
    @Test
    void periodAutoChoosesThePeriodAsTableMetricsDoes() throws IOException {
        String name = Engine.uniqueName("shop");
        restApiWithStages(name, "prod");
        put(List.of(dim("ApiName", name), dim("Stage", "prod")), "Count", StandardUnit.COUNT, 2, 20);

        Cli.Result auto = cli().aws("api", "metrics", name, "--stage", "prod", "--since", "3h", "--period", "auto", "-o", "json");
        Cli.Result unsaid = cli().aws("api", "metrics", name, "--stage", "prod", "--since", "3h", "-o", "json");

        assertThat(auto.code()).as(auto.toString()).isZero();
        JsonNode points = Json.MAPPER.readTree(auto.out()).get(0).get("points");
        assertThat(points).singleElement().satisfies(point -> {
            assertThat(point.get("value").asDouble()).isEqualTo(20.0);
            assertThat(Instant.parse(point.get("time").asText()).getEpochSecond() % 300).isZero();
        });
        assertThat(unsaid.out()).isEqualTo(auto.out());
    }

    @Test
    void httpApiIsMeasuredByIdWithItsOwnErrorNames() throws IOException {
        String name = Engine.uniqueName("http");
        String id = Engine.apiGatewayV2().createApi(b -> b.name(name).protocolType("HTTP")).apiId();
        Engine.apiGatewayV2().createStage(b -> b.apiId(id).stageName("$default").autoDeploy(true));
        put(List.of(dim("ApiId", id), dim("Stage", "$default")), "4xx", StandardUnit.COUNT, 3, 7);

        Cli.Result result = cli().aws("api", "metrics", name, "--stage", "$default", "--since", "30m", "-o", "json");

        assertThat(result.code()).as(result.toString()).isZero();
        JsonNode doc = Json.MAPPER.readTree(result.out());
        List<String> names = new ArrayList<>();
        doc.forEach(metric -> names.add(metric.get("metric").asText()));
        assertThat(names).containsExactly("Count", "Latency", "Latency", "Latency", "IntegrationLatency", "4xx", "5xx");
        assertThat(doc.get(5).get("points").get(0).get("value").asDouble()).isEqualTo(7.0);
    }

    @Test
    void webSocketApiShowsConnectionsAndMessages() throws IOException {
        String name = Engine.uniqueName("chat");
        String id = Engine.apiGatewayV2().createApi(b -> b.name(name).protocolType("WEBSOCKET")
                .routeSelectionExpression("$request.body.action")).apiId();
        Engine.apiGatewayV2().createStage(b -> b.apiId(id).stageName("live"));
        put(List.of(dim("ApiId", id), dim("Stage", "live")), "MessageCount", StandardUnit.COUNT, 1, 12);

        Cli.Result result = cli().aws("api", "metrics", id, "--stage", "live", "-o", "json");

        assertThat(result.code()).as(result.toString()).isZero();
        JsonNode doc = Json.MAPPER.readTree(result.out());
        List<String> names = new ArrayList<>();
        doc.forEach(metric -> names.add(metric.get("metric").asText()));
        assertThat(names).containsExactly("ConnectCount", "MessageCount", "IntegrationLatency", "IntegrationError", "ClientError",
                "ExecutionError");
        assertThat(doc.get(1).get("points").get(0).get("value").asDouble()).isEqualTo(12.0);
    }

    @Test
    void unknownApiIsNotFoundWithTheNearNames() {
        String name = Engine.uniqueName("orders");
        Engine.apiGateway().createRestApi(b -> b.name(name));
        String typo = name + "x";

        Cli.Result result = cli().aws("api", "metrics", typo, "--stage", "prod");

        assertThat(result.code()).as(result.toString()).isEqualTo(3);
        assertThat(result.err()).contains("API '" + typo + "' not found in endpoint", "Did you mean '" + name + "'?");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void unknownStageIsNotFoundNamingTheApisStages() {
        String name = Engine.uniqueName("shop");
        String id = restApiWithStages(name, "prod", "beta");

        Cli.Result result = cli().aws("api", "metrics", name, "--stage", "prodd", "-o", "table");

        assertThat(result.code()).as(result.toString()).isEqualTo(3);
        assertThat(result.err()).contains("Stage 'prodd' not found in API '" + name + "' (" + id + "). Its stages: beta, prod.",
                "Did you mean 'prod'?");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void restApisSharingANameAreWarnedOfSinceTheirMetricsMix() throws IOException {
        String name = Engine.uniqueName("twin");
        String id = restApiWithStages(name, "prod");
        String other = Engine.apiGateway().createRestApi(b -> b.name(name)).id();
        put(List.of(dim("ApiName", name), dim("Stage", "prod")), "Count", StandardUnit.COUNT, 2, 5);

        Cli.Result shared = cli().aws("api", "metrics", id, "--stage", "prod", "-o", "json");

        assertThat(shared.code()).as(shared.toString()).isZero();
        assertThat(shared.err()).contains("Warning: CloudWatch counts a REST API's traffic by its name, and 1 other REST API is named '"
                + name + "' (" + other + "): their traffic is included.");
        assertThat(Json.MAPPER.readTree(shared.out()).get(0).get("points").get(0).get("value").asDouble()).isEqualTo(5.0);

        String single = Engine.uniqueName("single");
        restApiWithStages(single, "prod");
        Cli.Result alone = cli().aws("api", "metrics", single, "--stage", "prod", "-o", "json");
        assertThat(alone.code()).as(alone.toString()).isZero();
        assertThat(alone.err()).doesNotContain("Warning");
    }

    @Test
    void badDurationsAreUsageErrors() {
        assertThat(cli().aws("api", "metrics", "x", "--since", "soon").code()).isEqualTo(2);
        Cli.Result seconds = cli().aws("api", "metrics", "x", "--period", "90s");
        assertThat(seconds.code()).as(seconds.toString()).isEqualTo(2);
        assertThat(seconds.err()).contains("whole number of minutes");
    }

    /** moto fails GetMetricData once Latency has data (it has no percentiles): the rest is shown, the percentiles empty. */
    @Test
    void anEngineWithoutPercentilesStillShowsTheOtherMetrics() throws IOException {
        String name = Engine.uniqueName("slow");
        restApiWithStages(name, "prod");
        List<Dimension> dims = List.of(dim("ApiName", name), dim("Stage", "prod"));
        put(dims, "Count", StandardUnit.COUNT, 10, 4);
        put(dims, "Latency", StandardUnit.MILLISECONDS, 10, 120);
        put(dims, "IntegrationLatency", StandardUnit.MILLISECONDS, 10, 80);

        Cli.Result table = cli().width(160).aws("api", "metrics", name, "--stage", "prod", "--since", "1h", "-o", "table");

        assertThat(table.code()).as(table.toString()).isZero();
        assertThat(table.err()).contains("could not compute the Latency percentiles (p50, p90, p99), so those rows are empty; "
                + "CloudWatch on AWS computes them.");
        List<String> lines = table.out().lines().toList();
        assertThat(row(lines, "Count ")).containsSubsequence("Sum", "Count", "4", "4", "4", "▁");
        assertThat(row(lines, "IntegrationLatency")).containsSubsequence("Average", "Milliseconds", "80");
        assertThat(lines).filteredOn(line -> line.startsWith("Latency"))
                .extracting(line -> List.of(line.split("\\s+")))
                .containsExactly(List.of("Latency", "p50", "Milliseconds", "-", "-", "-", "-"),
                        List.of("Latency", "p90", "Milliseconds", "-", "-", "-", "-"),
                        List.of("Latency", "p99", "Milliseconds", "-", "-", "-", "-"));

        Cli.Result json = cli().aws("api", "metrics", name, "--stage", "prod", "--since", "1h", "-o", "json");
        assertThat(json.code()).as(json.toString()).isZero();
        JsonNode doc = Json.MAPPER.readTree(json.out());
        assertThat(doc.get(0).get("points").get(0).get("value").asDouble()).isEqualTo(4.0);
        assertThat(doc.get(1).get("stat").asText()).isEqualTo("p50");
        assertThat(doc.get(1).get("points")).isEmpty();
    }

    /** On a 60-column terminal the trend shrinks to the room left, and a metric without data has a dash, not a cut "…". */
    @Test
    void aNarrowTerminalsTableFitsWithItsTrends() {
        String name = Engine.uniqueName("narrow");
        restApiWithStages(name, "prod");
        List<Dimension> dims = List.of(dim("ApiName", name), dim("Stage", "prod"));
        put(dims, "Count", StandardUnit.COUNT, 50, 10);
        put(dims, "Count", StandardUnit.COUNT, 2, 40);
        put(dims, "IntegrationLatency", StandardUnit.MILLISECONDS, 2, 100);

        Cli.Result result = cli().width(60).aws("api", "metrics", name, "--stage", "prod", "--since", "1h", "--period", "5m", "-o", "table");

        assertThat(result.code()).as(result.toString()).isZero();
        List<String> lines = result.out().lines().toList();
        // the table may shorten a long metric name, as any wide column; the trend is never cut
        assertThat(lines).hasSize(8).allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(60).doesNotEndWith("…"));
        int trend = lines.get(0).indexOf("trend");
        assertThat(trend).isPositive();
        assertThat(lines).allSatisfy(line -> assertThat(line.substring(trend)).doesNotContain("…"));
        assertThat(row(lines, "Count ").substring(trend)).contains("▁").endsWith("█");
        assertThat(row(lines, "4XXError").substring(trend)).isEqualTo("-");
    }

    /** The --query example of --help, as written, on the HTTP API it names (shop, as in docs/apis.md). */
    @Test
    void theQueryExampleOfTheHelpWorks() throws IOException {
        String example = cli().run("api", "metrics", "--help").out().lines().map(String::strip)
                .filter(line -> line.startsWith("dynctl api metrics shop -o json --query")).findFirst().orElseThrow();
        String shop = Engine.uniqueName("shop");
        String id = json(cli().aws("api", "create", shop, "--type", "http")).path("id").asText();
        put(List.of(dim("ApiId", id)), "5xx", StandardUnit.COUNT, 3, 2);
        List<String> words = ShellWords.split(example);
        List<String> args = new ArrayList<>(words.subList(1, words.size()));
        args.set(args.indexOf("shop"), shop);

        Cli.Result result = cli().aws(args.toArray(String[]::new));

        assertThat(result.code()).as(example + "\n" + result).isZero();
        JsonNode points = Json.MAPPER.readTree(result.out());
        assertThat(points).hasSize(1);
        assertThat(points.get(0).get(0).get("value").asDouble()).isEqualTo(2.0);
    }

    private static JsonNode json(Cli.Result result) throws IOException {
        assertThat(result.code()).as(result.toString()).isZero();
        return Json.MAPPER.readTree(result.out());
    }

    /** A deployable REST API with these stages, each on a deployment of its own; returns its id. */
    private static String restApiWithStages(String name, String... stages) {
        String id = ApiFixtures.deployableRestApi(name);
        for (String stage : stages) {
            Engine.apiGateway().createDeployment(b -> b.restApiId(id).stageName(stage));
        }
        return id;
    }

    private void put(List<Dimension> dims, String metric, StandardUnit unit, int minutesAgo, double value) {
        MetricDatum datum = MetricDatum.builder().metricName(metric).dimensions(dims).unit(unit).value(value)
                .timestamp(now.minus(Duration.ofMinutes(minutesAgo))).build();
        Engine.cloudWatch().putMetricData(b -> b.namespace("AWS/ApiGateway").metricData(datum));
    }

    private static Dimension dim(String name, String value) {
        return Dimension.builder().name(name).value(value).build();
    }

    private static String row(List<String> lines, String start) {
        return lines.stream().filter(line -> line.startsWith(start)).findFirst().orElse(null);
    }
}
