package dev.dynctl.dynamo;

import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Puts a stream of items with BatchWriteItem, 25 at a time. Items DynamoDB hands back as
 * UnprocessedItems (throttling, partitions under load) are sent again after an exponential
 * backoff with jitter, as AWS advises; a batch that makes no progress for {@value #MAX_ATTEMPTS}
 * tries in a row fails as throttled, saying how many items were written.
 */
public final class ItemBatchWriter {
    public static final int BATCH_SIZE = 25;
    static final int MAX_ATTEMPTS = 10;
    private static final Duration BASE_DELAY = Duration.ofMillis(50);

    private final String table;
    private final List<String> keyNames;
    private final Function<BatchWriteItemRequest, BatchWriteItemResponse> batchWrite;
    private final long baseDelayMs;
    private final List<WriteRequest> pending = new ArrayList<>(BATCH_SIZE);
    private final Set<List<AttributeValue>> pendingKeys = new HashSet<>();
    private long accepted;
    private long written;
    private long requests;

    /**
     * @param keyNames the table's key attributes: one batch must not hold two writes to the same key
     * @param batchWrite the BatchWriteItem call, normally {@code client::batchWriteItem}
     */
    public ItemBatchWriter(String table, List<String> keyNames, Function<BatchWriteItemRequest, BatchWriteItemResponse> batchWrite) {
        this(table, keyNames, batchWrite, BASE_DELAY);
    }

    /** @param baseDelay the first retry's backoff; each retry without progress doubles it, up to 100 times it */
    public ItemBatchWriter(String table, List<String> keyNames, Function<BatchWriteItemRequest, BatchWriteItemResponse> batchWrite,
                           Duration baseDelay) {
        this.table = table;
        this.keyNames = keyNames;
        this.batchWrite = batchWrite;
        this.baseDelayMs = Math.max(1, baseDelay.toMillis());
    }

    public void put(Map<String, AttributeValue> item) {
        List<AttributeValue> key = keyNames.stream().map(item::get).toList();
        if (pendingKeys.contains(key)) {
            // DynamoDB rejects a batch with the same key twice; the later write must land after the earlier one
            flush();
        }
        pending.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
        pendingKeys.add(key);
        accepted++;
        if (pending.size() == BATCH_SIZE) {
            flush();
        }
    }

    /** Writes what is pending. */
    public void flush() {
        List<WriteRequest> unprocessed = List.copyOf(pending);
        pending.clear();
        pendingKeys.clear();
        int failedAttempts = 0;
        while (!unprocessed.isEmpty()) {
            List<WriteRequest> sent = unprocessed;
            BatchWriteItemResponse response = batchWrite.apply(BatchWriteItemRequest.builder()
                    .requestItems(Map.of(table, sent)).build());
            requests++;
            unprocessed = response.unprocessedItems().getOrDefault(table, List.of());
            written += sent.size() - unprocessed.size();
            if (unprocessed.isEmpty()) {
                break;
            }
            failedAttempts = unprocessed.size() < sent.size() ? 0 : failedAttempts + 1;
            if (failedAttempts >= MAX_ATTEMPTS) {
                throw new DynctlException(ExitCode.THROTTLED, ItemCount.was(unprocessed.size()) + " still unprocessed after "
                        + MAX_ATTEMPTS + " retries; " + ItemCount.was(written) + " written to " + table + ".",
                        "Lower the write rate, or raise the table's write capacity (or use on-demand billing).");
            }
            backoff(failedAttempts);
        }
    }

    /** Items written and confirmed by DynamoDB. */
    public long written() {
        return written;
    }

    /** Items handed to {@link #put}: written, pending, or in a request that failed. */
    public long accepted() {
        return accepted;
    }

    /** BatchWriteItem requests sent, retries included. */
    public long requests() {
        return requests;
    }

    private void backoff(int attempt) {
        long ceiling = Math.min(baseDelayMs * 100, baseDelayMs << Math.min(attempt, 20));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DynctlException(ExitCode.INTERRUPTED, "Interrupted; " + ItemCount.was(written) + " written to " + table + ".");
        }
    }
}
