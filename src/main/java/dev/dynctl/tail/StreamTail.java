package dev.dynctl.tail;

import dev.dynctl.aws.AwsErrors;
import dev.dynctl.dynamo.expression.Condition;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Prints a table's changes from its DynamoDB stream: every shard, parents before children
 * ({@link ShardLineage}), shards that do not depend on each other read at the same time, and new
 * shards found while following. Without --follow each shard is read until it has nothing more (an
 * empty page, or its end); with it, until Ctrl-C ({@link #stop}), --until or --max. A checkpoint
 * file makes a later run go on exactly after the last change this one printed.
 *
 * <p>One tail, one run.
 */
public final class StreamTail implements ShardReader.Listener {
    /** Shards read at once at most: GetRecords calls are short, and idle shards wait without a thread. */
    private static final int READERS = 8;
    /** How long readers get to finish the call they are in once the tail ends, before they are interrupted. */
    private static final long GRACE_MILLIS = 2000;

    /**
     * @param from where to begin without a checkpoint; null for the default: the latest change
     *             when following, the oldest kept otherwise
     * @param filter prints only the changes whose item (the new one, the old one for a REMOVE) matches; null for all
     * @param checkpoint remembers where the tail stands, and begins where it stood; null for none
     */
    public record Request(StreamSource source, StreamStart from, TailEnd end, Condition filter, StreamCheckpointFile checkpoint) {
    }

    /** @param interrupted true when Ctrl-C ended the tail */
    public record Result(long printed, boolean interrupted) {
    }

    private final DynamoDbClient dynamo;
    private final DynamoDbStreamsClient streams;
    private final String where;
    private final StreamPolling polling;
    private final ShardLineage lineage = new ShardLineage();
    private volatile boolean interrupted;
    private volatile StreamProgress progress;
    /** Readers started and not yet ended. Guarded by this. */
    private int reading;
    /** A shard was read to its end since the stream was last described: it may have children to find. Guarded by this. */
    private boolean shardFinished;
    private RuntimeException failure;

    /**
     * @param where where requests go, in words, for messages
     * @param polling how often shards are asked for more ({@link StreamPolling#DEFAULT}; tests go faster)
     */
    public StreamTail(DynamoDbClient dynamo, DynamoDbStreamsClient streams, String where, StreamPolling polling) {
        this.dynamo = dynamo;
        this.streams = streams;
        this.where = where;
        this.polling = polling;
    }

    /** The stream of {@code table}; exit 3 when the table does not exist or has no stream. */
    public StreamSource source(String table) {
        return StreamSource.of(dynamo, table, where);
    }

    /**
     * Prints the changes to {@code sink} until the tail ends. A checkpoint of another stream is
     * refused (exit 2) before anything is read. The checkpoint, when there is one, is the caller's
     * to take ({@link StreamCheckpointFile#lock}) first, before it reads anything, the table included.
     *
     * @param warnings sentences about changes lost (trimmed before they were read), for standard error
     */
    public Result run(Request request, ChangeSink sink, Consumer<String> warnings) {
        Instant began = Instant.now();
        StreamSource source = request.source();
        Map<String, ShardPosition> saved = saved(request);
        if (request.from() != null && !saved.isEmpty()) {
            warnings.accept("--from ignored: resuming from " + request.checkpoint().path() + ".");
        }
        StreamStart from = request.from() != null ? request.from() : request.end().follow() ? StreamStart.LATEST : StreamStart.TRIM_HORIZON;
        progress = new StreamProgress(source, sink, request.filter(), request.end(), request.checkpoint(), saved, warnings, this::wake);
        if (interrupted) {
            return new Result(0, true);
        }
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(READERS, runnable -> {
            Thread thread = new Thread(runnable, "dynctl-stream-reader");
            thread.setDaemon(true);
            return thread;
        });
        pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        try {
            // a checkpoint that says where its shards stand leaves --from out
            Set<String> latest = begin(source, saved.isEmpty() ? from : null, began);
            follow(source, request.end(), began, pool, latest);
        } catch (AbortedException e) {
            // the shell's Ctrl-C interrupts the statement's thread in the middle of a DescribeStream
            stop();
        } finally {
            stopReaders(pool);
            progress.save();
        }
        // Ctrl-C first: a reader interrupted in the middle of a call fails, and that is not an error of the tail
        if (progress.stopped() == StreamProgress.Stop.INTERRUPTED) {
            return new Result(progress.printed(), true);
        }
        synchronized (this) {
            if (failure != null) {
                throw failure instanceof SdkException e ? AwsErrors.translate(e, where) : failure;
            }
        }
        return new Result(progress.printed(), false);
    }

    /** Ctrl-C: the tail stops printing, keeps its checkpoint and ends; {@link #run} then says it was interrupted. */
    public void stop() {
        interrupted = true;
        StreamProgress current = progress;
        if (current != null) {
            current.stop(StreamProgress.Stop.INTERRUPTED);
        }
    }

    /** The checkpoint's positions, after checking it belongs to this stream; empty without one. */
    private static Map<String, ShardPosition> saved(Request request) {
        if (request.checkpoint() == null) {
            return Map.of();
        }
        StreamCheckpoint checkpoint = request.checkpoint().read().orElse(null);
        if (checkpoint == null) {
            return Map.of();
        }
        String mismatch = checkpoint.mismatch(request.source());
        if (mismatch != null) {
            throw new DynctlException(ExitCode.USAGE, "The checkpoint " + request.checkpoint().path() + " is not for the stream of table "
                    + request.source().table() + ": " + mismatch + ".",
                    "Pass another --checkpoint file, or delete this one to start over.");
        }
        return checkpoint.shards();
    }

    /**
     * Lists the shards, and marks those not to read: finished in the checkpoint, or closed before
     * a tail that begins at the latest change. The checkpoint is written once, with every shard
     * where it stands — an open shard begun at the latest change from the moment the tail began,
     * so that a restart takes no change this run passed over — before anything is read: a
     * checkpoint that cannot be written fails before anything is printed.
     *
     * @param from where to begin; null when a checkpoint says
     * @return the shards to begin at the latest change
     */
    private Set<String> begin(StreamSource source, StreamStart from, Instant began) {
        List<ShardLineage.Shard> shards = describe(source);
        progress.keepOnly(ids(shards));
        lineage.update(shards);
        Map<String, ShardPosition> positions = new HashMap<>();
        Set<String> latest = new HashSet<>();
        for (ShardLineage.Shard shard : shards) {
            ShardPosition position = progress.position(shard.id());
            if (position != null && position.finished()) {
                lineage.finished(shard.id());
            } else if (from == StreamStart.LATEST && shard.closed()) {
                // a closed shard holds only changes from before the tail began
                lineage.finished(shard.id());
                positions.put(shard.id(), ShardPosition.FINISHED);
            } else if (from == StreamStart.LATEST) {
                latest.add(shard.id());
                positions.put(shard.id(), ShardPosition.since(began));
            }
        }
        progress.startAll(positions);
        return latest;
    }

    private void follow(StreamSource source, TailEnd end, Instant began, ScheduledThreadPoolExecutor pool, Set<String> latest) {
        long nextDescribe = System.nanoTime() + polling.rediscover().toNanos();
        while (true) {
            for (ShardLineage.Shard shard : lineage.startReady()) {
                synchronized (this) {
                    reading++;
                }
                new ShardReader(shard.id(), shard.closed(), source.streamArn(), streams, progress, polling, end, began, pool, this,
                        latest.remove(shard.id())).start();
            }
            boolean describe;
            synchronized (this) {
                if (over(end)) {
                    return;
                }
                if (!shardFinished) {
                    if (!end.follow() || end.over(Instant.now())) {
                        // until a reader ends (the last ones do on their own) or the tail stops
                        waitFor(0);
                    } else {
                        long wait = waitMillis(nextDescribe, end);
                        if (wait > 0) {
                            waitFor(wait);
                        }
                    }
                }
                describe = shardFinished || end.follow() && System.nanoTime() >= nextDescribe;
                shardFinished = false;
            }
            if (describe) {
                List<ShardLineage.Shard> shards = describe(source);
                if (progress.keepOnly(ids(shards))) {
                    progress.save();
                }
                lineage.update(shards);
                nextDescribe = System.nanoTime() + polling.rediscover().toNanos();
            }
        }
    }

    /**
     * True when the tail is over: stopped, failed, or nothing left to read — no reader at work
     * and no shard finished whose children may be new — and, when following, --until has passed.
     */
    private boolean over(TailEnd end) {
        if (progress.stopped() != null || failure != null) {
            return true;
        }
        return reading == 0 && !shardFinished && (!end.follow() || end.over(Instant.now()));
    }

    /** Until the next DescribeStream, or --until when that comes first. */
    private static long waitMillis(long nextDescribe, TailEnd end) {
        return end.waitAtMost(Duration.ofNanos(nextDescribe - System.nanoTime()), Instant.now()).toMillis();
    }

    /** Waits to be woken (a reader ended, the tail stopped), at most {@code millis} (0: until woken). */
    private void waitFor(long millis) {
        try {
            wait(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
        }
    }

    private synchronized void wake() {
        notifyAll();
    }

    @Override
    public synchronized void ended(String shardId, boolean finished) {
        reading--;
        if (finished) {
            lineage.finished(shardId);
            shardFinished = true;
        }
        notifyAll();
    }

    @Override
    public void failed(RuntimeException e) {
        synchronized (this) {
            reading--;
            // once the tail stopped (Ctrl-C, --max), a call cut short is no failure of it
            if (progress.stopped() != null) {
                notifyAll();
                return;
            }
            if (failure == null) {
                failure = e;
            }
        }
        progress.stop(StreamProgress.Stop.FAILED);
    }

    /** Every shard of the stream: DescribeStream lists them a page at a time. */
    private List<ShardLineage.Shard> describe(StreamSource source) {
        List<ShardLineage.Shard> shards = new ArrayList<>();
        String start = null;
        try {
            do {
                String after = start;
                DescribeStreamResponse page = streams.describeStream(b -> b.streamArn(source.streamArn()).exclusiveStartShardId(after));
                for (Shard shard : page.streamDescription().shards()) {
                    boolean closed = shard.sequenceNumberRange() != null && shard.sequenceNumberRange().endingSequenceNumber() != null;
                    shards.add(new ShardLineage.Shard(shard.shardId(), shard.parentShardId(), closed));
                }
                start = page.streamDescription().lastEvaluatedShardId();
            } while (start != null);
        } catch (ResourceNotFoundException e) {
            throw new DynctlException(ExitCode.NOT_FOUND, "The stream of table " + source.table() + " (" + source.streamArn()
                    + ") is gone from " + where + ": the table was deleted, or its stream turned off long ago.", null, e);
        }
        return shards;
    }

    private static Set<String> ids(List<ShardLineage.Shard> shards) {
        Set<String> ids = new HashSet<>();
        shards.forEach(shard -> ids.add(shard.id()));
        return ids;
    }

    /** Lets the readers finish the call they are in (its changes are printed and checkpointed, or not at all), then ends them. */
    private static void stopReaders(ScheduledThreadPoolExecutor pool) {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
                pool.shutdownNow();
                pool.awaitTermination(GRACE_MILLIS, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
