package dev.dynctl.tail;

import java.time.Duration;

/**
 * How a follow polls CloudWatch Logs.
 *
 * @param interval the wait between two polls
 * @param overlap how far before the newest event seen each poll starts again: events reach
 *     CloudWatch some time after they are stamped, and one that arrives late with an older time
 *     than what was printed is still found if it is no older than this
 * @param pageSize events per FilterLogEvents page, or null for the service's default (tests make
 *     pages small to cross page boundaries)
 */
public record LogPolling(Duration interval, Duration overlap, Integer pageSize) {
    /**
     * A poll a second, as a person watching expects; ten seconds of overlap covers the usual
     * delivery delay of Lambda's logs, for the cost of reading those seconds again each poll.
     */
    public static final LogPolling DEFAULT = new LogPolling(Duration.ofSeconds(1), Duration.ofSeconds(10), null);
}
