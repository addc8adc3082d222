package dev.dynctl.dynamo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.codec.AttributeCodec;
import dev.dynctl.error.DynctlException;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Keys read from files (batch-get, batch-write's deletes, transactions): a map of the key
 * attributes, plain or DynamoDB JSON, or {@code name=value} text typed from the key schema as
 * {@code --key} takes it. A key holds every key attribute, with its declared type, and nothing else.
 */
final class ItemKeys {
    private ItemKeys() {
    }

    /**
     * A key given as a JSON or YAML value: an object, or a string in {@code --key}'s syntax.
     *
     * @param origin what the key belongs to in messages, such as "operation 3 (ops.yaml line 7)"
     */
    static Map<String, AttributeValue> fromJson(KeySchema schema, JsonNode node, String origin) {
        if (node.isTextual()) {
            return fromText(schema, node.textValue(), origin);
        }
        if (!node.isObject()) {
            throw DynctlException.usage(capitalized(origin) + ": the key is " + JsonKinds.of(node) + ", not an object or name=value text.",
                    "For example {id: u1} or \"id=u1\".");
        }
        Map<String, AttributeValue> attributes;
        try {
            attributes = AttributeCodec.fromAnyJson(node);
        } catch (DynctlException e) {
            throw new DynctlException(e.exitCode(), capitalized(origin) + ": " + e.getMessage(), e.hint(), e);
        }
        return fromAttributes(schema, attributes, origin);
    }

    /** A key as {@code name=value[,name=value]} (or a JSON object), typed from the schema. */
    static Map<String, AttributeValue> fromText(KeySchema schema, String text, String origin) {
        try {
            return KeyParser.fullKey(schema, text);
        } catch (DynctlException e) {
            // KeyParser speaks of the --key option; here the key comes from a file
            String message = e.getMessage().replace("--key", "the key");
            throw DynctlException.usage(capitalized(origin) + ": " + message,
                    "Give the key as name=value[,name=value] or as a map such as {id: u1}.");
        }
    }

    /** Checks that the attributes are exactly the key: every key attribute with its type, no others. */
    static Map<String, AttributeValue> fromAttributes(KeySchema schema, Map<String, AttributeValue> attributes, String origin) {
        for (String name : attributes.keySet()) {
            if (schema.attribute(name).isEmpty()) {
                throw DynctlException.usage(capitalized(origin) + ": the key has '" + name + "', which is not a key attribute: "
                        + schema.describe() + ".");
            }
        }
        schema.requireKeyIn(attributes, origin);
        return of(schema, attributes);
    }

    /** The key attributes of an item, in the schema's order (partition key first). */
    static Map<String, AttributeValue> of(KeySchema schema, Map<String, AttributeValue> item) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        schema.names().forEach(name -> key.put(name, item.get(name)));
        return key;
    }

    static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
