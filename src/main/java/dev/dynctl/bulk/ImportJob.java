package dev.dynctl.bulk;

import dev.dynctl.dynamo.KeySchema;
import dev.dynctl.dynamo.RetryBackoff;
import dev.dynctl.error.DynctlException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;

/**
 * Writes the items of an {@link ItemSource} into a table: the calling thread reads and cuts
 * batches, {@code concurrency} writers send them, and a bounded queue between them keeps memory
 * constant whatever the input's size. The checkpoint (when there is one) is saved at most once a
 * second while the import runs and when it stops for any reason; it is deleted once every item is
 * written. {@link #stop} (Ctrl-C) ends the import early, leaving a checkpoint to resume from.
 */
public final class ImportJob {
    private static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(1);

    /**
     * @param keys the table's key schema: items are checked against it, and a batch holds one put per key
     * @param rateLimit write capacity units per second, 0 for no limit
     * @param baseDelay the first retry's backoff
     */
    public record Settings(KeySchema keys, int concurrency, double rateLimit, Duration baseDelay) {
        public Settings {
            if (concurrency < 1) {
                throw DynctlException.usage("--concurrency must be at least 1.");
            }
            if (rateLimit < 0) {
                throw DynctlException.usage("--rate-limit must be positive.");
            }
        }

        public Settings(KeySchema keys, int concurrency, double rateLimit) {
            this(keys, concurrency, rateLimit, RetryBackoff.BASE_DELAY);
        }
    }

    private final Settings settings;
    private final Function<BatchWriteItemRequest, BatchWriteItemResponse> batchWrite;
    private final CheckpointFile checkpointFile;
    private final Checkpoint start;
    private final ImportCounters counters = new ImportCounters();
    private final CompletedRanges ranges;
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private volatile boolean stopping;
    private long saved = -1;
    /** Items before the resume point, passed over (written by the reading thread, shown by the ticker). */
    private volatile long skipped;
    /** One past the last ordinal read. */
    private long nextOrdinal;

    /**
     * @param batchWrite the BatchWriteItem call, normally {@code client::batchWriteItem}
     * @param checkpointFile where to keep the checkpoint; null for none (standard input without --checkpoint)
     * @param start the input, table and target, and the watermark to resume from (0 for a new import)
     */
    public ImportJob(Settings settings, Function<BatchWriteItemRequest, BatchWriteItemResponse> batchWrite,
                     CheckpointFile checkpointFile, Checkpoint start) {
        this.settings = settings;
        this.batchWrite = batchWrite;
        this.checkpointFile = checkpointFile;
        this.start = start;
        this.ranges = new CompletedRanges(start.watermark());
    }

    /** Asks the import to end soon: no more reading, batches not yet sent are left for the resume. */
    public void stop() {
        stopping = true;
    }

    /**
     * Runs the import to its end, or until {@link #stop}. A failure (a bad item, a table that
     * cannot keep up, an error from DynamoDB) stops the other writers and is thrown once the
     * checkpoint is saved.
     *
     * @param progress called about once a second with the figures so far; may be null
     */
    public ImportReport run(ItemSource source, Consumer<ImportReport> progress) {
        long began = System.nanoTime();
        saveCheckpoint();
        BlockingQueue<ImportBatch> queue = new ArrayBlockingQueue<>(settings.concurrency() * 2);
        ExecutorService writers = Executors.newFixedThreadPool(settings.concurrency(), daemon("dynctl-import-writer"));
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(daemon("dynctl-import-checkpoint"));
        boolean readAll = false;
        try {
            ticker.scheduleWithFixedDelay(() -> {
                try {
                    saveCheckpoint();
                } catch (RuntimeException e) {
                    // a full disk: better to stop than to write on without a resume point
                    fail(e);
                }
                if (progress != null) {
                    progress.accept(report(began, false));
                }
            }, CHECKPOINT_INTERVAL.toMillis(), CHECKPOINT_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
            List<Future<?>> running = new ArrayList<>();
            WriteRateLimit rateLimit = new WriteRateLimit(settings.rateLimit());
            for (int i = 0; i < settings.concurrency(); i++) {
                ImportWriter writer = new ImportWriter(settings.keys().table(), batchWrite, rateLimit, counters, () -> stopping,
                        settings.baseDelay());
                running.add(writers.submit(() -> drain(queue, writer)));
            }
            readAll = read(source, queue);
            for (Future<?> writer : running) {
                await(writer);
            }
        } finally {
            stopping = true;
            writers.shutdownNow();
            // not shutdownNow: an interrupt would abort a checkpoint being written
            ticker.shutdown();
            awaitTermination(writers);
            awaitTermination(ticker);
        }
        boolean complete = readAll && failure.get() == null && ranges.watermark() >= nextOrdinal;
        finishCheckpoint(complete);
        if (failure.get() != null) {
            throw failure.get();
        }
        return report(began, complete);
    }

    /** Reads the input into the queue; true when it was read to its end. */
    private boolean read(ItemSource source, BlockingQueue<ImportBatch> queue) {
        ImportBatcher batcher = new ImportBatcher(settings.keys(), source.description(), start.watermark());
        nextOrdinal = start.watermark();
        try {
            while (!stopping && source.hasNext()) {
                ItemSource.Entry entry = source.next();
                if (entry.ordinal() < start.watermark()) {
                    skipped++;
                    continue;
                }
                nextOrdinal = entry.ordinal() + 1;
                ImportBatch batch = batcher.add(entry);
                if (batch != null && !offer(queue, batch)) {
                    return false;
                }
            }
            if (stopping) {
                return false;
            }
            ImportBatch last = batcher.finish();
            if (last != null && !offer(queue, last)) {
                return false;
            }
            for (int i = 0; i < settings.concurrency(); i++) {
                if (!offer(queue, ImportBatch.END)) {
                    return false;
                }
            }
            return true;
        } catch (RuntimeException e) {
            fail(e);
            return false;
        }
    }

    /** Waits for room in the queue; false when the import stops meanwhile. */
    private boolean offer(BlockingQueue<ImportBatch> queue, ImportBatch batch) {
        try {
            while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                if (stopping) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
            return false;
        }
    }

    private void drain(BlockingQueue<ImportBatch> queue, ImportWriter writer) {
        try {
            while (!stopping) {
                ImportBatch batch = queue.poll(100, TimeUnit.MILLISECONDS);
                if (batch == ImportBatch.END) {
                    return;
                }
                if (batch != null && writer.write(batch)) {
                    ranges.complete(batch.start(), batch.end());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    private void fail(RuntimeException e) {
        failure.compareAndSet(null, e);
        stopping = true;
    }

    private static void await(Future<?> writer) {
        try {
            writer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // drain() records its own failures; anything else is a bug worth seeing
            throw new IllegalStateException(e.getCause());
        }
    }

    private static void awaitTermination(ExecutorService executor) {
        try {
            executor.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void saveCheckpoint() {
        long watermark = ranges.watermark();
        if (checkpointFile == null || watermark == saved) {
            return;
        }
        checkpointFile.write(start.at(watermark, start.written() + counters.written.get()));
        saved = watermark;
    }

    private synchronized void finishCheckpoint(boolean complete) {
        if (checkpointFile == null) {
            return;
        }
        if (complete) {
            checkpointFile.delete();
        } else {
            saved = -1;
            saveCheckpoint();
        }
    }

    private ImportReport report(long began, boolean complete) {
        return new ImportReport(counters.written.get(), skipped, counters.batches.get(), counters.requests.get(),
                counters.retries.get(), counters.throttles.get(), Duration.ofNanos(System.nanoTime() - began), ranges.watermark(),
                complete);
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
