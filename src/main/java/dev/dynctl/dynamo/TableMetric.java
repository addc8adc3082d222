package dev.dynctl.dynamo;

import dev.dynctl.metrics.Metric;
import java.util.function.BinaryOperator;

/**
 * One statistic of one DynamoDB metric (namespace AWS/DynamoDB), as `table metrics` shows it.
 *
 * @param operation the Operation dimension (GetItem, Query, ...) of the metrics DynamoDB publishes
 *                  per operation; null for the table's (or index's) own
 * @param perSecond consumed capacity: CloudWatch's Sum over a period, shown divided by the period's
 *                  seconds, as units per second, the way the DynamoDB console shows it
 */
public record TableMetric(String name, String operation, String stat, String unit, boolean perSecond) implements Metric {
    static final String UNITS_PER_SECOND = "units/s";
    static final String COUNT = "Count";
    static final String MILLISECONDS = "Milliseconds";

    static TableMetric consumed(String name) {
        return new TableMetric(name, null, "Sum", UNITS_PER_SECOND, true);
    }

    /** Provisioned capacity is published in units per second already. */
    static TableMetric provisioned(String name) {
        return new TableMetric(name, null, "Average", UNITS_PER_SECOND, false);
    }

    static TableMetric count(String name) {
        return new TableMetric(name, null, "Sum", COUNT, false);
    }

    static TableMetric perOperation(String name, String operation, String stat, String unit) {
        return new TableMetric(name, operation, stat, unit, false);
    }

    /** The same statistic of the same metric, for all operations together: a row that stands for operations without data. */
    TableMetric anyOperation() {
        return new TableMetric(name, null, stat, unit, perSecond);
    }

    /** A rate keeps its peak when periods are joined; adding rates up would make units per several seconds. */
    @Override
    public BinaryOperator<Double> combine() {
        return perSecond ? Math::max : Metric.super.combine();
    }
}
