package dev.dynctl.metrics;

import java.util.List;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;

/** A metric to read: its namespace, the statistic, and the exact dimensions it is published with. */
public record MetricQuery<M extends Metric>(String namespace, M metric, List<Dimension> dimensions) {
    public MetricQuery {
        dimensions = List.copyOf(dimensions);
    }
}
