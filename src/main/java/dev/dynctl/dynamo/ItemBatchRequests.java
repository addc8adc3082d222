package dev.dynctl.dynamo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.codec.AttributeCodec;
import dev.dynctl.error.DynctlException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The writes of {@code item batch-write}, one at a time as they are read: {@code {"put": ITEM}}
 * and {@code {"delete": KEY}} (plain JSON, DynamoDB JSON or YAML, a key also as {@code "id=u1"}
 * text), and the AWS CLI's request items, {@code {"TABLE": [{"PutRequest": {"Item": …}},
 * {"DeleteRequest": {"Key": …}}]}}, bare or inside {@code {"RequestItems": …}}, so that files
 * written for {@code aws dynamodb batch-write-item} work unchanged. The AWS CLI's form is read
 * whole, as that command reads it; lines of puts and deletes are read in constant memory.
 */
public final class ItemBatchRequests implements Iterator<ItemBatchRequests.Request>, AutoCloseable {
    public static final String FORMAT_HINT = "Each write is {\"put\": ITEM} or {\"delete\": KEY}, as JSON lines, a JSON array or YAML; "
            + "the AWS CLI's {\"TABLE\": [{\"PutRequest\": {\"Item\": …}}, {\"DeleteRequest\": {\"Key\": …}}]} works too.";

    /**
     * One write: a put's item (checked by whoever sends it), or a delete's key, checked against
     * the key schema.
     *
     * @param origin "write 3 (stdin line 3)", numbered among all the writes read, from 1
     */
    public record Request(boolean put, Map<String, AttributeValue> attributes, String origin) {
    }

    private final ValueReader values;
    private final KeySchema schema;
    private final Deque<Pending> wrapped = new ArrayDeque<>();
    private Request next;
    private long count;

    /** A write inside the AWS CLI's form, not yet checked. */
    private record Pending(JsonNode request, String at) {
    }

    /** @param schema the key schema of the table written to: its name is the one the AWS CLI's form must name */
    public ItemBatchRequests(ValueReader values, KeySchema schema) {
        this.values = values;
        this.schema = schema;
    }

    /** What is read, for "no writes in …". */
    public String description() {
        return values.description();
    }

    @Override
    public boolean hasNext() {
        while (next == null) {
            if (!wrapped.isEmpty()) {
                Pending pending = wrapped.poll();
                next = awsRequest(pending.request(), pending.at());
                break;
            }
            if (!values.hasNext()) {
                return false;
            }
            ValueReader.Value value = values.next();
            JsonNode node = value.node();
            if (node.isObject() && node.size() == 1 && (node.has("put") || node.has("delete"))) {
                next = request(node.has("put"), node.elements().next(), value.at());
            } else if (isRequestItems(node)) {
                unwrap(node.has("RequestItems") ? node.get("RequestItems") : node, value.at());
            } else {
                count++;
                throw DynctlException.usage(ItemKeys.capitalized(origin(value.at())) + " is " + JsonKinds.of(node) + " that is neither {\"put\": ITEM} nor "
                        + "{\"delete\": KEY}.", FORMAT_HINT + " To put plain items, use 'dynctl item put'.");
            }
        }
        return true;
    }

    @Override
    public Request next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Request request = next;
        next = null;
        return request;
    }

    @Override
    public void close() {
        values.close();
    }

    /** {"TABLE": [...]} or {"RequestItems": {"TABLE": [...]}}: each field's value an array. */
    private static boolean isRequestItems(JsonNode node) {
        JsonNode tables = node.size() == 1 && node.has("RequestItems") ? node.get("RequestItems") : node;
        if (!tables.isObject() || tables.isEmpty()) {
            return false;
        }
        for (JsonNode requests : tables) {
            if (!requests.isArray()) {
                return false;
            }
        }
        return true;
    }

    private void unwrap(JsonNode tables, String at) {
        tables.fieldNames().forEachRemaining(name -> {
            if (!name.equals(schema.table())) {
                throw DynctlException.usage("The request items at " + at + " write to table '" + name + "', but this batch-write "
                        + "writes to '" + schema.table() + "'.", "Run one batch-write per table, e.g. jq '{\"" + name + "\": ."
                        + name + "}' FILE | dynctl item batch-write " + name);
            }
        });
        JsonNode requests = tables.get(schema.table());
        for (int i = 0; i < requests.size(); i++) {
            wrapped.add(new Pending(requests.get(i), at + ", " + schema.table() + "[" + i + "]"));
        }
    }

    /** {"PutRequest": {"Item": {...}}} or {"DeleteRequest": {"Key": {...}}}, in DynamoDB JSON. */
    private Request awsRequest(JsonNode request, String at) {
        JsonNode put = request.path("PutRequest").path("Item");
        JsonNode delete = request.path("DeleteRequest").path("Key");
        if (request.size() != 1 || !(put.isObject() || delete.isObject())) {
            count++;
            throw DynctlException.usage(ItemKeys.capitalized(origin(at)) + " is neither {\"PutRequest\": {\"Item\": …}} nor {\"DeleteRequest\": {\"Key\": …}}.",
                    FORMAT_HINT);
        }
        return request(put.isObject(), put.isObject() ? put : delete, at);
    }

    private Request request(boolean put, JsonNode value, String at) {
        count++;
        String origin = origin(at);
        if (!put) {
            return new Request(false, ItemKeys.fromJson(schema, value, origin), origin);
        }
        if (!value.isObject()) {
            throw DynctlException.usage(ItemKeys.capitalized(origin) + ": the item to put is " + JsonKinds.of(value) + ", not an object.",
                    FORMAT_HINT);
        }
        Map<String, AttributeValue> item;
        try {
            item = AttributeCodec.fromAnyJson(value);
        } catch (DynctlException e) {
            throw new DynctlException(e.exitCode(), ItemKeys.capitalized(origin) + ": " + e.getMessage(), e.hint(), e);
        }
        return new Request(true, item, origin);
    }

    private String origin(String at) {
        return "write " + count + " (" + at + ")";
    }
}
