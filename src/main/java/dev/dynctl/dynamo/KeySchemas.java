package dev.dynctl.dynamo;

import dev.dynctl.aws.Clients;
import dev.dynctl.aws.Target;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Key schemas from DescribeTable, asked once per table for the life of the process: the shell runs
 * many item commands on the same tables, and a key schema does not change while a table lives.
 */
public final class KeySchemas {
    private record Where(Target target, String region, String table) {
    }

    private static final Map<Where, KeySchema> CACHE = new ConcurrentHashMap<>();

    private KeySchemas() {
    }

    /** The table's key schema; a table that does not exist is the not-found error with near names. */
    public static KeySchema of(Clients clients, String table) {
        Where where = new Where(clients.target(), clients.region().id(), table);
        KeySchema cached = CACHE.get(where);
        if (cached != null) {
            return cached;
        }
        KeySchema schema = describe(clients, table);
        CACHE.put(where, schema);
        return schema;
    }

    private static KeySchema describe(Clients clients, String table) {
        TableDescription description;
        try {
            description = clients.dynamo().describeTable(b -> b.tableName(table)).table();
        } catch (ResourceNotFoundException e) {
            throw MissingTable.error(clients.dynamo(), table, clients.where());
        }
        Map<String, ScalarAttributeType> types = new LinkedHashMap<>();
        for (AttributeDefinition d : description.attributeDefinitions()) {
            types.put(d.attributeName(), d.attributeType());
        }
        Map<String, KeySchema> indexes = new LinkedHashMap<>();
        description.globalSecondaryIndexes().forEach(i ->
                indexes.put(i.indexName(), new KeySchema(table, i.indexName(), true, attributes(i.keySchema(), types), Map.of())));
        description.localSecondaryIndexes().forEach(i ->
                indexes.put(i.indexName(), new KeySchema(table, i.indexName(), false, attributes(i.keySchema(), types), Map.of())));
        return new KeySchema(table, null, false, attributes(description.keySchema(), types), Collections.unmodifiableMap(indexes));
    }

    /** Partition key first, then the sort key, whatever order the description lists them in. */
    private static List<KeyAttribute> attributes(List<KeySchemaElement> elements, Map<String, ScalarAttributeType> types) {
        return elements.stream()
                .sorted((a, b) -> Boolean.compare(a.keyType() != KeyType.HASH, b.keyType() != KeyType.HASH))
                .map(e -> new KeyAttribute(e.attributeName(), types.get(e.attributeName())))
                .toList();
    }
}
