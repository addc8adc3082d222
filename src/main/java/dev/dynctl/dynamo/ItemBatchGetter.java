package dev.dynctl.dynamo;

import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Reads the items of up to 100 keys with BatchGetItem. Keys DynamoDB hands back as
 * UnprocessedKeys (throttling, a response over 16 MB) are asked for again after an exponential
 * backoff with jitter ({@link RetryBackoff}); a batch that makes no progress for
 * {@value RetryBackoff#MAX_STALLED} tries in a row fails as throttled.
 */
public final class ItemBatchGetter {
    public static final int BATCH_SIZE = 100;

    /** A batch's items in the order of its keys, and the keys that have no item. */
    public record Batch(List<Map<String, AttributeValue>> items, List<Map<String, AttributeValue>> missing) {
    }

    private final String table;
    private final List<String> keyNames;
    private final KeysAndAttributes how;
    private final Function<BatchGetItemRequest, BatchGetItemResponse> batchGet;
    private final RetryBackoff backoff;
    private long requests;
    private long retries;

    /**
     * @param keyNames the table's key attributes, by which answers are matched to keys
     * @param how the projection and consistency of every request; its keys are ignored
     * @param batchGet the BatchGetItem call, normally {@code client::batchGetItem}
     * @param baseDelay the first retry's backoff
     */
    public ItemBatchGetter(String table, List<String> keyNames, KeysAndAttributes how,
                           Function<BatchGetItemRequest, BatchGetItemResponse> batchGet, Duration baseDelay) {
        this.table = table;
        this.keyNames = keyNames;
        this.how = how;
        this.batchGet = batchGet;
        this.backoff = new RetryBackoff(baseDelay);
    }

    public ItemBatchGetter(String table, List<String> keyNames, KeysAndAttributes how,
                           Function<BatchGetItemRequest, BatchGetItemResponse> batchGet) {
        this(table, keyNames, how, batchGet, RetryBackoff.BASE_DELAY);
    }

    /**
     * Reads the items of these keys, which must be distinct (by {@link KeyIdentity}) and at most
     * {@value #BATCH_SIZE}.
     */
    public Batch get(List<Map<String, AttributeValue>> keys) {
        if (keys.size() > BATCH_SIZE) {
            throw new IllegalArgumentException(keys.size() + " keys in one BatchGetItem");
        }
        Map<KeyIdentity, Map<String, AttributeValue>> found = new HashMap<>();
        List<Map<String, AttributeValue>> unprocessed = keys;
        backoff.reset();
        while (!unprocessed.isEmpty()) {
            List<Map<String, AttributeValue>> sent = unprocessed;
            BatchGetItemResponse response = batchGet.apply(BatchGetItemRequest.builder()
                    .requestItems(Map.of(table, how.toBuilder().keys(sent).build())).build());
            requests++;
            response.responses().getOrDefault(table, List.of()).forEach(item -> found.put(KeyIdentity.of(keyNames, item), item));
            KeysAndAttributes left = response.unprocessedKeys().get(table);
            unprocessed = left == null ? List.of() : left.keys();
            if (unprocessed.isEmpty()) {
                break;
            }
            if (!backoff.mayRetry(unprocessed.size() < sent.size())) {
                throw new DynctlException(ExitCode.THROTTLED, unprocessed.size() + (unprocessed.size() == 1 ? " key was" : " keys were")
                        + " still unprocessed after " + RetryBackoff.MAX_STALLED + " retries reading " + table + ".",
                        "Lower the read rate, or raise the table's read capacity (or use on-demand billing).");
            }
            pause();
            retries++;
        }
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        List<Map<String, AttributeValue>> missing = new ArrayList<>();
        for (Map<String, AttributeValue> key : keys) {
            Map<String, AttributeValue> item = found.get(KeyIdentity.of(keyNames, key));
            if (item == null) {
                missing.add(key);
            } else {
                items.add(item);
            }
        }
        return new Batch(items, missing);
    }

    /** BatchGetItem requests sent, retries included. */
    public long requests() {
        return requests;
    }

    /** Requests that asked again for unprocessed keys. */
    public long retries() {
        return retries;
    }

    private void pause() {
        try {
            backoff.pause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DynctlException(ExitCode.INTERRUPTED, "Interrupted while reading " + table + ".");
        }
    }
}
