package dev.dynctl.dynamo;

import dev.dynctl.error.DynctlException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Everything `table create` asks for. Checked as a whole when built, so that a mistake is a usage
 * error that names the option before any request is sent. TTL and point-in-time recovery are not
 * part of CreateTable; they are applied once the table is ACTIVE.
 */
public record TableDefinition(String name, TableKeyAttribute partitionKey, TableKeyAttribute sortKey,
                              List<TableIndexSpec> globalIndexes, List<TableIndexSpec> localIndexes,
                              TableBilling billing, StreamViewType stream, Map<String, String> tags,
                              boolean deletionProtection, String ttlAttribute, boolean pointInTimeRecovery) {

    public TableDefinition {
        Objects.requireNonNull(partitionKey, "partitionKey");
        globalIndexes = List.copyOf(globalIndexes);
        localIndexes = List.copyOf(localIndexes);
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        try {
            TableIndexSpec.checkName("table name", name);
        } catch (IllegalArgumentException e) {
            throw DynctlException.usage("Bad table name: " + e.getMessage() + ".");
        }
        checkIndexes(sortKey, globalIndexes, localIndexes, billing);
        attributeDefinitions(partitionKey, sortKey, globalIndexes, localIndexes);
    }

    private static void checkIndexes(TableKeyAttribute sortKey, List<TableIndexSpec> globals, List<TableIndexSpec> locals,
                                     TableBilling billing) {
        if (!locals.isEmpty() && sortKey == null) {
            throw DynctlException.usage("--lsi needs a table with a sort key: add --sk ATTR:TYPE.",
                    "A local index sorts the items of one partition another way; without --sk use a --gsi.");
        }
        Set<String> names = new HashSet<>();
        for (TableIndexSpec index : concat(globals, locals)) {
            if (!names.add(index.name())) {
                throw DynctlException.usage("Two indexes are named '" + index.name() + "'; index names must differ.");
            }
        }
        for (TableIndexSpec index : globals) {
            if (index.hasCapacity() && !billing.provisioned()) {
                throw DynctlException.usage("--gsi " + index.name() + " gives rcu/wcu, but the table is on-demand.",
                        "Drop rcu/wcu from the index, or pass --billing provisioned --rcu N --wcu N.");
            }
        }
    }

    /** One definition per key attribute of the table and its indexes; the same name must have one type. */
    private static List<AttributeDefinition> attributeDefinitions(TableKeyAttribute pk, TableKeyAttribute sk,
                                                                  List<TableIndexSpec> globals, List<TableIndexSpec> locals) {
        Map<String, TableKeyAttribute> attributes = new LinkedHashMap<>();
        Map<String, String> declaredBy = new LinkedHashMap<>();
        declare(attributes, declaredBy, pk, "--pk");
        declare(attributes, declaredBy, sk, "--sk");
        for (TableIndexSpec index : globals) {
            index.keyAttributes().forEach(key -> declare(attributes, declaredBy, key, "--gsi " + index.name()));
        }
        for (TableIndexSpec index : locals) {
            index.keyAttributes().forEach(key -> declare(attributes, declaredBy, key, "--lsi " + index.name()));
        }
        return attributes.values().stream().map(TableKeyAttribute::definition).toList();
    }

    private static void declare(Map<String, TableKeyAttribute> attributes, Map<String, String> declaredBy,
                                TableKeyAttribute key, String source) {
        if (key == null) {
            return;
        }
        TableKeyAttribute earlier = attributes.putIfAbsent(key.name(), key);
        if (earlier == null) {
            declaredBy.put(key.name(), source);
        } else if (earlier.type() != key.type()) {
            throw DynctlException.usage("Attribute '" + key.name() + "' is " + earlier.type() + " in " + declaredBy.get(key.name())
                    + " but " + key.type() + " in " + source + "; an attribute has one type.");
        }
    }

    private static List<TableIndexSpec> concat(List<TableIndexSpec> a, List<TableIndexSpec> b) {
        List<TableIndexSpec> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    CreateTableRequest toRequest() {
        var request = CreateTableRequest.builder()
                .tableName(name)
                .keySchema(keySchema())
                .attributeDefinitions(attributeDefinitions(partitionKey, sortKey, globalIndexes, localIndexes))
                .billingMode(billing.mode());
        if (billing.provisioned()) {
            request.provisionedThroughput(billing.throughput());
        }
        if (!globalIndexes.isEmpty()) {
            request.globalSecondaryIndexes(globalIndexes.stream().map(i -> i.toGlobal(billing.throughput())).toList());
        }
        if (!localIndexes.isEmpty()) {
            request.localSecondaryIndexes(localIndexes.stream().map(i -> i.toLocal(partitionKey)).toList());
        }
        if (stream != null) {
            request.streamSpecification(StreamSpecification.builder().streamEnabled(true).streamViewType(stream).build());
        }
        if (!tags.isEmpty()) {
            request.tags(tags.entrySet().stream().map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build()).toList());
        }
        if (deletionProtection) {
            request.deletionProtectionEnabled(true);
        }
        return request.build();
    }

    private List<KeySchemaElement> keySchema() {
        return sortKey == null
                ? List.of(partitionKey.element(KeyType.HASH))
                : List.of(partitionKey.element(KeyType.HASH), sortKey.element(KeyType.RANGE));
    }

    /** The key schema in words, e.g. "id (S), created (N)". */
    String keys() {
        return TableDescriptions.keys(partitionKey, sortKey);
    }

    /** True when an existing table has this definition's partition and sort key, with the same types. */
    boolean sameKeys(TableDescription table) {
        return partitionKey.equals(TableKeyAttribute.of(table.keySchema(), table.attributeDefinitions(), KeyType.HASH))
                && Objects.equals(sortKey, TableKeyAttribute.of(table.keySchema(), table.attributeDefinitions(), KeyType.RANGE));
    }
}
