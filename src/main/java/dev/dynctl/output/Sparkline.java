package dev.dynctl.output;

import java.util.List;

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

    private static char block(double value, double min, double max) {
        if (max <= min) {
            return BLOCKS[0];
        }
        int level = (int) Math.round((value - min) / (max - min) * (BLOCKS.length - 1));
        return BLOCKS[Math.max(0, Math.min(BLOCKS.length - 1, level))];
    }
}
