package dev.dynctl.item;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import dev.dynctl.codec.AttributeCodec;
import dev.dynctl.codec.Json;
import dev.dynctl.testing.Engine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Tables made with the raw SDK behind dynctl's back, and readers for what dynctl printed. */
final class ItemTables {
    private ItemTables() {
    }

    /** A table keyed on id (S). */
    static String hashTable(String prefix) {
        String name = Engine.uniqueName(prefix);
        Engine.dynamo().createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(definition("id", ScalarAttributeType.S))
                .keySchema(key("id", KeyType.HASH)));
        return name;
    }

    /** A table keyed on pk (S) and sk (the given type), with a global index on gpk (S) / gsk (N) when asked. */
    static String compositeTable(String prefix, ScalarAttributeType sortType, boolean withIndex) {
        String name = Engine.uniqueName(prefix);
        CreateTableRequest.Builder request = CreateTableRequest.builder().tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE));
        List<AttributeDefinition> definitions = new ArrayList<>(List.of(definition("pk", ScalarAttributeType.S), definition("sk", sortType)));
        if (withIndex) {
            definitions.add(definition("gpk", ScalarAttributeType.S));
            definitions.add(definition("gsk", ScalarAttributeType.N));
            request.globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("by-g")
                    .keySchema(key("gpk", KeyType.HASH), key("gsk", KeyType.RANGE))
                    .projection(p -> p.projectionType(ProjectionType.ALL)).build());
        }
        Engine.dynamo().createTable(request.attributeDefinitions(definitions).build());
        return name;
    }

    static Map<String, AttributeValue> item(String table, Map<String, AttributeValue> key) {
        var response = Engine.dynamo().getItem(b -> b.tableName(table).key(key).consistentRead(true));
        return response.hasItem() ? response.item() : null;
    }

    static List<Map<String, AttributeValue>> scanAll(String table) {
        return Engine.dynamo().scanPaginator(b -> b.tableName(table)).items().stream().toList();
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }

    /** The JSON values a command printed, whether as one array (json) or one per line (jsonl). */
    static List<JsonNode> printed(String out) {
        try (MappingIterator<JsonNode> values = Json.MAPPER.readerFor(JsonNode.class).readValues(out)) {
            return values.readAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Printed plain JSON items as AttributeValue maps. */
    static List<Map<String, AttributeValue>> printedItems(String out) {
        return printed(out).stream().map(AttributeCodec::fromJson).toList();
    }

    /** An item with its sets sorted, so that items compare equal whatever order a set comes back in. */
    static Map<String, AttributeValue> canonical(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> sorted = new TreeMap<>();
        item.forEach((name, value) -> sorted.put(name, canonical(value)));
        return sorted;
    }

    private static AttributeValue canonical(AttributeValue value) {
        return switch (value.type()) {
            case SS -> AttributeValue.fromSs(value.ss().stream().sorted().toList());
            case NS -> AttributeValue.fromNs(value.ns().stream().sorted().toList());
            case BS -> AttributeValue.fromBs(value.bs().stream().sorted(Comparator.comparing((SdkBytes b) -> Base64.getEncoder().encodeToString(b.asByteArray()))).toList());
            case L -> AttributeValue.fromL(value.l().stream().map(ItemTables::canonical).toList());
            case M -> AttributeValue.fromM(canonical(value.m()));
            default -> value;
        };
    }

    private static AttributeDefinition definition(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
