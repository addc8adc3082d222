package dev.dynctl.metrics;

import dev.dynctl.error.DynctlException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The time a metrics reading covers: {@code slots} periods from {@code start}. Periods are
 * aligned to the period, and the window ends with the period now running, so the newest point is
 * the current minute (or five).
 */
public record MetricWindow(Instant start, long periodSeconds, int slots) {
    /** The default period gives at most this many points, about what a sparkline in a table has room for. */
    private static final int MAX_POINTS = 60;
    private static final List<Duration> PERIODS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15),
            Duration.ofHours(1), Duration.ofHours(6), Duration.ofDays(1));

    /**
     * The length of one point: the one asked for, which must be a whole number of minutes (AWS
     * services publish per minute), or else the shortest that gives at most 60 points.
     *
     * @param requested the period the user asked for; null to choose
     */
    public static Duration period(Duration since, Duration requested) {
        if (requested == null) {
            return PERIODS.stream().filter(p -> since.toSeconds() / p.toSeconds() <= MAX_POINTS).findFirst()
                    .orElse(PERIODS.get(PERIODS.size() - 1));
        }
        if (requested.toSeconds() % 60 != 0) {
            throw DynctlException.usage("--period " + requested.toSeconds() + "s is not a whole number of minutes.",
                    "CloudWatch keeps these metrics per minute: use 1m, 5m, 1h, ...");
        }
        return requested;
    }

    /** The window that reaches {@code since} back from {@code now} in whole periods, ending with the period now running. */
    public static MetricWindow ending(Instant now, Duration since, Duration period) {
        long periodSeconds = period.toSeconds();
        long slots = Math.max(1, (since.toSeconds() + periodSeconds - 1) / periodSeconds);
        Instant end = Instant.ofEpochSecond((now.getEpochSecond() / periodSeconds + 1) * periodSeconds);
        return new MetricWindow(end.minusSeconds(slots * periodSeconds), periodSeconds, (int) slots);
    }

    public Instant end() {
        return start.plusSeconds(periodSeconds * slots);
    }

    /** The slot a point at {@code time} falls in; -1 outside the window. */
    int slot(Instant time) {
        long slot = Math.floorDiv(time.getEpochSecond() - start.getEpochSecond(), periodSeconds);
        return slot >= 0 && slot < slots ? (int) slot : -1;
    }
}
