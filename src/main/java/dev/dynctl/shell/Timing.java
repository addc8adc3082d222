package dev.dynctl.shell;

import dev.dynctl.aws.RequestMeter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * One statement timed (timing on): its wall time, the requests it sent by operation, and the
 * capacity they consumed by table, said afterwards in one line:
 * {@code Time: 14 ms · 2 requests (Query ×2) · 3.5 RCU users}.
 *
 * <p>The requests are the statement's own (its clients carry {@link #reading()}), whichever thread
 * made them; a statement abandoned earlier goes on counting in its own reading, never in this one.
 * The time leaves out what the statement's output spent waiting for a key at "-- more --".
 */
final class Timing {
    private final long started = System.nanoTime();
    private final RequestMeter.Reading reading = new RequestMeter.Reading();
    private final LongSupplier pausedNanos;
    private final long pausedAtStart;

    private Timing(LongSupplier pausedNanos) {
        this.pausedNanos = pausedNanos;
        this.pausedAtStart = pausedNanos.getAsLong();
    }

    /** Starts timing now. @param pausedNanos how long the statement's output has waited at the pager so far */
    static Timing start(LongSupplier pausedNanos) {
        return new Timing(pausedNanos);
    }

    /** What the statement's requests are counted in. */
    RequestMeter.Reading reading() {
        return reading;
    }

    /** The line for what was sent since the start. */
    String line() {
        long paused = pausedNanos.getAsLong() - pausedAtStart;
        long millis = Math.max(0, System.nanoTime() - started - paused) / 1_000_000;
        List<String> parts = new ArrayList<>();
        parts.add("Time: " + (millis < 10_000 ? millis + " ms" : number(millis / 1000.0) + " s"));
        parts.add(requests(reading.requests()));
        String capacity = capacity(reading.capacity());
        if (!capacity.isEmpty()) {
            parts.add(capacity);
        }
        if (!reading.unreported().isEmpty()) {
            parts.add("capacity not reported for " + String.join(", ", reading.unreported()));
        }
        return String.join(" · ", parts);
    }

    private static String requests(Map<String, Integer> byOperation) {
        int total = byOperation.values().stream().mapToInt(Integer::intValue).sum();
        if (total == 0) {
            return "no requests";
        }
        List<String> operations = byOperation.entrySet().stream()
                .map(e -> e.getValue() == 1 ? e.getKey() : e.getKey() + " ×" + e.getValue())
                .toList();
        return total + (total == 1 ? " request (" : " requests (") + String.join(", ", operations) + ")";
    }

    /** "3.5 RCU users, 0.5 RCU + 1 WCU orders": each table that consumed any. */
    private static String capacity(Map<String, RequestMeter.Capacity> byTable) {
        List<String> tables = new ArrayList<>();
        byTable.forEach((table, units) -> {
            List<String> kinds = new ArrayList<>();
            if (units.read() > 0) {
                kinds.add(number(units.read()) + " RCU");
            }
            if (units.write() > 0) {
                kinds.add(number(units.write()) + " WCU");
            }
            if (!kinds.isEmpty()) {
                tables.add(String.join(" + ", kinds) + " " + table);
            }
        });
        return String.join(", ", tables);
    }

    /** At most two decimals, none when whole: 1, 0.5, 12.25. */
    private static String number(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
