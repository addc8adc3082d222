package dev.dynctl.api;

import dev.dynctl.metrics.MetricQuery;
import dev.dynctl.metrics.MetricReader;
import dev.dynctl.metrics.MetricWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;

/**
 * An API's traffic from CloudWatch (namespace AWS/ApiGateway) over a window, with one
 * GetMetricData call for all its metrics (see {@link MetricReader} and {@link MetricWindow}).
 */
public final class ApiMetrics {
    static final String NAMESPACE = "AWS/ApiGateway";

    private final MetricReader reader;
    private final ApiStages stages;
    private final ApiLocator locator;

    public ApiMetrics(CloudWatchClient cloudWatch, ApiStages stages, ApiLocator locator) {
        this.reader = new MetricReader(cloudWatch);
        this.stages = stages;
        this.locator = locator;
    }

    /**
     * The other REST APIs named like this one. API Gateway publishes a REST API's metrics under its
     * name (the ApiName dimension), so theirs are counted in with its own; HTTP and WebSocket APIs
     * are published by id and have none.
     */
    public List<ApiRef> namesakes(ApiRef api) {
        if (api.type() != ApiType.REST) {
            return List.of();
        }
        return locator.all().stream().filter(other -> other.type() == ApiType.REST && api.name().equals(other.name())
                && !api.id().equals(other.id())).toList();
    }

    /**
     * One series per metric, in {@link ApiMetric#of} order; the percentiles unread on an engine
     * without them.
     *
     * @param stage the stage, checked to exist (exit 3 naming the API's stages); null for the whole API (every stage together)
     * @param since how far back the window reaches
     * @param period the length of one point, from {@link MetricWindow#period}
     */
    public MetricReader.Reading<ApiMetric> read(ApiRef api, String stage, Duration since, Duration period, Instant now) {
        if (stage != null) {
            stages.stage(api, stage);
        }
        List<Dimension> dimensions = new ArrayList<>();
        dimensions.add(Dimension.builder().name(ApiMetric.apiDimension(api.type())).value(api.type().v2() ? api.id() : api.name()).build());
        if (stage != null) {
            dimensions.add(Dimension.builder().name("Stage").value(stage).build());
        }
        List<MetricQuery<ApiMetric>> queries = ApiMetric.of(api.type()).stream()
                .map(metric -> new MetricQuery<>(NAMESPACE, metric, dimensions)).toList();
        return reader.read(queries, MetricWindow.ending(now, since, period));
    }
}
