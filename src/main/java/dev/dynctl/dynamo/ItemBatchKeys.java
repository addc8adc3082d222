package dev.dynctl.dynamo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.error.DynctlException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The keys of {@code item batch-get}, one at a time as they are read: first each {@code --key}
 * text, then key objects (plain JSON, DynamoDB JSON or YAML, or {@code "id=u1"} text) from
 * arguments, {@code @file}s and stdin, and the AWS CLI's request items, {@code {"TABLE": {"Keys":
 * [...]}}}, bare or inside {@code {"RequestItems": …}}. Each key is checked against the key schema.
 */
public final class ItemBatchKeys implements Iterator<Map<String, AttributeValue>>, AutoCloseable {
    public static final String FORMAT_HINT = "Keys are objects such as {\"id\": \"u1\"} (JSON lines, a JSON array, YAML or "
            + "DynamoDB JSON), or the AWS CLI's {\"TABLE\": {\"Keys\": [...]}}.";

    private final KeySchema schema;
    private final Deque<String> texts;
    private final ValueReader values;
    private final Deque<JsonNode> wrapped = new ArrayDeque<>();
    private String wrapperAt;
    private int wrappedIndex;
    private Map<String, AttributeValue> next;
    private long count;

    /** @param values the key objects after the texts; null when there are none */
    public ItemBatchKeys(KeySchema schema, List<String> texts, ValueReader values) {
        this.schema = schema;
        this.texts = new ArrayDeque<>(texts);
        this.values = values;
    }

    @Override
    public boolean hasNext() {
        while (next == null) {
            if (!texts.isEmpty()) {
                count++;
                next = KeyParser.fullKey(schema, texts.poll());
            } else if (!wrapped.isEmpty()) {
                next = key(wrapped.poll(), wrapperAt + ", " + schema.table() + ".Keys[" + wrappedIndex++ + "]");
            } else if (values == null || !values.hasNext()) {
                return false;
            } else {
                ValueReader.Value value = values.next();
                if (isRequestItems(value.node())) {
                    unwrap(value.node().has("RequestItems") ? value.node().get("RequestItems") : value.node(), value.at());
                } else {
                    next = key(value.node(), value.at());
                }
            }
        }
        return true;
    }

    @Override
    public Map<String, AttributeValue> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Map<String, AttributeValue> key = next;
        next = null;
        return key;
    }

    @Override
    public void close() {
        if (values != null) {
            values.close();
        }
    }

    /** {"TABLE": {"Keys": [...]}} or {"RequestItems": {...}}; a key's values are never objects, so this is no key. */
    private static boolean isRequestItems(JsonNode node) {
        JsonNode tables = node.size() == 1 && node.has("RequestItems") ? node.get("RequestItems") : node;
        if (!tables.isObject() || tables.isEmpty()) {
            return false;
        }
        for (JsonNode request : tables) {
            if (!request.path("Keys").isArray()) {
                return false;
            }
        }
        return true;
    }

    private void unwrap(JsonNode tables, String at) {
        tables.fields().forEachRemaining(table -> {
            if (!table.getKey().equals(schema.table())) {
                throw DynctlException.usage("The request items at " + at + " read table '" + table.getKey() + "', but this batch-get "
                        + "reads '" + schema.table() + "'.", "Run one batch-get per table.");
            }
            table.getValue().fieldNames().forEachRemaining(field -> {
                if (!field.equals("Keys")) {
                    throw DynctlException.usage("The request items at " + at + " give " + field + "; only their Keys are read.",
                            "Choose attributes with --attrs and strong consistency with --consistent.");
                }
            });
        });
        tables.get(schema.table()).path("Keys").forEach(wrapped::add);
        wrapperAt = at;
        wrappedIndex = 0;
    }

    /** A key, checked; its errors name it "key 3 (stdin line 3)", counting the --key ones too. */
    private Map<String, AttributeValue> key(JsonNode node, String at) {
        count++;
        return ItemKeys.fromJson(schema, node, "key " + count + " (" + at + ")");
    }
}
