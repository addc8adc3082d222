package dev.dynctl.deploy;

import dev.dynctl.dynamo.TableChanges;
import dev.dynctl.dynamo.TableDefinition;
import dev.dynctl.dynamo.TableIndexSpec;
import dev.dynctl.dynamo.TableKeyAttribute;
import dev.dynctl.error.DynctlException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * How a table the stage owns differs from the project: the global indexes to add or remove (one
 * that changed is removed and made again, as DynamoDB cannot change one in place), the stream, TTL
 * and billing. What cannot change on a table — its keys, its local indexes — is refused (exit 2):
 * that needs a new table, which a deploy never makes by deleting this one.
 */
final class TableDiff {
    private final List<FieldChange> fields = new ArrayList<>();
    private final List<TableIndexSpec> addIndexes = new ArrayList<>();
    private final List<String> removeIndexes = new ArrayList<>();
    private BillingMode billing;
    private String ttlAttribute;
    private boolean ttlOff;
    private StreamViewType stream;
    private boolean streamOff;

    private TableDiff() {
    }

    /** @param ttl the table's TTL as DescribeTimeToLive gives it */
    static TableDiff of(TableDefinition wanted, TableDescription table, TimeToLiveDescription ttl) {
        TableDiff diff = new TableDiff();
        diff.requireSameKeys(wanted, table);
        diff.requireSameLocalIndexes(wanted, table);
        diff.billing(wanted, table);
        diff.globalIndexes(wanted, table);
        diff.stream(wanted, table);
        diff.timeToLive(wanted, table, ttl);
        return diff;
    }

    /** What the plan shows, in the order the update makes it. */
    List<FieldChange> fields() {
        return List.copyOf(fields);
    }

    boolean isEmpty() {
        return fields.isEmpty();
    }

    /** The update that makes the table as wanted (only when not {@link #isEmpty}). */
    TableChanges changes() {
        return new TableChanges(billing, null, null, addIndexes, removeIndexes, ttlAttribute, ttlOff, stream, streamOff, null, null);
    }

    private void requireSameKeys(TableDefinition wanted, TableDescription table) {
        String has = keys(key(table.keySchema(), table, KeyType.HASH), key(table.keySchema(), table, KeyType.RANGE));
        String wants = keys(wanted.partitionKey(), wanted.sortKey());
        if (!has.equals(wants)) {
            throw DynctlException.usage("Table " + table.tableName() + " has the keys " + has + "; the project gives " + wants
                            + ". A table's keys cannot change: that needs a new table, and a deploy does not delete one to make another.",
                    "Keep the keys, or give the table a new entry (or name) in dynctl.yaml and copy the items over with "
                            + "'dynctl table copy " + table.tableName() + " NEW'.");
        }
    }

    /** Local indexes are made with their table and live as long as it does. */
    private void requireSameLocalIndexes(TableDefinition wanted, TableDescription table) {
        Map<String, String> has = new LinkedHashMap<>();
        for (LocalSecondaryIndexDescription index : table.localSecondaryIndexes()) {
            has.put(index.indexName(), indexWords(null, key(index.keySchema(), table, KeyType.RANGE), index.projection()));
        }
        Map<String, String> wants = new LinkedHashMap<>();
        for (TableIndexSpec index : wanted.localIndexes()) {
            wants.put(index.name(), indexWords(null, index.sortKey(), index.projection()));
        }
        if (!has.equals(wants)) {
            throw DynctlException.usage("Table " + table.tableName() + " has the local indexes " + words(has) + "; the project gives "
                            + words(wants) + ". Local indexes are made with their table and cannot be added, removed or changed: "
                            + "that needs a new table.",
                    "Keep the local indexes as they are, or use a global index (those can be added and removed).");
        }
    }

    private void billing(TableDefinition wanted, TableDescription table) {
        BillingMode has = table.billingModeSummary() == null || table.billingModeSummary().billingMode() == null
                ? BillingMode.PROVISIONED : table.billingModeSummary().billingMode();
        if (has != wanted.billing().mode()) {
            if (wanted.billing().provisioned()) {
                throw DynctlException.usage("Table " + table.tableName() + " is on-demand; the project wants provisioned capacity.",
                        "Switch it with 'dynctl table update " + table.tableName() + " --billing provisioned --rcu N --wcu N'.");
            }
            billing = wanted.billing().mode();
            fields.add(new FieldChange("billing", billingWords(has), billingWords(billing)));
        }
    }

