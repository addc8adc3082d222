package dev.dynctl.tail;

import java.time.Duration;
import java.time.Instant;

/**
 * When a tail stops: after what is there now (no follow), or on following at Ctrl-C, at {@code until}
 * (a moment; null for never) or after {@code max} events printed (null for no limit). Scripts use
 * the last two so a follow ends on its own.
 */
public record TailEnd(boolean follow, Instant until, Long max) {
    /** True once {@code printed} events reach --max. */
    public boolean full(long printed) {
        return max != null && printed >= max;
    }

    /** True once {@code now} is past --until. */
    public boolean over(Instant now) {
        return until != null && now.isAfter(until);
    }

    /** {@code wait}, cut short to end just past --until when that comes sooner, so that a follow ends on time; never negative. */
    public Duration waitAtMost(Duration wait, Instant now) {
        if (until == null) {
            return wait;
        }
        Duration left = Duration.between(now, until).plusMillis(1);
        return left.isNegative() ? Duration.ZERO : left.compareTo(wait) < 0 ? left : wait;
    }
}
