package dev.dynctl.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.dynamo.TableBilling;
import dev.dynctl.dynamo.TableDefinition;
import dev.dynctl.dynamo.TableIndexSpec;
import dev.dynctl.dynamo.TableKeyAttribute;
import dev.dynctl.error.DynctlException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * A new table shaped like one `table describe` showed (the document an export's manifest holds,
 * or the source of a copy): keys, indexes with their projections, billing and throughput, stream
 * and TTL. Tags, deletion protection and point-in-time recovery are not carried over: they are
 * choices about where the copy lives, not about its data.
 */
public final class TableFromDescription {
    private TableFromDescription() {
    }

    /**
     * @param described the table as {@code TableDescriptions.document} shows it
     * @param name the new table's name
     * @param source where the description came from, for messages ("users.jsonl.manifest.json")
     */
    public static TableDefinition definition(JsonNode described, String name, String source) {
        try {
            TableBilling billing = billing(described.path("billing"));
            return new TableDefinition(name, key(described.get("partitionKey")), key(described.get("sortKey")),
                    indexes(described.path("globalIndexes"), true, billing), indexes(described.path("localIndexes"), false, billing),
                    billing, stream(described.path("stream")), Map.of(), false, ttl(described.path("ttl")), false);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw DynctlException.usage("The table definition in " + source + " cannot be read: "
                            + (e.getMessage() == null ? "a field is missing" : e.getMessage()) + ".",
                    "Create the table yourself (dynctl table create) and import without --create.");
        }
    }

    private static TableKeyAttribute key(JsonNode key) {
        if (key == null || key.isNull()) {
            return null;
        }
        return new TableKeyAttribute(text(key, "name"), ScalarAttributeType.fromValue(text(key, "type")));
    }

    private static TableBilling billing(JsonNode billing) {
        if (!"PROVISIONED".equals(billing.path("mode").asText())) {
            return TableBilling.ON_DEMAND;
        }
        return new TableBilling(BillingMode.PROVISIONED, billing.path("readCapacityUnits").asLong(1),
                billing.path("writeCapacityUnits").asLong(1));
    }

    private static List<TableIndexSpec> indexes(JsonNode indexes, boolean global, TableBilling billing) {
        List<TableIndexSpec> specs = new ArrayList<>();
        for (JsonNode index : indexes) {
            Long rcu = null;
            Long wcu = null;
            if (global && billing.provisioned() && index.has("readCapacityUnits")) {
                rcu = index.get("readCapacityUnits").asLong();
                wcu = index.path("writeCapacityUnits").asLong(rcu);
            }
            specs.add(new TableIndexSpec(text(index, "name"), global ? key(index.get("partitionKey")) : null,
                    key(index.get("sortKey")), projection(index.path("projection")), rcu, wcu));
        }
        return specs;
    }

    private static Projection projection(JsonNode projection) {
        Projection.Builder builder = Projection.builder().projectionType(projection.path("type").asText("ALL"));
        if (projection.has("attributes")) {
            List<String> attributes = new ArrayList<>();
            projection.get("attributes").forEach(a -> attributes.add(a.asText()));
            builder.nonKeyAttributes(attributes);
        }
        return builder.build();
    }

    private static StreamViewType stream(JsonNode stream) {
        return stream.path("enabled").asBoolean(false) ? StreamViewType.fromValue(text(stream, "viewType")) : null;
    }

    /** The TTL attribute when TTL is on (or being turned on) in the source, else null. */
    private static String ttl(JsonNode ttl) {
        String status = ttl.path("status").asText("");
        return status.equals("ENABLED") || status.equals("ENABLING") ? ttl.path("attribute").asText(null) : null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("'" + field + "' is missing");
        }
        return value.asText();
    }
}
