package dev.dynctl.output;

import java.util.Arrays;

/**
 * Fits columns into the terminal's width. Columns keep their natural width while everything
 * fits; otherwise the widest shrink first (down to a floor), and when even the floors do not fit
 * the rightmost columns are left out and a "…" column says so.
 */
final class ColumnWidths {
    static final int GAP = 2;
    /** Narrower than this a column shows too little to be worth its place. */
    static final int FLOOR = 6;
    /** The width of the "…" column that stands for columns left out, with its gap. */
    static final int HIDDEN_MARKER = GAP + 1;

    /** Widths of the columns shown (a prefix of the natural ones) and whether some were left out. */
    record Fit(int[] widths, boolean hidden) {
    }

    private ColumnWidths() {
    }

    static Fit fit(int[] natural, int width) {
        int shown = natural.length;
        while (shown > 1 && required(natural, shown) > width) {
            shown--;
        }
        boolean hidden = shown < natural.length;
        int available = width - GAP * (shown - 1) - (hidden ? HIDDEN_MARKER : 0);
        return new Fit(shrink(Arrays.copyOf(natural, shown), Math.max(1, available)), hidden);
    }

    private static int required(int[] natural, int shown) {
        int total = GAP * (shown - 1) + (shown < natural.length ? HIDDEN_MARKER : 0);
        for (int i = 0; i < shown; i++) {
            total += Math.min(natural[i], FLOOR);
        }
        return total;
    }

    /** Lowers a common ceiling on the widest columns until the total fits, then hands out what is left. */
    private static int[] shrink(int[] natural, int available) {
        if (natural.length == 1) {
            return new int[] {Math.min(natural[0], available)};
        }
        if (total(natural, Integer.MAX_VALUE) <= available) {
            return natural;
        }
        int low = 0;
        int high = Arrays.stream(natural).max().orElse(0);
        while (low < high) {
            int mid = (low + high + 1) / 2;
            if (total(natural, mid) <= available) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        int[] widths = new int[natural.length];
        int left = available - total(natural, low);
        for (int i = 0; i < natural.length; i++) {
            widths[i] = capped(natural[i], low);
            if (left > 0 && widths[i] < natural[i]) {
                widths[i]++;
                left--;
            }
        }
        return widths;
    }

    private static int total(int[] natural, int ceiling) {
        int sum = 0;
        for (int n : natural) {
            sum += capped(n, ceiling);
        }
        return sum;
    }

    private static int capped(int natural, int ceiling) {
        return Math.min(natural, Math.max(ceiling, FLOOR));
    }
}
