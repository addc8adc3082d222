package dev.dynctl.tail;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Reads one shard, one GetRecords at a time on the tail's pool of threads: a page with records is
 * followed at once by the next; after an empty page a followed shard waits (longer while it stays
 * empty), and one that is not followed is done. A closed shard is done when read to its end.
 */
final class ShardReader implements Runnable {
    /** What a reader tells the tail. */
    interface Listener {
        /**
         * The reader is done: read to the shard's end ({@code finished}: its children may start),
         * or caught up without --follow, past --until, or stopped.
         */
        void ended(String shardId, boolean finished);

        void failed(RuntimeException e);
    }

    /** Records per GetRecords, DynamoDB's most. */
    private static final int PAGE = 1000;
    /**
     * How far before the second a tail began at the latest change a later read from the trim
     * horizon still takes changes: DynamoDB stamps them to the second, with its own clock, which
     * may be a little behind ours.
     */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(1);

    private final String shardId;
    private final String streamArn;
    private final DynamoDbStreamsClient streams;
    private final StreamProgress progress;
    private final StreamPolling polling;
    private final TailEnd end;
    private final ScheduledExecutorService pool;
    private final Listener listener;
    /** Begin at the latest change: the tail begins now, and this shard has no position yet. */
    private boolean latest;
    private String iterator;
    private Instant skipBefore;
    private Duration idle;

    ShardReader(String shardId, String streamArn, DynamoDbStreamsClient streams, StreamProgress progress, StreamPolling polling,
                TailEnd end, ScheduledExecutorService pool, Listener listener, boolean latest) {
        this.shardId = shardId;
        this.streamArn = streamArn;
        this.streams = streams;
        this.progress = progress;
        this.polling = polling;
        this.end = end;
        this.pool = pool;
        this.listener = listener;
        this.latest = latest;
        this.idle = polling.idle();
    }

    void start() {
        schedule(Duration.ZERO);
    }

    @Override
    public void run() {
        if (progress.stopped() != null) {
            return;
        }
        try {
            read();
        } catch (ExpiredIteratorException e) {
            // unused for 15 minutes (a machine asleep): a new one from where the shard stands
            iterator = null;
            schedule(Duration.ZERO);
        } catch (TrimmedDataAccessException e) {
            progress.trimmed(shardId);
            iterator = null;
            skipBefore = null;
            schedule(Duration.ZERO);
        } catch (ResourceNotFoundException e) {
            // the shard was trimmed away while it waited or was read
            progress.gone(shardId);
            listener.ended(shardId, true);
        } catch (RuntimeException e) {
            listener.failed(e);
        }
    }

    private void read() {
        if (iterator == null) {
            iterator = iterator();
        }
        String current = iterator;
        GetRecordsResponse page = streams.getRecords(b -> b.shardIterator(current).limit(PAGE));
        if (!progress.deliver(shardId, page.records(), skipBefore)) {
            listener.ended(shardId, false);
            return;
        }
        iterator = page.nextShardIterator();
        if (iterator == null) {
            progress.finish(shardId);
            listener.ended(shardId, true);
        } else if (!page.records().isEmpty()) {
            idle = polling.idle();
            schedule(Duration.ZERO);
        } else if (!end.follow() || end.over(Instant.now())) {
            listener.ended(shardId, false);
        } else {
            schedule(untilEnd(idle));
            idle = polling.after(idle);
        }
    }

    /** An iterator from where the shard stands: after its last change handled, at the latest change, or at the oldest kept. */
    private String iterator() {
        ShardPosition position = progress.position(shardId);
        if (position != null && position.after() != null) {
            skipBefore = null;
            return iterator(ShardIteratorType.AFTER_SEQUENCE_NUMBER, position.after());
        }
        if (latest) {
            latest = false;
            // a restart before any change was printed reads from the trim horizon and passes over what came before this
            progress.start(shardId, ShardPosition.since(Instant.now()));
            return iterator(ShardIteratorType.LATEST, null);
        }
        if (position == null) {
            progress.start(shardId, ShardPosition.HORIZON);
        }
        skipBefore = position == null || position.since() == null ? null
                : position.since().truncatedTo(ChronoUnit.SECONDS).minus(CLOCK_SKEW);
        return iterator(ShardIteratorType.TRIM_HORIZON, null);
    }

    private String iterator(ShardIteratorType type, String sequenceNumber) {
        return streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shardId).shardIteratorType(type)
                .sequenceNumber(sequenceNumber)).shardIterator();
    }

    /** The wait, cut short at --until so that a followed tail ends on time. */
    private Duration untilEnd(Duration wait) {
        if (end.until() == null) {
            return wait;
        }
        Duration left = Duration.between(Instant.now(), end.until()).plusMillis(1);
        return left.compareTo(wait) < 0 ? left.isNegative() ? Duration.ZERO : left : wait;
    }

    private void schedule(Duration delay) {
        try {
            pool.schedule(this, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // the tail is ending: no more reads
        }
    }
}
