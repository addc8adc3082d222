package dev.dynctl.dynamo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.codec.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.OnDemandThroughput;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.ReplicaDescription;
import software.amazon.awssdk.services.dynamodb.model.ReplicaGlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.ReplicaStatus;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The regions a table lives in (global tables, version 2019.11.21): the table's own region, the
 * source of `table replicas`, then each replica with its status, class, throughput and key. A
 * replica's write capacity (or on-demand write maximum) is the table's; its read side is the
 * table's unless overridden for that region.
 */
public final class TableReplicas {
    /** What `table replicas` shows: the table, and one entry per region, its own first. */
    public record Listing(String table, String sourceRegion, List<ObjectNode> regions) {
        /** Whether the table has replicas besides itself. */
        public boolean hasReplicas() {
            return regions.size() > 1;
        }

        /** The listing as scripts read it: every field, numbers as numbers. */
        public ObjectNode document() {
            ObjectNode doc = Json.MAPPER.createObjectNode();
            doc.put("table", table);
            putText(doc, "sourceRegion", sourceRegion);
            ArrayNode all = doc.putArray("regions");
            regions.forEach(all::add);
            return doc;
        }

        /** One row per region as a person reads it: capacity in words, the less common fields only when present. */
        public List<ObjectNode> rows() {
            return regions.stream().map(TableReplicas::row).toList();
        }
    }

    private final DynamoDbClient client;
    private final String where;

    public TableReplicas(DynamoDbClient client, String where) {
        this.client = client;
        this.where = where;
    }

    /** The table's regions; a table without replicas has just its own. A missing table is not found. */
    public Listing list(String name) {
        TableDescription table = MissingTable.describe(client, name, where);
        String home = ReplicaRegion.ofArn(table.tableArn());
        ReplicaDescription homeEntry = table.replicas().stream().filter(r -> r.regionName().equals(home)).findFirst().orElse(null);
        List<ObjectNode> regions = new ArrayList<>();
        regions.add(source(table, home, homeEntry));
        table.replicas().stream().filter(r -> r != homeEntry).forEach(r -> regions.add(replica(table, r)));
        return new Listing(table.tableName(), home, regions);
    }

