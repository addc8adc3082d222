package dev.dynctl.bulk;

/**
 * A token bucket of write capacity units: refilled at the rate asked for, holding at most one
 * second's worth, so that writers shared by many threads stay under --rate-limit on average
 * without bursting past it after a pause.
 */
final class WriteRateLimit {
    private final double unitsPerSecond;
    private double tokens;
    private long refilledAt = System.nanoTime();

    /** @param unitsPerSecond write capacity units per second; 0 or less: no limit */
    WriteRateLimit(double unitsPerSecond) {
        this.unitsPerSecond = unitsPerSecond;
        this.tokens = unitsPerSecond;
    }

    boolean limited() {
        return unitsPerSecond > 0;
    }

    /**
     * Takes {@code units}, waiting until the bucket holds them. A batch may cost more than one
     * second's worth: it then takes the whole bucket into debt and later batches wait it off.
     */
    void acquire(int units) throws InterruptedException {
        if (!limited()) {
            return;
        }
        long waitNanos;
        synchronized (this) {
            refill();
            tokens -= units;
            waitNanos = tokens >= 0 ? 0 : (long) (-tokens / unitsPerSecond * 1e9);
        }
        if (waitNanos > 0) {
            Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
        }
    }

    private void refill() {
        long now = System.nanoTime();
        tokens = Math.min(unitsPerSecond, tokens + (now - refilledAt) / 1e9 * unitsPerSecond);
        refilledAt = now;
    }
}
