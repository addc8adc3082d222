package dev.dynctl.model;

import dev.dynctl.dynamo.TableBilling;
import dev.dynctl.dynamo.TableDefinition;
import dev.dynctl.dynamo.TableIndexSpec;
import dev.dynctl.dynamo.TableKeyAttribute;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * What a deploy asks DynamoDB for a table: its keys, indexes, TTL attribute and stream.
 *
 * @param partitionKey null when the file gives no {@code keys:} (a table only schema commands use)
 * @param sortKey null when there is none
 * @param ttlAttribute null for no TTL
 * @param stream null for no stream
 */
record TableLayout(TableKeyAttribute partitionKey, TableKeyAttribute sortKey, List<TableIndexSpec> globalIndexes,
                   List<TableIndexSpec> localIndexes, String ttlAttribute, StreamViewType stream) {
    static final TableLayout NONE = new TableLayout(null, null, List.of(), List.of(), null, null);

    TableLayout {
        globalIndexes = List.copyOf(globalIndexes);
        localIndexes = List.copyOf(localIndexes);
    }

    boolean hasKeys() {
        return partitionKey != null;
    }

    /** The table {@code name} with this layout: on-demand, without tags (ownership tags are the deployer's). */
    TableDefinition definition(String name) {
        return new TableDefinition(name, partitionKey, sortKey, globalIndexes, localIndexes, TableBilling.ON_DEMAND, stream,
                Map.of(), false, ttlAttribute, false);
    }
}
