package dev.dynctl.metrics;

import dev.dynctl.aws.EngineGap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;

/**
 * Reads metrics from CloudWatch over a window: one GetMetricData call for up to 500 metrics (the
 * most one call takes; more go in further calls), every page of its answer read, each value put
 * in the slot of its period.
 */
public final class MetricReader {
    /** The most queries one GetMetricData call takes. */
    static final int MAX_QUERIES = 500;

    private final CloudWatchClient cloudWatch;

    public MetricReader(CloudWatchClient cloudWatch) {
        this.cloudWatch = cloudWatch;
    }

    /**
     * What was read: one series per query, in the queries' order.
     *
     * @param unread the metrics the engine could not compute (their series are empty): the
     *               percentiles, on an engine without them
     */
    public record Reading<M extends Metric>(List<MetricSeries<M>> series, List<M> unread) {
    }

    public <M extends Metric> Reading<M> read(List<MetricQuery<M>> queries, MetricWindow window) {
        Map<Integer, Double[]> values = new HashMap<>();
        List<M> unread = new ArrayList<>();
        for (int first = 0; first < queries.size(); first += MAX_QUERIES) {
            List<Integer> batch = new ArrayList<>();
            for (int i = first; i < Math.min(queries.size(), first + MAX_QUERIES); i++) {
                batch.add(i);
            }
            try {
                values.putAll(fetch(queries, batch, window));
            } catch (SdkServiceException e) {
                List<Integer> percentiles = batch.stream().filter(i -> queries.get(i).metric().percentile()).toList();
                if (percentiles.isEmpty() || !lacksPercentiles(e)) {
                    throw e;
                }
                percentiles.forEach(i -> unread.add(queries.get(i).metric()));
                values.putAll(fetch(queries, batch.stream().filter(i -> !percentiles.contains(i)).toList(), window));
            }
        }
        List<MetricSeries<M>> series = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            Double[] slots = values.getOrDefault(i, new Double[window.slots()]);
            series.add(new MetricSeries<>(queries.get(i).metric(), window.start(), window.periodSeconds(), Arrays.asList(slots)));
        }
        return new Reading<>(series, List.copyOf(unread));
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

    /** One GetMetricData call (pages aside) for the queries at {@code indexes}, each named m + its index. */
    private <M extends Metric> Map<Integer, Double[]> fetch(List<MetricQuery<M>> queries, List<Integer> indexes, MetricWindow window) {
        Map<Integer, Double[]> values = new HashMap<>();
        if (indexes.isEmpty()) {
            return values;
        }
        List<MetricDataQuery> requested = new ArrayList<>();
        for (int i : indexes) {
            MetricQuery<M> query = queries.get(i);
            requested.add(MetricDataQuery.builder().id("m" + i).returnData(true)
                    .metricStat(s -> s.stat(query.metric().stat()).period((int) window.periodSeconds())
                            .metric(m -> m.namespace(query.namespace()).metricName(query.metric().name()).dimensions(query.dimensions())))
                    .build());
        }
        GetMetricDataRequest request = GetMetricDataRequest.builder().metricDataQueries(requested)
                .startTime(window.start()).endTime(window.end()).scanBy(ScanBy.TIMESTAMP_ASCENDING).build();
        for (MetricDataResult result : cloudWatch.getMetricDataPaginator(request).metricDataResults()) {
            Double[] slots = values.computeIfAbsent(Integer.parseInt(result.id().substring(1)), id -> new Double[window.slots()]);
            for (int i = 0; i < result.timestamps().size() && i < result.values().size(); i++) {
                int slot = window.slot(result.timestamps().get(i));
                if (slot >= 0) {
                    slots[slot] = result.values().get(i);
                }
            }
        }
        return values;
    }
}
