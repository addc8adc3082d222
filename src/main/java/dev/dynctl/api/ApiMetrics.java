package dev.dynctl.api;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    private final CloudWatchClient cloudWatch;

    public ApiMetrics(CloudWatchClient cloudWatch) {
        this.cloudWatch = cloudWatch;
    }

    /**
     * @param stage the stage, or null for the whole API (every stage together)
     * @param since how far back the window reaches
     * @param period the length of one point; a whole number of minutes
     */
    public List<MetricSeries> read(ApiRef api, String stage, Duration since, Duration period, Instant now) {
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
        List<MetricDataQuery> queries = new ArrayList<>();
        for (int i = 0; i < metrics.size(); i++) {
            ApiMetric metric = metrics.get(i);
            queries.add(MetricDataQuery.builder().id("m" + i).returnData(true)
                    .metricStat(s -> s.stat(metric.stat()).period((int) periodSeconds)
                            .metric(m -> m.namespace(NAMESPACE).metricName(metric.name()).dimensions(dimensions)))
                    .build());
        }
        GetMetricDataRequest request = GetMetricDataRequest.builder().metricDataQueries(queries)
                .startTime(start).endTime(end).scanBy(ScanBy.TIMESTAMP_ASCENDING).build();
        Map<String, Double[]> values = new HashMap<>();
        for (MetricDataResult result : cloudWatch.getMetricDataPaginator(request).metricDataResults()) {
            Double[] slotValues = values.computeIfAbsent(result.id(), id -> new Double[(int) slots]);
            for (int i = 0; i < result.timestamps().size() && i < result.values().size(); i++) {
                long slot = (result.timestamps().get(i).getEpochSecond() - start.getEpochSecond()) / periodSeconds;
                if (slot >= 0 && slot < slots) {
                    slotValues[(int) slot] = result.values().get(i);
                }
            }
        }
        List<MetricSeries> series = new ArrayList<>();
        for (int i = 0; i < metrics.size(); i++) {
            Double[] slotValues = values.getOrDefault("m" + i, new Double[(int) slots]);
            series.add(new MetricSeries(metrics.get(i), start, periodSeconds, Arrays.asList(slotValues)));
        }
        return series;
    }
}
