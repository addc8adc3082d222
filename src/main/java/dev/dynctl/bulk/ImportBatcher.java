package dev.dynctl.bulk;

import dev.dynctl.dynamo.KeySchema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Cuts the items of an input into batches of up to 25 puts. Batches cover consecutive ordinal
 * ranges, starting at the resume point; a second put to a key already in the batch starts the
 * next one, since DynamoDB rejects a batch that names one item twice.
 */
final class ImportBatcher {
    static final int BATCH_SIZE = 25;

    private final KeySchema keys;
    private final String origin;
    private final List<WriteRequest> writes = new ArrayList<>(BATCH_SIZE);
    private final Set<List<Object>> batchKeys = new HashSet<>();
    private long start;
    private long end;
    private int writeUnits;

    /** @param origin the input, for messages about a bad item ("users.jsonl") */
    ImportBatcher(KeySchema keys, String origin, long resumeFrom) {
        this.keys = keys;
        this.origin = origin;
        this.start = resumeFrom;
        this.end = resumeFrom;
    }

    /** Adds an item; returns the batch it completes (or the one it had to close first), else null. */
    ImportBatch add(ItemSource.Entry entry) {
        Map<String, AttributeValue> item = entry.item();
        keys.requireKeyIn(item, "item " + (entry.ordinal() + 1) + " of " + origin);
        List<Object> key = keys.names().stream().map(name -> identity(item.get(name))).toList();
        ImportBatch closed = batchKeys.contains(key) ? close(entry.ordinal()) : null;
        writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
        batchKeys.add(key);
        writeUnits += ItemSize.writeUnits(item);
        end = entry.ordinal() + 1;
        if (closed == null && writes.size() == BATCH_SIZE) {
            closed = close(end);
        }
        return closed;
    }

    /** The last, partly filled batch, or null. */
    ImportBatch finish() {
        return writes.isEmpty() ? null : close(end);
    }

    private ImportBatch close(long until) {
        ImportBatch batch = new ImportBatch(start, until, List.copyOf(writes), writeUnits);
        writes.clear();
        batchKeys.clear();
        writeUnits = 0;
        start = until;
        return batch;
    }

    /** Numbers by value: 5 and 5.0 are one key to DynamoDB. */
    private static Object identity(AttributeValue value) {
        return value.n() != null ? new BigDecimal(value.n()).stripTrailingZeros() : value;
    }
}
