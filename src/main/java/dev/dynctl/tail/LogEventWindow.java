package dev.dynctl.tail;

import java.util.HashMap;
import java.util.Map;

/**
 * The ids of the events seen in the last {@code overlap} milliseconds before the newest one. Each
 * poll of a follow starts that far back to catch events that arrived late, so it reads again
 * events already printed; their ids tell them apart. Ids older than the window are forgotten,
 * since no later poll reaches back to them: memory stays bounded however long the follow runs.
 */
final class LogEventWindow {
    private final long overlap;
    private final Map<String, Long> seen = new HashMap<>();
    private long newest = Long.MIN_VALUE;

    LogEventWindow(long overlapMillis) {
        this.overlap = overlapMillis;
    }

    /** True the first time an event is offered; false when it was seen before. */
    boolean firstSight(LogEvent event) {
        newest = Math.max(newest, event.timestamp());
        return seen.putIfAbsent(event.eventId(), event.timestamp()) == null;
    }

    /** Where the next poll starts: the window before the newest event seen, and never before {@code since}. */
    long nextStart(long since) {
        return newest == Long.MIN_VALUE ? since : Math.max(since, newest - overlap);
    }

    /** Forgets the ids no poll from {@link #nextStart} on can return again. */
    void forgetOld() {
        if (newest != Long.MIN_VALUE) {
            long start = newest - overlap;
            seen.values().removeIf(timestamp -> timestamp < start);
        }
    }

    /** How many ids are remembered (for tests of the bound). */
    int size() {
        return seen.size();
    }
}
