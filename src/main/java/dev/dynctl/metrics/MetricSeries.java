package dev.dynctl.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A metric's values over a window, one slot per period from the window's start: a slot with no
 * data is null (CloudWatch sends nothing for a period nobody called).
 */
public record MetricSeries<M extends Metric>(M metric, Instant start, long periodSeconds, List<Double> slots) {
    /** Copied: the slots may hold nulls, which {@code List.copyOf} refuses. */
    public MetricSeries {
        slots = Collections.unmodifiableList(new ArrayList<>(slots));
    }

    /** One value at the start of its period. */
    public record Point(Instant time, double value) {
    }

    /** The periods that have a value, oldest first. */
    public List<Point> points() {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            if (slots.get(i) != null) {
                points.add(new Point(start.plusSeconds(periodSeconds * i), slots.get(i)));
            }
        }
        return points;
    }

    /** True when no period has a value. */
    public boolean empty() {
        return present().isEmpty();
    }

    /** The newest value; null for none. */
    public Double latest() {
        List<Double> present = present();
        return present.isEmpty() ? null : present.get(present.size() - 1);
    }

    public Double min() {
        return present().stream().min(Double::compare).orElse(null);
    }

    public Double max() {
        return present().stream().max(Double::compare).orElse(null);
    }

    /** The values added up; null for none. */
    public Double sum() {
        List<Double> present = present();
        return present.isEmpty() ? null : present.stream().mapToDouble(Double::doubleValue).sum();
    }

    /** The mean of the periods that have a value; null for none. */
    public Double average() {
        List<Double> present = present();
        return present.isEmpty() ? null : present.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    private List<Double> present() {
        return slots.stream().filter(Objects::nonNull).toList();
    }
}
