package dev.dynctl.dynamo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.codec.Json;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryDescription;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;

/**
 * The shape tables are shown in: one document per table for describe/create/update/delete, and
 * one flat row per table for list. Field names are dynctl's (camelCase, stable); values that are
 * DynamoDB's own words (ACTIVE, PAY_PER_REQUEST, NEW_IMAGE, INCLUDE) stay as DynamoDB spells them.
 */
public final class TableDescriptions {
    private TableDescriptions() {
    }

    public static ObjectNode document(TableDetails details) {
        TableDescription t = details.table();
        ObjectNode doc = Json.MAPPER.createObjectNode();
        doc.put("name", t.tableName());
        doc.put("status", t.tableStatusAsString());
        doc.put("arn", t.tableArn());
        putInstant(doc, "created", t.creationDateTime());
        doc.set("partitionKey", key(TableKeyAttribute.of(t.keySchema(), t.attributeDefinitions(), KeyType.HASH)));
        TableKeyAttribute sortKey = TableKeyAttribute.of(t.keySchema(), t.attributeDefinitions(), KeyType.RANGE);
        if (sortKey != null) {
            doc.set("sortKey", key(sortKey));
        }
        ObjectNode attributes = doc.putObject("attributes");
        t.attributeDefinitions().forEach(a -> attributes.put(a.attributeName(), a.attributeTypeAsString()));
        doc.set("billing", billing(t));
        putLong(doc, "itemCount", t.itemCount());
        putLong(doc, "sizeBytes", t.tableSizeBytes());
        ArrayNode globals = doc.putArray("globalIndexes");
        t.globalSecondaryIndexes().forEach(index -> globals.add(globalIndex(index, t)));
        ArrayNode locals = doc.putArray("localIndexes");
        t.localSecondaryIndexes().forEach(index -> locals.add(localIndex(index, t)));
        doc.set("stream", stream(t));
        if (details.ttl() != null) {
            doc.set("ttl", ttl(details.ttl()));
        }
        if (details.pointInTimeRecovery() != null) {
            doc.set("pointInTimeRecovery", pointInTimeRecovery(details.pointInTimeRecovery()));
        }
        doc.put("deletionProtection", Boolean.TRUE.equals(t.deletionProtectionEnabled()));
        doc.put("tableClass", TableStorageClass.of(t.tableClassSummary()).toString());
        if (t.sseDescription() != null) {
            ObjectNode sse = doc.putObject("encryption");
            sse.put("status", t.sseDescription().statusAsString());
            sse.put("type", t.sseDescription().sseTypeAsString());
            sse.put("kmsKeyArn", t.sseDescription().kmsMasterKeyArn());
        }
        if (!t.replicas().isEmpty()) {
            ArrayNode replicas = doc.putArray("replicas");
            t.replicas().forEach(r -> replicas.addObject().put("region", r.regionName()).put("status", r.replicaStatusAsString()));
        }
        if (details.tags() != null) {
            ObjectNode tags = doc.putObject("tags");
            details.tags().forEach(tags::put);
        }
        if (t.tableId() != null) {
            doc.put("id", t.tableId());
        }
        return doc;
    }

    /** A row of `table list`: just the name. */
    public static ObjectNode nameRow(String name) {
        ObjectNode row = Json.MAPPER.createObjectNode();
        row.put("name", name);
        return row;
    }

    /** What `table wait --until deleted` and `table delete --wait` show once the table is gone. */
    public static ObjectNode deleted(String name) {
        ObjectNode doc = nameRow(name);
        doc.put("status", "DELETED");
        return doc;
    }

    /** A row of `table list --details`. */
    public static ObjectNode summaryRow(TableDescription t) {
        ObjectNode row = nameRow(t.tableName());
        row.put("status", t.tableStatusAsString());
        row.put("billing", billingMode(t).toString());
        putLong(row, "itemCount", t.itemCount());
        putLong(row, "sizeBytes", t.tableSizeBytes());
        row.put("pk", String.valueOf(TableKeyAttribute.of(t.keySchema(), t.attributeDefinitions(), KeyType.HASH)));
        TableKeyAttribute sortKey = TableKeyAttribute.of(t.keySchema(), t.attributeDefinitions(), KeyType.RANGE);
        if (sortKey != null) {
            row.put("sk", sortKey.toString());
        }
        return row;
    }

    /** The billing mode; tables from before on-demand existed report none and are provisioned. */
    static BillingMode billingMode(TableDescription t) {
        return t.billingModeSummary() == null || t.billingModeSummary().billingMode() == null
                ? BillingMode.PROVISIONED : t.billingModeSummary().billingMode();
    }

    /** Keys in messages: "id (S)" or "id (S), created (N)". */
    static String keys(List<KeySchemaElement> schema, List<AttributeDefinition> definitions) {
        return keys(TableKeyAttribute.of(schema, definitions, KeyType.HASH), TableKeyAttribute.of(schema, definitions, KeyType.RANGE));
    }

    static String keys(TableKeyAttribute partitionKey, TableKeyAttribute sortKey) {
        return sortKey == null ? words(partitionKey) : words(partitionKey) + ", " + words(sortKey);
    }

