package dev.dynctl.dynamo;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to send again what a batch call left unprocessed (UnprocessedItems, UnprocessedKeys) or
 * what was throttled:
 * after an exponential backoff with jitter, as AWS advises, for as long as the calls make
 * progress. {@value #MAX_STALLED} calls in a row that process nothing mean the table cannot keep
 * up, and the caller gives up.
 */
public final class RetryBackoff {
    public static final int MAX_STALLED = 10;
    public static final Duration BASE_DELAY = Duration.ofMillis(50);

    private final long baseDelayMs;
    private int stalled;

    /** @param baseDelay the first pause; each call without progress doubles it, up to 100 times it */
    public RetryBackoff(Duration baseDelay) {
        this.baseDelayMs = Math.max(1, baseDelay.toMillis());
    }

    /**
     * Records a call that left work unprocessed; false once {@value #MAX_STALLED} calls in a row
     * processed nothing.
     */
    public boolean mayRetry(boolean progressed) {
        stalled = progressed ? 0 : stalled + 1;
        return stalled < MAX_STALLED;
    }

    /** Starts counting again, for the next batch. */
    public void reset() {
        stalled = 0;
    }

    /** Sleeps between half and all of the current ceiling, so that many clients do not retry in step. */
    public void pause() throws InterruptedException {
        long ceiling = Math.min(baseDelayMs * 100, baseDelayMs << Math.min(stalled, 20));
        Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
    }
}
