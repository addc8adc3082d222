package dev.dynctl.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A metric's values over a window, one slot per period from the window's start: a slot with no
 * data is null (CloudWatch sends nothing for a period nobody called).
 */
public record MetricSeries(ApiMetric metric, Instant start, long periodSeconds, List<Double> slots) {
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

    private List<Double> present() {
        return slots.stream().filter(Objects::nonNull).toList();
    }
}
