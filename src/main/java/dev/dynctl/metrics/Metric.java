package dev.dynctl.metrics;

import java.util.function.BinaryOperator;

/** One statistic of one CloudWatch metric, as a table of metrics shows it: its name, the statistic and the unit of its values. */
public interface Metric {
    String name();

    /** Sum, Average, Maximum, or a percentile (p50, p99.9). */
    String stat();

    String unit();

    /** A percentile, which not every engine computes. */
    default boolean percentile() {
        return stat().startsWith("p");
    }

    /**
     * How several periods' values make one, for a trend too long to show a point per period: a
     * sum adds up, an average, a maximum or a percentile keeps its peak.
     */
    default BinaryOperator<Double> combine() {
        return "Sum".equals(stat()) ? Double::sum : Math::max;
    }
}