    private static String words(TableKeyAttribute key) {
        return key.name() + " (" + key.type() + ")";
    }

    private static JsonNode key(TableKeyAttribute key) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("name", key.name());
        node.put("type", key.type().toString());
        return node;
    }

    private static ObjectNode billing(TableDescription t) {
        ObjectNode billing = Json.MAPPER.createObjectNode();
        BillingMode mode = billingMode(t);
        billing.put("mode", mode.toString());
        if (mode == BillingMode.PROVISIONED) {
            capacity(billing, t.provisionedThroughput());
            ProvisionedThroughputDescription p = t.provisionedThroughput();
            if (p != null) {
                putLong(billing, "decreasesToday", p.numberOfDecreasesToday());
                putInstant(billing, "lastIncrease", p.lastIncreaseDateTime());
                putInstant(billing, "lastDecrease", p.lastDecreaseDateTime());
            }
        } else if (t.onDemandThroughput() != null) {
            putLong(billing, "maxReadRequestUnits", t.onDemandThroughput().maxReadRequestUnits());
            putLong(billing, "maxWriteRequestUnits", t.onDemandThroughput().maxWriteRequestUnits());
        }
        if (t.billingModeSummary() != null) {
            putInstant(billing, "lastSwitchedToOnDemand", t.billingModeSummary().lastUpdateToPayPerRequestDateTime());
        }
        return billing;
    }

    private static ObjectNode globalIndex(GlobalSecondaryIndexDescription index, TableDescription t) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("name", index.indexName());
        node.put("status", index.indexStatusAsString());
        if (index.backfilling() != null) {
            node.put("backfilling", index.backfilling());
        }
        indexKeys(node, index.keySchema(), t);
        node.set("projection", projection(index.projection()));
        if (billingMode(t) == BillingMode.PROVISIONED) {
            capacity(node, index.provisionedThroughput());
        }
        putLong(node, "itemCount", index.itemCount());
        putLong(node, "sizeBytes", index.indexSizeBytes());
        putText(node, "arn", index.indexArn());
        return node;
    }

    private static ObjectNode localIndex(LocalSecondaryIndexDescription index, TableDescription t) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("name", index.indexName());
        indexKeys(node, index.keySchema(), t);
        node.set("projection", projection(index.projection()));
        putLong(node, "itemCount", index.itemCount());
        putLong(node, "sizeBytes", index.indexSizeBytes());
        putText(node, "arn", index.indexArn());
        return node;
    }

    private static void indexKeys(ObjectNode node, List<KeySchemaElement> schema, TableDescription t) {
        node.set("partitionKey", key(TableKeyAttribute.of(schema, t.attributeDefinitions(), KeyType.HASH)));
        TableKeyAttribute sortKey = TableKeyAttribute.of(schema, t.attributeDefinitions(), KeyType.RANGE);
        if (sortKey != null) {
            node.set("sortKey", key(sortKey));
        }
    }

    private static ObjectNode projection(Projection projection) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        if (projection != null) {
            node.put("type", projection.projectionTypeAsString());
            if (projection.hasNonKeyAttributes()) {
                ArrayNode attributes = node.putArray("attributes");
                projection.nonKeyAttributes().forEach(attributes::add);
            }
        }
        return node;
    }

    private static void capacity(ObjectNode node, ProvisionedThroughputDescription throughput) {
        if (throughput != null) {
            putLong(node, "readCapacityUnits", throughput.readCapacityUnits());
            putLong(node, "writeCapacityUnits", throughput.writeCapacityUnits());
        }
    }

    private static ObjectNode stream(TableDescription t) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        StreamSpecification spec = t.streamSpecification();
        boolean enabled = spec != null && Boolean.TRUE.equals(spec.streamEnabled());
        node.put("enabled", enabled);
        if (enabled) {
            node.put("viewType", spec.streamViewTypeAsString());
        }
        if (t.latestStreamArn() != null) {
            node.put("latestArn", t.latestStreamArn());
            node.put("latestLabel", t.latestStreamLabel());
        }
        return node;
    }

    private static ObjectNode ttl(TimeToLiveDescription ttl) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("status", ttl.timeToLiveStatusAsString());
        if (ttl.attributeName() != null) {
            node.put("attribute", ttl.attributeName());
        }
        return node;
    }

    private static ObjectNode pointInTimeRecovery(PointInTimeRecoveryDescription pitr) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("status", pitr.pointInTimeRecoveryStatusAsString());
        putInstant(node, "earliestRestorable", pitr.earliestRestorableDateTime());
        putInstant(node, "latestRestorable", pitr.latestRestorableDateTime());
        if (pitr.recoveryPeriodInDays() != null) {
            node.put("recoveryPeriodDays", pitr.recoveryPeriodInDays());
        }
        return node;
    }

    private static void putLong(ObjectNode node, String field, Long value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static void putText(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static void putInstant(ObjectNode node, String field, Instant value) {
        if (value != null) {
            node.put(field, value.toString());
        }
    }
}
