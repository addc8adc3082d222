package dev.dynctl.tail;

import java.util.HashMap;
import java.util.Map;

/**
 * Where each poll of a log tail starts, and the ids of the events seen since then. A poll reads
 * from {@link #start()} on; the next one starts {@code overlap} before the newest event the last
 * one brought, to catch events that reach CloudWatch late, so it reads again events already
 * printed: their ids tell them apart. Never later than {@code overlap} before the clock when the
 * poll began, so that an event stamped in the future (CloudWatch takes them up to two hours ahead)
 * leaves no gap; and that far before the clock when a poll brought nothing new, so that a filter
 * that matches nothing does not read an ever longer range. Ids older than the start are forgotten:
 * memory stays bounded however long the follow runs.
 */
final class LogEventWindow {
    private final long overlap;
    private final Map<String, Long> seen = new HashMap<>();
    private long start;
    private long pollClock;
    /** The newest of the events first seen in this poll; MIN_VALUE for none yet. */
    private long newestNew = Long.MIN_VALUE;

    /** @param since where the first poll starts (--since), and before which no poll ever starts */
    LogEventWindow(long overlapMillis, long since) {
        this.overlap = overlapMillis;
        this.start = since;
    }

    /** Where the next poll starts. */
    long start() {
        return start;
    }

    /** A poll begins at {@code clock} (milliseconds since the epoch, read before its first request). */
    void pollBegins(long clock) {
        pollClock = clock;
        newestNew = Long.MIN_VALUE;
    }

    /** True the first time an event is offered; false when it was seen before. */
    boolean firstSight(LogEvent event) {
        if (seen.putIfAbsent(event.eventId(), event.timestamp()) != null) {
            return false;
        }
        newestNew = Math.max(newestNew, event.timestamp());
        return true;
    }

    /**
     * A page of the poll was read: pages come in time order, so everything stamped before its
     * newest event that had reached CloudWatch was in it or before it.
     */
    void pageRead() {
        if (newestNew != Long.MIN_VALUE) {
            moveTo(Math.min(newestNew, pollClock) - overlap);
        }
    }

    /** The poll read its last page: every event stamped before the clock when it began was in it, but for late ones. */
    void pollRead() {
        if (newestNew == Long.MIN_VALUE) {
            moveTo(pollClock - overlap);
        }
    }

    private void moveTo(long candidate) {
        if (candidate > start) {
            start = candidate;
            seen.values().removeIf(timestamp -> timestamp < start);
        }
    }
}
