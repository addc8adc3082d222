package dev.dynctl.bulk;

import dev.dynctl.aws.AwsErrors;
import dev.dynctl.dynamo.ScanSegments;
import java.util.Iterator;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * A table's items as an import's input: the parallel scan of an export, read straight into the
 * writers with no file between. The ordinals only count; a scan has no order to resume from, so a
 * copy that stops is run again (its puts are idempotent).
 */
public final class ScanSource implements ItemSource {
    private final String table;
    private final String where;
    private final ScanSegments segments;
    private final Iterator<Map<String, AttributeValue>> items;
    private long ordinal;

    /**
     * @param where the source's target in words, for its errors
     * @param rateLimit read capacity units per second, or null for no limit
     */
    public ScanSource(DynamoDbClient client, String where, String table, int segments, Double rateLimit) {
        this.table = table;
        this.where = where;
        ScanRequest scan = ScanRequest.builder().tableName(table).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        CapacityBudget budget = rateLimit == null ? null : new CapacityBudget(rateLimit);
        this.segments = new ScanSegments(segments, segment -> TableExport.segmentItems(client, scan, segment, segments, budget));
        this.items = this.segments.iterator();
    }

    @Override
    public boolean hasNext() {
        try {
            return items.hasNext();
        } catch (SdkException e) {
            // the copy's errors would otherwise name the destination: this one is the source's
            throw AwsErrors.translate(e, where);
        }
    }

    @Override
    public Entry next() {
        return new Entry(ordinal++, items.next());
    }

    @Override
    public String description() {
        return "table " + table;
    }

    @Override
    public void close() {
        segments.close();
    }
}
