package dev.dynctl.dynamo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.codec.AttributeCodec;
import dev.dynctl.codec.Json;
import dev.dynctl.error.DynctlException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Reads {@code --key id=u1,created=5} into a typed key: each value takes the type the key schema
 * declares, so users never write {"N": "5"}. A comma that is not followed by another name= belongs
 * to the value ({@code --key id=a,b} is the string "a,b"). A JSON object ({@code --key
 * '{"id": "u1"}'}, plain or DynamoDB JSON) is accepted too, for values no name=value can spell.
 */
public final class KeyParser {
    private KeyParser() {
    }

    /** A whole key: every key attribute of the schema, and nothing else. */
    public static Map<String, AttributeValue> fullKey(KeySchema schema, String text) {
        Map<String, AttributeValue> key = parse(schema, text);
        for (KeyAttribute attribute : schema.attributes()) {
            if (!key.containsKey(attribute.name())) {
                throw DynctlException.usage("--key has no value for '" + attribute.name() + "': " + schema.describe() + ".",
                        "Pass " + example(schema) + ".");
            }
        }
        return ordered(schema, key);
    }

    /** A partition key, optionally with the sort key (as query takes it). */
    public static Map<String, AttributeValue> partitionKey(KeySchema schema, String text) {
        Map<String, AttributeValue> key = parse(schema, text);
        if (!key.containsKey(schema.partition().name())) {
            throw DynctlException.usage("--key has no value for the partition key '" + schema.partition().name() + "': "
                    + schema.describe() + ".", "Pass --key " + schema.partition().name() + "=….");
        }
        return ordered(schema, key);
    }

    /** One value typed as the key attribute declares: numbers must be numbers, binaries base64. */
    public static AttributeValue value(KeySchema schema, KeyAttribute attribute, String text, String option) {
        return switch (attribute.type()) {
            case S -> AttributeValue.fromS(text);
            case N -> AttributeValue.fromN(number(schema, text, option));
            case B -> AttributeValue.fromB(binary(schema, text, option));
            default -> throw new IllegalStateException("key type " + attribute.type());
        };
    }

    private static Map<String, AttributeValue> parse(KeySchema schema, String text) {
        if (text.trim().startsWith("{")) {
            return fromJson(schema, text);
        }
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (String pair : pairs(text)) {
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq).trim();
            KeyAttribute attribute = attributeNamed(schema, name);
            if (key.containsKey(name)) {
                throw DynctlException.usage("--key gives '" + name + "' twice.");
            }
            key.put(name, value(schema, attribute, pair.substring(eq + 1), "--key " + name));
        }
        return key;
    }

    /** Splits at commas that start a new name=; other commas are part of the value before. */
    private static List<String> pairs(String text) {
        List<String> pairs = new ArrayList<>();
        for (String piece : text.split(",", -1)) {
            if (piece.indexOf('=') > 0 || pairs.isEmpty()) {
                pairs.add(piece);
            } else {
                pairs.set(pairs.size() - 1, pairs.get(pairs.size() - 1) + "," + piece);
            }
        }
        for (String pair : pairs) {
            if (pair.indexOf('=') <= 0) {
                throw DynctlException.usage("--key '" + text + "' is not name=value[,name=value].",
                        "For example: --key id=u1,created=5");
            }
        }
        return pairs;
    }

    private static Map<String, AttributeValue> fromJson(KeySchema schema, String text) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw DynctlException.usage("--key is not valid JSON at column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        }
        Map<String, AttributeValue> key = AttributeCodec.fromAnyJson(node);
        key.forEach((name, value) -> {
            KeyAttribute attribute = attributeNamed(schema, name);
            if (!attribute.accepts(value)) {
                throw DynctlException.usage("--key gives '" + name + "' as " + value.type() + ", not " + attribute.type()
                        + ": " + schema.describe() + ".");
            }
        });
        return key;
    }

    private static KeyAttribute attributeNamed(KeySchema schema, String name) {
        return schema.attribute(name).orElseThrow(() -> DynctlException.usage(
                "--key names '" + name + "', which is not a key attribute: " + schema.describe() + ".",
                "Pass " + example(schema) + "."));
    }

    private static String number(KeySchema schema, String text, String option) {
        try {
            new BigDecimal(text.trim());
            return text.trim();
        } catch (NumberFormatException e) {
            throw DynctlException.usage(option + " must be a number, not '" + text + "': " + schema.describe() + ".");
        }
    }

    private static SdkBytes binary(KeySchema schema, String text, String option) {
        try {
            return SdkBytes.fromByteArray(Base64.getDecoder().decode(text.trim()));
        } catch (IllegalArgumentException e) {
            throw DynctlException.usage(option + " must be base64 (a binary key), not '" + text + "': " + schema.describe() + ".");
        }
    }

    private static Map<String, AttributeValue> ordered(KeySchema schema, Map<String, AttributeValue> key) {
        Map<String, AttributeValue> ordered = new LinkedHashMap<>();
        schema.names().stream().filter(key::containsKey).forEach(n -> ordered.put(n, key.get(n)));
        return ordered;
    }

    private static String example(KeySchema schema) {
        List<String> pairs = schema.attributes().stream()
                .map(a -> a.name() + "=" + (a.type() == ScalarAttributeType.N ? "1" : "…"))
                .toList();
        return "--key " + String.join(",", pairs);
    }
}
