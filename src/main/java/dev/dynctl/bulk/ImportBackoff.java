package dev.dynctl.bulk;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a writer sends again what a batch left unprocessed or what was throttled: after an
 * exponential backoff with jitter, as AWS advises, for as long as the calls make progress.
 * {@value #MAX_STALLED} calls in a row that write nothing mean the table cannot keep up.
 */
final class ImportBackoff {
    static final int MAX_STALLED = 10;
    static final Duration BASE_DELAY = Duration.ofMillis(50);

    private final long baseDelayMs;
    private int stalled;

    ImportBackoff(Duration baseDelay) {
        this.baseDelayMs = Math.max(1, baseDelay.toMillis());
    }

    /** Records a call that left work undone; false once {@value #MAX_STALLED} calls in a row wrote nothing. */
    boolean mayRetry(boolean progressed) {
        stalled = progressed ? 0 : stalled + 1;
        return stalled < MAX_STALLED;
    }

    void reset() {
        stalled = 0;
    }

    /** Sleeps between half and all of the current ceiling (doubling per stalled call, at most 100 times the base). */
    void pause() throws InterruptedException {
        long ceiling = Math.min(baseDelayMs * 100, baseDelayMs << Math.min(stalled, 20));
        Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
    }
}
