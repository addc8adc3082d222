package dev.dynctl.bulk;

import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;

/**
 * A token bucket of read capacity units, filled at the rate --rate-limit allows and emptied by
 * what each scan page consumed (ConsumedCapacity). A page that takes the bucket below zero makes
 * the segment that read it wait until the debt is paid, before it asks for its next page; up to
 * one second of unused capacity is kept as a burst.
 */
final class CapacityBudget {
    private final double unitsPerSecond;
    private double tokens;
    private long refilledAt = System.nanoTime();

    CapacityBudget(double unitsPerSecond) {
        if (!(unitsPerSecond > 0)) {
            throw DynctlException.usage("--rate-limit must be more than 0 capacity units per second, not " + unitsPerSecond + ".");
        }
        this.unitsPerSecond = unitsPerSecond;
        this.tokens = unitsPerSecond;
    }

    /** Takes {@code units} from the bucket and waits while it is in debt. */
    void spend(double units) {
        long waitNanos;
        synchronized (this) {
            long now = System.nanoTime();
            tokens = Math.min(unitsPerSecond, tokens + (now - refilledAt) / 1e9 * unitsPerSecond);
            refilledAt = now;
            tokens -= units;
            waitNanos = tokens < 0 ? (long) (-tokens / unitsPerSecond * 1e9) : 0;
        }
        if (waitNanos > 0) {
            try {
                Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DynctlException(ExitCode.INTERRUPTED, "Interrupted.");
            }
        }
    }
}
