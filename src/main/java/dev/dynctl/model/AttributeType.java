package dev.dynctl.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The types a schema attribute can have: DynamoDB's own, plus {@code date} (an ISO-8601 string or an
 * epoch number, see {@link DateFormat}). Names are matched ignoring case, '_' and '-', so Dynamoose's
 * {@code String}, {@code stringSet} and {@code string_set} all work, as do DynamoDB's letters (S, N,
 * SS, ...).
 */
public enum AttributeType {
    STRING("string", "a string", "s"),
    NUMBER("number", "a number", "n"),
    BOOLEAN("boolean", "a boolean", "bool"),
    BINARY("binary", "a binary value", "b"),
    LIST("list", "a list", "l", "array"),
    MAP("map", "a map", "m", "object"),
    STRING_SET("stringSet", "a string set", "ss"),
    NUMBER_SET("numberSet", "a number set", "ns"),
    BINARY_SET("binarySet", "a binary set", "bs"),
    DATE("date", "a date");

    private final String label;
    private final String described;
    private final List<String> aliases;

    AttributeType(String label, String described, String... aliases) {
        this.label = label;
        this.described = described;
        this.aliases = List.of(aliases);
    }

    /** The name dynctl writes: {@code stringSet}. */
    public String label() {
        return label;
    }

    /** With its article, for messages: "a string set". */
    public String described() {
        return described;
    }

    public boolean isSet() {
        return this == STRING_SET || this == NUMBER_SET || this == BINARY_SET;
    }

    /** The type of a set's elements; the type itself for anything else. */
    public AttributeType elementType() {
        return switch (this) {
            case STRING_SET -> STRING;
            case NUMBER_SET -> NUMBER;
            case BINARY_SET -> BINARY;
            default -> this;
        };
    }

    public static Optional<AttributeType> parse(String text) {
        String wanted = normalized(text);
        return Arrays.stream(values())
                .filter(t -> normalized(t.label).equals(wanted) || t.aliases.contains(wanted))
                .findFirst();
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(AttributeType::label).toList();
    }

    private static String normalized(String text) {
        return text.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
    }
}
