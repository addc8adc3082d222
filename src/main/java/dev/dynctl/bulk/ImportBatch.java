package dev.dynctl.bulk;

import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Up to 25 puts, no two to the same key, and the range of ordinals [start, end) they stand for:
 * once the batch is written, every item of the input in that range is in the table.
 *
 * @param writeUnits what the puts cost, for the rate limit
 */
record ImportBatch(long start, long end, List<WriteRequest> writes, int writeUnits) {
    /** Tells the writers that no more batches come. */
    static final ImportBatch END = new ImportBatch(-1, -1, List.of(), 0);
}
