package dev.dynctl.cli.api;

import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.codec.Json;
import dev.dynctl.testing.Cli;
import dev.dynctl.testing.Engine;
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
    private static final Instant NOW = Instant.now();

    @Test
    void restApiTableHasEveryMetricWithLatestMinMaxAndSparkline() {
        String name = Engine.uniqueName("shop");
        Engine.apiGateway().createRestApi(b -> b.name(name));
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
        // moto computes no percentiles, and nothing failed with a 4xx: a dash, and no sparkline
        assertThat(row(lines, "4XXError").split("\\s+")).containsExactly("4XXError", "Sum", "Count", "-", "-", "-");
        assertThat(lines).filteredOn(line -> line.startsWith("Latency")).extracting(line -> line.split("\\s+")[1])
                .containsExactly("p50", "p90", "p99");
    }

    @Test
    void jsonGivesEveryPointWithItsTime() throws IOException {
        String name = Engine.uniqueName("shop");
        Engine.apiGateway().createRestApi(b -> b.name(name));
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
            assertThat(time).isBetween(NOW.minus(Duration.ofMinutes(60)), NOW);
            values.add(point.get("value").asDouble());
        });
        assertThat(values).containsExactly(10.0, 40.0, 20.0);
        assertThat(doc.get(1).get("metric").asText()).isEqualTo("Latency");
    }

    @Test
    void httpApiIsMeasuredByIdWithItsOwnErrorNames() throws IOException {
        String name = Engine.uniqueName("http");
        String id = Engine.apiGatewayV2().createApi(b -> b.name(name).protocolType("HTTP")).apiId();
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
    void unknownApiIsNotFound() {
        Cli.Result result = cli().aws("api", "metrics", Engine.uniqueName("nothing"), "--stage", "prod");
        assertThat(result.code()).as(result.toString()).isEqualTo(3);
    }

    @Test
    void badDurationsAreUsageErrors() {
        assertThat(cli().aws("api", "metrics", "x", "--since", "soon").code()).isEqualTo(2);
        Cli.Result seconds = cli().aws("api", "metrics", "x", "--period", "90s");
        assertThat(seconds.code()).as(seconds.toString()).isEqualTo(2);
        assertThat(seconds.err()).contains("whole number of minutes");
    }

    private static void put(List<Dimension> dims, String metric, StandardUnit unit, int minutesAgo, double value) {
        MetricDatum datum = MetricDatum.builder().metricName(metric).dimensions(dims).unit(unit).value(value)
                .timestamp(NOW.minus(Duration.ofMinutes(minutesAgo))).build();
        Engine.cloudWatch().putMetricData(b -> b.namespace("AWS/ApiGateway").metricData(datum));
    }

    private static Dimension dim(String name, String value) {
        return Dimension.builder().name(name).value(value).build();
    }

    private static String row(List<String> lines, String start) {
        return lines.stream().filter(line -> line.startsWith(start)).findFirst().orElse(null);
    }
}
