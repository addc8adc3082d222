package dev.dynctl.bulk;

import dev.dynctl.dynamo.ItemCount;
import dev.dynctl.dynamo.RetryBackoff;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Writes one batch with BatchWriteItem until all of it is in: UnprocessedItems are sent again, and
 * so is a batch refused as throttled (after the SDK's own retries), each time after a backoff with
 * jitter. Each writer thread has its own; the counters and the rate limit are shared.
 */
final class ImportWriter {
    private final String table;
    private final Function<BatchWriteItemRequest, BatchWriteItemResponse> batchWrite;
    private final WriteRateLimit rateLimit;
    private final ImportCounters counters;
    private final BooleanSupplier stopping;
    private final RetryBackoff backoff;

    ImportWriter(String table, Function<BatchWriteItemRequest, BatchWriteItemResponse> batchWrite, WriteRateLimit rateLimit,
                 ImportCounters counters, BooleanSupplier stopping, Duration baseDelay) {
        this.table = table;
        this.batchWrite = batchWrite;
        this.rateLimit = rateLimit;
        this.counters = counters;
        this.stopping = stopping;
        this.backoff = new RetryBackoff(baseDelay);
    }

    /** True when the whole batch is written; false when the import stopped before it was. */
    boolean write(ImportBatch batch) throws InterruptedException {
        rateLimit.acquire(batch.writeUnits());
        List<WriteRequest> pending = batch.writes();
        backoff.reset();
        while (true) {
            if (stopping.getAsBoolean() && pending != batch.writes()) {
                // Ctrl-C or another writer's failure: a half-written batch is left for the resume
                return false;
            }
            List<WriteRequest> sent = pending;
            List<WriteRequest> unprocessed;
            try {
                BatchWriteItemResponse response = batchWrite.apply(BatchWriteItemRequest.builder()
                        .requestItems(Map.of(table, sent)).build());
                unprocessed = response.unprocessedItems().getOrDefault(table, List.of());
            } catch (AwsServiceException e) {
                if (!e.isThrottlingException()) {
                    throw e;
                }
                counters.throttles.incrementAndGet();
                unprocessed = sent;
            } finally {
                counters.requests.incrementAndGet();
            }
            counters.written.addAndGet(sent.size() - unprocessed.size());
            if (unprocessed.isEmpty()) {
                counters.batches.incrementAndGet();
                return true;
            }
            if (!backoff.mayRetry(unprocessed.size() < sent.size())) {
                throw new DynctlException(ExitCode.THROTTLED, ItemCount.was(unprocessed.size()) + " still not written to " + table
                        + " after " + RetryBackoff.MAX_STALLED + " tries in a row that wrote nothing.",
                        "Lower --rate-limit or --concurrency, or raise the table's write capacity (or use on-demand billing).");
            }
            backoff.pause();
            counters.retries.incrementAndGet();
            pending = unprocessed;
        }
    }
}
