package dev.dynctl.tail;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Reads one shard, one GetRecords at a time on the tail's pool of threads. A closed shard is read
 * to its end (no next iterator), its empty pages included: DynamoDB may answer a page with nothing
 * and a next iterator while changes still follow. An open shard's page with records is followed at
 * once by the next; after an empty page a followed shard waits (longer while it stays empty), and
 * one that is not followed is caught up after a few empty pages in a row, or at a change made after
 * the tail began. Throttling and network failures while following are waited out, shard by shard.
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
    /** Empty pages in a row after which an open shard that is not followed has nothing more (one alone may come amid changes). */
    static final int EMPTY_PAGES_CAUGHT_UP = 3;
    /** The longest wait before asking again after throttling or a network failure; the first is the longest idle wait. */
    private static final Duration MAX_RETRY_PAUSE = Duration.ofSeconds(30);
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
    private final boolean closed;
    private final Instant began;
    /** Begin at the latest change: the tail begins now, and this shard has no position yet. */
    private boolean latest;
    private String iterator;
    private Instant skipBefore;
    private Duration idle;
    private int emptyPages;
    /** The wait before the next try after a failure worth retrying; null while calls succeed. */
    private Duration retry;

    /**
     * @param closed the shard has an ending sequence number: it is read to its end
     * @param began when the tail began: a change made after it tells an open shard that is not followed that it is caught up
     * @param latest begin at the latest change (the checkpoint already says since when)
     */
    ShardReader(String shardId, boolean closed, String streamArn, DynamoDbStreamsClient streams, StreamProgress progress,
                StreamPolling polling, TailEnd end, Instant began, ScheduledExecutorService pool, Listener listener, boolean latest) {
        this.shardId = shardId;
        this.closed = closed;
        this.began = began;
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
            if (progress.stopped() != null) {
                // the tail ended while this call was under way (Ctrl-C interrupts it): how it failed no longer matters
                listener.ended(shardId, false);
            } else if (end.follow() && worthRetrying(e)) {
                // the SDK's retries are spent: this shard waits longer and asks again from where it stands, the others go on
                retry = retry == null ? polling.maxIdle() : longest(retry.multipliedBy(2), MAX_RETRY_PAUSE);
                schedule(end.waitAtMost(retry, Instant.now()));
            } else {
                listener.failed(e);
            }
        }
    }

    private static Duration longest(Duration wait, Duration most) {
        return wait.compareTo(most) > 0 ? most : wait;
    }

    /** Throttling, a failure on AWS's side, or the network: what waiting cures. Not Ctrl-C's interruption. */
    private static boolean worthRetrying(RuntimeException e) {
        if (e instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
            return service.isThrottlingException() || "LimitExceededException".equals(code) || service.statusCode() >= 500;
        }
        if (e instanceof SdkClientException && !(e instanceof AbortedException)) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof IOException && (!(cause instanceof InterruptedIOException) || cause instanceof SocketTimeoutException)) {
                    return true;
                }
            }
        }
        return false;
    }

    private void read() {
        if (iterator == null) {
            iterator = iterator();
        }
        String current = iterator;
        GetRecordsResponse page = streams.getRecords(b -> b.shardIterator(current).limit(PAGE));
        retry = null;
        if (!progress.deliver(shardId, page.records(), skipBefore)) {
            listener.ended(shardId, false);
            return;
        }
        iterator = page.nextShardIterator();
        emptyPages = page.records().isEmpty() ? emptyPages + 1 : 0;
        if (iterator == null) {
            progress.finish(shardId);
            listener.ended(shardId, true);
        } else if (!page.records().isEmpty() && end.follow() || closed) {
            // more to come at once: a closed shard has it all, empty pages or not
            idle = polling.idle();
            schedule(Duration.ZERO);
        } else if (!end.follow()) {
            if (emptyPages >= EMPTY_PAGES_CAUGHT_UP || madeAfterBegan(page)) {
                listener.ended(shardId, false);
            } else {
                schedule(Duration.ZERO);
            }
        } else if (end.over(Instant.now())) {
            listener.ended(shardId, false);
        } else {
            schedule(end.waitAtMost(idle, Instant.now()));
            idle = polling.after(idle);
        }
    }

    /** The page's last change was made after the tail began: an open shard read without --follow has caught up with now. */
    private boolean madeAfterBegan(GetRecordsResponse page) {
        if (page.records().isEmpty()) {
            return false;
        }
        Instant made = page.records().get(page.records().size() - 1).dynamodb().approximateCreationDateTime();
        return made != null && made.isAfter(began);
    }

    /** An iterator from where the shard stands: after its last change handled, at the latest change, or at the oldest kept. */
    private String iterator() {
        ShardPosition position = progress.position(shardId);
        if (position != null && position.after() != null) {
            skipBefore = null;
            return iterator(ShardIteratorType.AFTER_SEQUENCE_NUMBER, position.after());
        }
        if (latest) {
            // the checkpoint says since when (the tail's beginning): a restart before any change was printed reads from
            // the trim horizon and passes over what came before
            latest = false;
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

    private void schedule(Duration delay) {
        try {
            pool.schedule(this, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // the tail is ending: no more reads
        }
    }
}