    /** Removals first: a changed index is removed and made again, and DynamoDB takes one index change at a time. */
    private void globalIndexes(TableDefinition wanted, TableDescription table) {
        Map<String, String> has = new LinkedHashMap<>();
        for (GlobalSecondaryIndexDescription index : table.globalSecondaryIndexes()) {
            has.put(index.indexName(), indexWords(key(index.keySchema(), table, KeyType.HASH), key(index.keySchema(), table, KeyType.RANGE),
                    index.projection()));
        }
        Map<String, TableIndexSpec> wants = new LinkedHashMap<>();
        wanted.globalIndexes().forEach(index -> wants.put(index.name(), index));
        has.forEach((name, words) -> {
            TableIndexSpec spec = wants.get(name);
            if (spec == null || !words.equals(words(spec))) {
                removeIndexes.add(name);
                if (spec == null) {
                    fields.add(new FieldChange("index " + name, words, null));
                }
            }
        });
        wants.forEach((name, spec) -> {
            String words = has.get(name);
            if (words == null || removeIndexes.contains(name)) {
                addIndexes.add(spec);
                fields.add(new FieldChange("index " + name, words, words(spec)));
            }
        });
    }

    private void stream(TableDefinition wanted, TableDescription table) {
        StreamSpecification spec = table.streamSpecification();
        StreamViewType has = spec != null && Boolean.TRUE.equals(spec.streamEnabled()) ? spec.streamViewType() : null;
        if (has == wanted.stream()) {
            return;
        }
        if (wanted.stream() == null) {
            streamOff = true;
        } else {
            stream = wanted.stream();
        }
        fields.add(new FieldChange("stream", streamWords(has), streamWords(wanted.stream())));
    }

    /**
     * TTL goes on or off. Moving it to another attribute takes two changes, and AWS allows one TTL
     * change per table per hour: refused here, before any request, rather than failing half done.
     */
    private void timeToLive(TableDefinition wanted, TableDescription table, TimeToLiveDescription ttl) {
        boolean on = ttl != null && (ttl.timeToLiveStatus() == TimeToLiveStatus.ENABLED || ttl.timeToLiveStatus() == TimeToLiveStatus.ENABLING);
        String has = on ? ttl.attributeName() : null;
        String wants = wanted.ttlAttribute();
        if (Objects.equals(has, wants)) {
            return;
        }
        if (has != null && wants != null) {
            throw DynctlException.usage("Table " + table.tableName() + " has TTL on attribute '" + has + "'; the project gives '" + wants
                            + "'. Moving TTL takes two changes, and AWS allows one TTL change per table per hour.",
                    "Deploy once without ttl, then with ttl: " + wants + " an hour later.");
        }
        if (wants == null) {
            ttlOff = true;
        } else {
            ttlAttribute = wants;
        }
        fields.add(new FieldChange("ttl", has, wants));
    }

    /** A key attribute of a described key schema with its type, or null. */
    private static TableKeyAttribute key(List<KeySchemaElement> schema, TableDescription table, KeyType keyType) {
        return schema.stream()
                .filter(element -> element.keyType() == keyType)
                .map(element -> new TableKeyAttribute(element.attributeName(), type(table.attributeDefinitions(), element.attributeName())))
                .findFirst().orElse(null);
    }

    private static ScalarAttributeType type(List<AttributeDefinition> definitions, String attribute) {
        return definitions.stream().filter(d -> d.attributeName().equals(attribute)).map(AttributeDefinition::attributeType)
                .findFirst().orElse(ScalarAttributeType.UNKNOWN_TO_SDK_VERSION);
    }

    /** "id:S", "id:S, created:N". */
    private static String keys(TableKeyAttribute partition, TableKeyAttribute sort) {
        return sort == null ? String.valueOf(partition) : partition + ", " + sort;
    }

    private static String words(TableIndexSpec index) {
        return indexWords(index.partitionKey(), index.sortKey(), index.projection());
    }

    /** "owner:S, created:N, all", "created:N, include:title+owner" (a local index has no partition key of its own). */
    private static String indexWords(TableKeyAttribute partition, TableKeyAttribute sort, Projection projection) {
        List<String> words = new ArrayList<>();
        if (partition != null) {
            words.add(partition.toString());
        }
        if (sort != null) {
            words.add(sort.toString());
        }
        words.add(projectionWords(projection));
        return String.join(", ", words);
    }

    /** all, keys, include:a+b (attributes sorted: their order means nothing). */
    private static String projectionWords(Projection projection) {
        ProjectionType type = projection == null || projection.projectionType() == null ? ProjectionType.ALL : projection.projectionType();
        return switch (type) {
            case KEYS_ONLY -> "keys";
            case INCLUDE -> "include:" + String.join("+", new TreeSet<>(projection.nonKeyAttributes()));
            default -> "all";
        };
    }

    private static String words(Map<String, String> indexes) {
        return indexes.isEmpty() ? "(none)" : indexes.entrySet().stream()
                .map(index -> index.getKey() + " (" + index.getValue() + ")").collect(Collectors.joining(", "));
    }

    /** new-image, new-and-old-images, … as the project file says them. */
    private static String streamWords(StreamViewType type) {
        return type == null ? null : type.toString().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String billingWords(BillingMode mode) {
        return mode == BillingMode.PAY_PER_REQUEST ? "on-demand" : "provisioned";
    }
}
