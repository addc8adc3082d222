package dev.dynctl.tail;

import java.time.Duration;

/**
 * How often a followed stream is asked for more. A shard that answered with nothing waits {@code
 * idle}, then twice as long up to {@code maxIdle}; one that answered with records is asked again at
 * once. The stream's shards are listed again every {@code rediscover} (and whenever a shard ends),
 * to find the shards DynamoDB adds as it splits and rolls them over.
 */
public record StreamPolling(Duration idle, Duration maxIdle, Duration rediscover) {
    /** About one GetRecords a second per idle shard (DynamoDB allows five), two at most when nothing happens. */
    public static final StreamPolling DEFAULT = new StreamPolling(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(10));

    /** The wait after an empty answer that followed a wait of {@code previous}. */
    Duration after(Duration previous) {
        Duration doubled = previous.multipliedBy(2);
        return doubled.compareTo(maxIdle) > 0 ? maxIdle : doubled;
    }
}
