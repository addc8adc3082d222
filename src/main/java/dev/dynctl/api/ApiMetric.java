package dev.dynctl.api;

import dev.dynctl.metrics.Metric;
import java.util.List;

/**
 * One statistic of one API Gateway metric, as the metrics table shows it. Each kind of API
 * publishes its own names in AWS/ApiGateway: REST APIs 4XXError/5XXError, HTTP APIs 4xx/5xx,
 * WebSocket APIs connection and message counts and their own error kinds.
 */
public record ApiMetric(String name, String stat, String unit) implements Metric {
    private static final String COUNT = "Count";
    private static final String MS = "Milliseconds";

    /** The metrics worth watching for a kind of API, in the order they are shown. */
    public static List<ApiMetric> of(ApiType type) {
        return switch (type) {
            case REST -> List.of(sum("Count"), latency("p50"), latency("p90"), latency("p99"), integrationLatency(),
                    sum("4XXError"), sum("5XXError"));
            case HTTP -> List.of(sum("Count"), latency("p50"), latency("p90"), latency("p99"), integrationLatency(),
                    sum("4xx"), sum("5xx"));
            case WEBSOCKET -> List.of(sum("ConnectCount"), sum("MessageCount"), integrationLatency(),
                    sum("IntegrationError"), sum("ClientError"), sum("ExecutionError"));
        };
    }

    /**
     * The dimension that names the API: REST APIs are published by name (ApiName), HTTP and
     * WebSocket APIs by id (ApiId).
     */
    public static String apiDimension(ApiType type) {
        return type == ApiType.REST ? "ApiName" : "ApiId";
    }

    private static ApiMetric sum(String name) {
        return new ApiMetric(name, "Sum", COUNT);
    }

    private static ApiMetric latency(String percentile) {
        return new ApiMetric("Latency", percentile, MS);
    }

    /** The average: how long the backend takes, next to the percentiles of the whole request. */
    private static ApiMetric integrationLatency() {
        return new ApiMetric("IntegrationLatency", "Average", MS);
    }
}
