package dev.dynctl.bulk;

import java.time.Duration;

/**
 * What an import did in this run.
 *
 * @param written items confirmed written in this run
 * @param skipped items before the resume point, not written again
 * @param batches batches written completely
 * @param requests BatchWriteItem calls, retries included
 * @param retries calls that sent unprocessed or throttled items again
 * @param throttles calls refused as throttled (after the SDK's own retries)
 * @param watermark every item with an ordinal below it is in the table
 * @param complete every item of the input was read and written
 */
public record ImportReport(long written, long skipped, long batches, long requests, long retries, long throttles,
                           Duration duration, long watermark, boolean complete) {

    public double itemsPerSecond() {
        double seconds = duration.toNanos() / 1e9;
        return seconds <= 0 ? 0 : written / seconds;
    }
}
