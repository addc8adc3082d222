package dev.dynctl.output;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;

/**
 * A series of numbers as one line of block characters (▁▂▃▄▅▆▇█), one per point: the smallest
 * value is ▁, the largest █, the rest in proportion between them; a missing point (null) is a
 * space, so a gap in the data shows as a gap in the line. A flat series is all ▁.
 */
public final class Sparkline {
    private static final char[] BLOCKS = {'▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'};
    private static final char GAP = ' ';

    private Sparkline() {
    }

    public static String of(List<Double> points) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Double point : points) {
            if (point != null) {
                min = Math.min(min, point);
                max = Math.max(max, point);
            }
        }
        StringBuilder line = new StringBuilder(points.size());
        for (Double point : points) {
            line.append(point == null ? GAP : block(point, min, max));
        }
        return line.toString();
    }

    /**
     * A line at most {@code width} characters wide: a longer series is cut into buckets of
     * consecutive points, each shown as one character, its points combined with {@code combine}
     * (the largest, or the sum of counts). Buckets are counted back from the newest point, so the
     * newest always has a bucket of its own end and only the oldest bucket may be short; a bucket
     * with no point is a gap.
     */
    public static String of(List<Double> points, int width, BinaryOperator<Double> combine) {
        return of(buckets(points, width, combine));
    }

    static List<Double> buckets(List<Double> points, int width, BinaryOperator<Double> combine) {
        int size = points.size();
        int room = Math.max(1, width);
        if (size <= room) {
            return points;
        }
        int perBucket = (size + room - 1) / room;
        List<Double> buckets = new ArrayList<>();
        int first = size - (size + perBucket - 1) / perBucket * perBucket;
        for (int start = first; start < size; start += perBucket) {
            Double value = null;
            for (int i = Math.max(0, start); i < start + perBucket; i++) {
                Double point = points.get(i);
                if (point != null) {
                    value = value == null ? point : combine.apply(value, point);
                }
            }
            buckets.add(value);
        }
        return buckets;
    }

    private static char block(double value, double min, double max) {
        if (max <= min) {
            return BLOCKS[0];
        }
        int level = (int) Math.round((value - min) / (max - min) * (BLOCKS.length - 1));
        return BLOCKS[Math.max(0, Math.min(BLOCKS.length - 1, level))];
    }
}