    /** The table in its own region; DescribeTable may list that region among the replicas too, with its progress. */
    private static ObjectNode source(TableDescription table, String region, ReplicaDescription entry) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        putText(node, "region", region);
        node.put("role", "source");
        node.put("status", table.tableStatusAsString());
        if (entry != null) {
            progress(node, entry);
        }
        node.put("tableClass", TableStorageClass.of(table.tableClassSummary()).toString());
        BillingMode billing = TableDescriptions.billingMode(table);
        node.put("billing", billing.toString());
        if (billing == BillingMode.PROVISIONED) {
            ProvisionedThroughputDescription capacity = table.provisionedThroughput();
            putLong(node, "readCapacityUnits", capacity == null ? null : capacity.readCapacityUnits());
            putLong(node, "writeCapacityUnits", capacity == null ? null : capacity.writeCapacityUnits());
        } else {
            OnDemandThroughput maximums = table.onDemandThroughput();
            putMaximum(node, "maxReadRequestUnits", maximums == null ? null : maximums.maxReadRequestUnits());
            putMaximum(node, "maxWriteRequestUnits", maximums == null ? null : maximums.maxWriteRequestUnits());
        }
        if (table.sseDescription() != null) {
            putText(node, "kmsKey", table.sseDescription().kmsMasterKeyArn());
        }
        return node;
    }

    private static ObjectNode replica(TableDescription table, ReplicaDescription replica) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("region", replica.regionName());
        node.put("role", "replica");
        node.put("status", replica.replicaStatusAsString());
        progress(node, replica);
        node.put("tableClass", TableStorageClass.of(replica.replicaTableClassSummary()).toString());
        BillingMode billing = TableDescriptions.billingMode(table);
        node.put("billing", billing.toString());
        if (billing == BillingMode.PROVISIONED) {
            ProvisionedThroughputDescription capacity = table.provisionedThroughput();
            Long read = replica.provisionedThroughputOverride() == null ? null : replica.provisionedThroughputOverride().readCapacityUnits();
            putLong(node, "readCapacityUnits", read != null ? read : capacity == null ? null : capacity.readCapacityUnits());
            node.put("readOverride", read != null);
            putLong(node, "writeCapacityUnits", capacity == null ? null : capacity.writeCapacityUnits());
        } else {
            OnDemandThroughput maximums = table.onDemandThroughput();
            Long read = replica.onDemandThroughputOverride() == null ? null : replica.onDemandThroughputOverride().maxReadRequestUnits();
            putMaximum(node, "maxReadRequestUnits", read != null ? read : maximums == null ? null : maximums.maxReadRequestUnits());
            node.put("readOverride", read != null);
            putMaximum(node, "maxWriteRequestUnits", maximums == null ? null : maximums.maxWriteRequestUnits());
        }
        putText(node, "kmsKey", replica.kmsMasterKeyId());
        putInstant(node, "inaccessibleSince", replica.replicaInaccessibleDateTime());
        if (replica.hasGlobalSecondaryIndexes()) {
            ArrayNode indexes = node.putArray("indexOverrides");
            for (ReplicaGlobalSecondaryIndexDescription index : replica.globalSecondaryIndexes()) {
                ObjectNode entry = indexes.addObject().put("name", index.indexName());
                if (index.provisionedThroughputOverride() != null) {
                    putLong(entry, "readCapacityUnits", index.provisionedThroughputOverride().readCapacityUnits());
                }
                if (index.onDemandThroughputOverride() != null) {
                    putMaximum(entry, "maxReadRequestUnits", index.onDemandThroughputOverride().maxReadRequestUnits());
                }
            }
        }
        return node;
    }

    private static void progress(ObjectNode node, ReplicaDescription replica) {
        putText(node, "statusDescription", replica.replicaStatusDescription());
        if (replica.replicaStatus() != ReplicaStatus.ACTIVE) {
            putText(node, "progress", percent(replica));
        }
    }

    /** A replica's progress as "40%", or null when DynamoDB gives none. */
    static String percent(ReplicaDescription replica) {
        String progress = replica.replicaStatusPercentProgress();
        if (progress == null || progress.isBlank()) {
            return null;
        }
        return progress.strip().endsWith("%") ? progress.strip() : progress.strip() + "%";
    }

    /** A region as a row: read and write in words ("10", "10 (override)", "on-demand", "on-demand, max 500"). */
    private static ObjectNode row(ObjectNode region) {
        ObjectNode row = Json.MAPPER.createObjectNode();
        row.set("region", region.get("region"));
        row.set("role", region.get("role"));
        row.set("status", region.get("status"));
        if (region.has("progress")) {
            row.set("progress", region.get("progress"));
        }
        row.set("class", region.get("tableClass"));
        boolean override = region.path("readOverride").asBoolean(false);
        if (BillingMode.PROVISIONED.toString().equals(region.path("billing").asText())) {
            row.put("read", region.path("readCapacityUnits").asText("-") + (override ? " (override)" : ""));
            row.put("write", region.path("writeCapacityUnits").asText("-"));
        } else {
            row.put("read", onDemandWords(region.get("maxReadRequestUnits")) + (override ? " (override)" : ""));
            row.put("write", onDemandWords(region.get("maxWriteRequestUnits")));
        }
        if (region.has("kmsKey")) {
            row.set("kmsKey", region.get("kmsKey"));
        }
        if (region.has("statusDescription")) {
            row.set("note", region.get("statusDescription"));
        }
        return row;
    }

    private static String onDemandWords(JsonNode maximum) {
        return maximum == null ? "on-demand" : "on-demand, max " + maximum.asText();
    }

    /** An on-demand maximum; none (null or -1, as AWS says "no maximum") is left out. */
    private static void putMaximum(ObjectNode node, String field, Long units) {
        if (units != null && units != TableCostSettings.NO_MAXIMUM) {
            node.put(field, units);
        }
    }

    private static void putLong(ObjectNode node, String field, Long value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static void putText(ObjectNode node, String field, String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value);
        }
    }

    private static void putInstant(ObjectNode node, String field, Instant value) {
        if (value != null) {
            node.put(field, value.toString());
        }
    }
}
