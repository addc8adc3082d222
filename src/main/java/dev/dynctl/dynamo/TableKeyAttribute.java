package dev.dynctl.dynamo;

import dev.dynctl.error.DynctlException;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** A key attribute as users type it: {@code id:S}, {@code created:N}, {@code blob:B}. */
public record TableKeyAttribute(String name, ScalarAttributeType type) {
    public static final String SYNTAX = "ATTR:TYPE, TYPE one of S (string), N (number), B (binary)";

    /** Reads {@code text} given to {@code option}; a malformed value is a usage error that names both. */
    public static TableKeyAttribute parse(String option, String text) {
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw DynctlException.usage("Bad " + option + " '" + text + "': " + e.getMessage(),
                    "Keys are " + SYNTAX + ", e.g. " + option + " id:S");
        }
    }

    /** Reads {@code ATTR:TYPE}; the problem, if any, is the exception's message. */
    static TableKeyAttribute parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        // the last colon splits, so attribute names that contain colons still work
        int colon = trimmed.lastIndexOf(':');
        if (colon < 0) {
            String name = trimmed.isEmpty() ? "ATTR" : trimmed;
            throw new IllegalArgumentException("a key needs its type, e.g. " + name + ":S (string), "
                    + name + ":N (number) or " + name + ":B (binary)");
        }
        String name = trimmed.substring(0, colon);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("the attribute name before ':' is missing");
        }
        return new TableKeyAttribute(name, type(trimmed.substring(colon + 1)));
    }

    private static ScalarAttributeType type(String text) {
        return switch (text.toUpperCase(Locale.ROOT)) {
            case "S", "STRING" -> ScalarAttributeType.S;
            case "N", "NUMBER" -> ScalarAttributeType.N;
            case "B", "BINARY" -> ScalarAttributeType.B;
            default -> throw new IllegalArgumentException("'" + text + "' is not a key type; use S (string), N (number) or B (binary)");
        };
    }

    /** The key of {@code keyType} in a described key schema, or null when there is none. */
    static TableKeyAttribute of(List<KeySchemaElement> schema, List<AttributeDefinition> definitions, KeyType keyType) {
        return schema.stream()
                .filter(element -> element.keyType() == keyType)
                .map(element -> defined(element.attributeName(), definitions))
                .findFirst().orElse(null);
    }

    /** The attribute {@code name} with the type its table defines for it. */
    static TableKeyAttribute defined(String name, List<AttributeDefinition> definitions) {
        ScalarAttributeType type = definitions.stream()
                .filter(d -> d.attributeName().equals(name))
                .map(AttributeDefinition::attributeType)
                .findFirst().orElse(ScalarAttributeType.UNKNOWN_TO_SDK_VERSION);
        return new TableKeyAttribute(name, type);
    }

    KeySchemaElement element(KeyType keyType) {
        return KeySchemaElement.builder().attributeName(name).keyType(keyType).build();
    }

    AttributeDefinition definition() {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    @Override
    public String toString() {
        return name + ":" + type;
    }
}
