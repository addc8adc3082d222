package dev.dynctl.bulk;

import java.util.TreeMap;

/**
 * Which ordinals are written, when batches finish out of order. Batches cover consecutive ranges
 * [start, end); the watermark is the first ordinal not yet known to be written, so every item
 * before it is in the table and an import resumes from there.
 */
final class CompletedRanges {
    private final TreeMap<Long, Long> finishedAhead = new TreeMap<>();
    private long watermark;

    CompletedRanges(long watermark) {
        this.watermark = watermark;
    }

    synchronized void complete(long start, long end) {
        finishedAhead.put(start, end);
        Long next;
        while ((next = finishedAhead.remove(watermark)) != null) {
            watermark = next;
        }
    }

    synchronized long watermark() {
        return watermark;
    }
}
