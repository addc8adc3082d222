package dev.dynctl.tail;

import java.time.Instant;

/**
 * When a tail stops: after what is there now (no follow), or on following at Ctrl-C, at {@code until}
 * (a moment; null for never) or after {@code max} events printed (null for no limit). Scripts use
 * the last two so a follow ends on its own.
 */
public record TailEnd(boolean follow, Instant until, Long max) {
    public static final TailEnd NOW = new TailEnd(false, null, null);

    /** True once {@code printed} events reach --max. */
    public boolean full(long printed) {
        return max != null && printed >= max;
    }

    /** True once {@code now} is past --until. */
    public boolean over(Instant now) {
        return until != null && now.isAfter(until);
    }
}
