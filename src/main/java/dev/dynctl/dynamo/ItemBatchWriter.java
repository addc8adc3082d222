package dev.dynctl.dynamo;

import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Puts and deletes items with BatchWriteItem, 25 at a time, in the order they are given. Writes
 * DynamoDB hands back as UnprocessedItems (throttling, partitions under load) are sent again after
 * an exponential backoff with jitter ({@link RetryBackoff}), before the next batch; a batch that
 * makes no progress for {@value RetryBackoff#MAX_STALLED} tries in a row fails as throttled,
 * saying how many items were written.
 */
public final class ItemBatchWriter {
    public static final int BATCH_SIZE = 25;

    private final String table;
    private final List<String> keyNames;
    private final Function<BatchWriteItemRequest, BatchWriteItemResponse> batchWrite;
    private final RetryBackoff backoff;
    private final List<WriteRequest> pending = new ArrayList<>(BATCH_SIZE);
    private final Set<KeyIdentity> pendingKeys = new HashSet<>();
    private long accepted;
    private long puts;
    private long deletes;
    private long requests;
    private long retries;

    /**
     * @param keyNames the table's key attributes: one batch must not hold two writes to the same key
     * @param batchWrite the BatchWriteItem call, normally {@code client::batchWriteItem}
     */
    public ItemBatchWriter(String table, List<String> keyNames, Function<BatchWriteItemRequest, BatchWriteItemResponse> batchWrite) {
        this(table, keyNames, batchWrite, RetryBackoff.BASE_DELAY);
    }

    /** @param baseDelay the first retry's backoff; each retry without progress doubles it, up to 100 times it */
    public ItemBatchWriter(String table, List<String> keyNames, Function<BatchWriteItemRequest, BatchWriteItemResponse> batchWrite,
                           Duration baseDelay) {
        this.table = table;
        this.keyNames = keyNames;
        this.batchWrite = batchWrite;
        this.backoff = new RetryBackoff(baseDelay);
    }

    /** Puts (creates or replaces) an item, which must hold the table's key attributes. */
    public void put(Map<String, AttributeValue> item) {
        add(item, WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
    }

    /** Deletes the item with this key. */
    public void delete(Map<String, AttributeValue> key) {
        add(key, WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key).build()).build());
    }

    private void add(Map<String, AttributeValue> attributes, WriteRequest write) {
        KeyIdentity key = KeyIdentity.of(keyNames, attributes);
        if (pendingKeys.contains(key)) {
            // DynamoDB rejects a batch with the same key twice; the later write must land after the earlier one
            flush();
        }
        pending.add(write);
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
        backoff.reset();
        while (!unprocessed.isEmpty()) {
            List<WriteRequest> sent = unprocessed;
            BatchWriteItemResponse response = batchWrite.apply(BatchWriteItemRequest.builder()
                    .requestItems(Map.of(table, sent)).build());
            requests++;
            unprocessed = response.unprocessedItems().getOrDefault(table, List.of());
            count(sent, unprocessed);
            if (unprocessed.isEmpty()) {
                break;
            }
            if (!backoff.mayRetry(unprocessed.size() < sent.size())) {
                throw new DynctlException(ExitCode.THROTTLED, ItemCount.was(unprocessed.size()) + " still unprocessed after "
                        + RetryBackoff.MAX_STALLED + " retries; " + ItemCount.was(written()) + " written to " + table + ".",
                        "Lower the write rate, or raise the table's write capacity (or use on-demand billing).");
            }
            pause();
            retries++;
        }
    }

    private void count(List<WriteRequest> sent, List<WriteRequest> unprocessed) {
        long sentPuts = sent.stream().filter(w -> w.putRequest() != null).count();
        long unprocessedPuts = unprocessed.stream().filter(w -> w.putRequest() != null).count();
        puts += sentPuts - unprocessedPuts;
        deletes += (sent.size() - sentPuts) - (unprocessed.size() - unprocessedPuts);
    }

    /** Writes (puts and deletes) done and confirmed by DynamoDB. */
    public long written() {
        return puts + deletes;
    }

    /** Puts done and confirmed. */
    public long puts() {
        return puts;
    }

    /** Deletes done and confirmed. */
    public long deletes() {
        return deletes;
    }

    /** Writes handed to {@link #put} or {@link #delete}: written, pending, or in a request that failed. */
    public long accepted() {
        return accepted;
    }

    /** BatchWriteItem requests sent, retries included. */
    public long requests() {
        return requests;
    }

    /** Requests that sent unprocessed items again. */
    public long retries() {
        return retries;
    }

    private void pause() {
        try {
            backoff.pause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DynctlException(ExitCode.INTERRUPTED, "Interrupted; " + ItemCount.was(written()) + " written to " + table + ".");
        }
    }
}
