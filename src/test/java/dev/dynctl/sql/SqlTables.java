package dev.dynctl.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import dev.dynctl.codec.Json;
import dev.dynctl.testing.Engine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Tables made with the raw SDK for the sql tests, and readers for what dynctl printed. */
final class SqlTables {
    private SqlTables() {
    }

    /**
     * A name no other test uses that PartiQL takes without quotes (letters, digits and _): moto's
     * BatchExecuteStatement does not find a SELECT's table written in double quotes.
     */
    static String uniqueName(String prefix) {
        return Engine.uniqueName(prefix).replace('-', '_');
    }

    /** A table keyed on id (S). */
    static String hashTable(String prefix) {
        String name = uniqueName(prefix);
        Engine.dynamo().createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(d -> d.attributeName("id").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));
        return name;
    }

    /** A table keyed on pk (S) and sk (N). */
    static String compositeTable(String prefix) {
        String name = uniqueName(prefix);
        Engine.dynamo().createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(d -> d.attributeName("pk").attributeType(ScalarAttributeType.S),
                        d -> d.attributeName("sk").attributeType(ScalarAttributeType.N))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("sk").keyType(KeyType.RANGE)));
        return name;
    }

    static void putAll(String table, List<Map<String, AttributeValue>> items) {
        List<WriteRequest> writes = new ArrayList<>();
        items.forEach(item -> writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build()));
        for (int from = 0; from < writes.size(); from += 25) {
            List<WriteRequest> batch = writes.subList(from, Math.min(writes.size(), from + 25));
            Engine.dynamo().batchWriteItem(b -> b.requestItems(Map.of(table, batch)));
        }
    }

    static Map<String, AttributeValue> item(String table, Map<String, AttributeValue> key) {
        var response = Engine.dynamo().getItem(b -> b.tableName(table).key(key).consistentRead(true));
        return response.hasItem() ? response.item() : null;
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }

    /** The table name in double quotes, as PartiQL needs a name with '-' or '.'. */
    static String quoted(String table) {
        return "\"" + table + "\"";
    }

    /** The JSON values a command printed, whether as one array (json) or one per line (jsonl). */
    static List<JsonNode> printed(String out) {
        try (MappingIterator<JsonNode> values = Json.MAPPER.readerFor(JsonNode.class).readValues(out)) {
            List<JsonNode> all = new ArrayList<>();
            for (JsonNode value : values.readAll()) {
                if (value.isArray()) {
                    value.forEach(all::add);
                } else {
                    all.add(value);
                }
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
