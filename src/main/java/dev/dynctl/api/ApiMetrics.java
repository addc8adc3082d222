package dev.dynctl.api;

import dev.dynctl.aws.EngineGap;
import dev.dynctl.error.DynctlException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;

/**
 * An API's traffic from CloudWatch (namespace AWS/ApiGateway) over a window, with one
 * GetMetricData call for all its metrics. Periods are aligned to the period, and the window ends
 * with the period now running, so the newest point is the current minute (or five).
 */
public final class ApiMetrics {
    static final String NAMESPACE = "AWS/ApiGateway";
    /** The default period gives at most this many points, about what a sparkline in a table has room for. */
    private static final int MAX_POINTS = 60;
    private static final List<Duration> PERIODS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15),
            Duration.ofHours(1), Duration.ofHours(6), Duration.ofDays(1));

    private final CloudWatchClient cloudWatch;
    private final ApiStages stages;
    private final ApiLocator locator;

    public ApiMetrics(CloudWatchClient cloudWatch, ApiStages stages, ApiLocator locator) {
        this.cloudWatch = cloudWatch;
        this.stages = stages;
        this.locator = locator;
    }

    /**
     * The length of one point: the one asked for, which must be a whole number of minutes (API
     * Gateway publishes per minute), or else the shortest that gives at most 60 points.
     *
     * @param requested the period the user asked for; null to choose
     */
    public static Duration period(Duration since, Duration requested) {
        if (requested == null) {
            return PERIODS.stream().filter(p -> since.toSeconds() / p.toSeconds() <= MAX_POINTS).findFirst()
                    .orElse(PERIODS.get(PERIODS.size() - 1));
        }
        if (requested.toSeconds() % 60 != 0) {
            throw DynctlException.usage("--period " + requested.toSeconds() + "s is not a whole number of minutes.",
                    "CloudWatch keeps API Gateway metrics per minute: use 1m, 5m, 1h, ...");
        }
        return requested;
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
     * What was read: one series per metric, in {@link ApiMetric#of} order.
     *
     * @param unread the metrics the engine could not compute (their series are empty): the
     *               percentiles, on an engine without them
     */
    public record Reading(List<MetricSeries> series, List<ApiMetric> unread) {
    }

    /**
     * @param stage the stage, checked to exist (exit 3 naming the API's stages); null for the whole API (every stage together)
     * @param since how far back the window reaches
     * @param period the length of one point, from {@link #period}
     */
    public Reading read(ApiRef api, String stage, Duration since, Duration period, Instant now) {
        if (stage != null) {
            stages.stage(api, stage);
        }
        long periodSeconds = period.toSeconds();
        long slots = Math.max(1, (since.toSeconds() + periodSeconds - 1) / periodSeconds);
        Instant end = Instant.ofEpochSecond((now.getEpochSecond() / periodSeconds + 1) * periodSeconds);
        Instant start = end.minusSeconds(slots * periodSeconds);
        List<ApiMetric> metrics = ApiMetric.of(api.type());
        List<Dimension> dimensions = new ArrayList<>();
        dimensions.add(Dimension.builder().name(ApiMetric.apiDimension(api.type())).value(api.type().v2() ? api.id() : api.name()).build());
        if (stage != null) {
            dimensions.add(Dimension.builder().name("Stage").value(stage).build());
        }
        Window window = new Window(start, end, periodSeconds, (int) slots, dimensions);
        List<ApiMetric> unread = List.of();
        Map<String, Double[]> values;
        try {
            values = fetch(metrics, metric -> true, window);
        } catch (SdkServiceException e) {
            unread = metrics.stream().filter(ApiMetric::percentile).toList();
            if (unread.isEmpty() || !lacksPercentiles(e)) {
                throw e;
            }
            values = fetch(metrics, metric -> !metric.percentile(), window);
        }
        List<MetricSeries> series = new ArrayList<>();
        for (int i = 0; i < metrics.size(); i++) {
            Double[] slotValues = values.getOrDefault("m" + i, new Double[(int) slots]);
            series.add(new MetricSeries(metrics.get(i), start, periodSeconds, Arrays.asList(slotValues)));
        }
        return new Reading(series, unread);
    }

    /**
     * An engine without percentile statistics (moto 5.x fails the whole GetMetricData with a
     * 500 once a metric it should compute them on has data); AWS computes them, and its 5xx
     * answers, which the SDK has already retried, are real failures passed on.
     */
    private static boolean lacksPercentiles(SdkServiceException e) {
        return EngineGap.notImplemented(e) || e.statusCode() == 500 && !(e instanceof AwsServiceException aws
                && aws.awsErrorDetails() != null && aws.awsErrorDetails().errorCode() != null
                && !aws.awsErrorDetails().errorCode().isEmpty());
    }

    private record Window(Instant start, Instant end, long periodSeconds, int slots, List<Dimension> dimensions) {
    }

    /** One GetMetricData call (pages aside) for the metrics {@code wanted} keeps, each query named m + its index. */
    private Map<String, Double[]> fetch(List<ApiMetric> metrics, Predicate<ApiMetric> wanted, Window window) {
        List<MetricDataQuery> queries = new ArrayList<>();
        for (int i = 0; i < metrics.size(); i++) {
            ApiMetric metric = metrics.get(i);
            if (!wanted.test(metric)) {
                continue;
            }
            queries.add(MetricDataQuery.builder().id("m" + i).returnData(true)
                    .metricStat(s -> s.stat(metric.stat()).period((int) window.periodSeconds())
                            .metric(m -> m.namespace(NAMESPACE).metricName(metric.name()).dimensions(window.dimensions())))
                    .build());
        }
        GetMetricDataRequest request = GetMetricDataRequest.builder().metricDataQueries(queries)
                .startTime(window.start()).endTime(window.end()).scanBy(ScanBy.TIMESTAMP_ASCENDING).build();
        Map<String, Double[]> values = new HashMap<>();
        for (MetricDataResult result : cloudWatch.getMetricDataPaginator(request).metricDataResults()) {
            Double[] slotValues = values.computeIfAbsent(result.id(), id -> new Double[window.slots()]);
            for (int i = 0; i < result.timestamps().size() && i < result.values().size(); i++) {
                long slot = (result.timestamps().get(i).getEpochSecond() - window.start().getEpochSecond()) / window.periodSeconds();
                if (slot >= 0 && slot < window.slots()) {
                    slotValues[(int) slot] = result.values().get(i);
                }
            }
        }
        return values;
    }
}
