package dev.dynctl.model;

import dev.dynctl.codec.AttributeCodec;
import dev.dynctl.codec.Json;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A value as messages show it: compact JSON, cut short, so a message never repeats a whole item. */
final class ValueText {
    private static final int MAX = 60;

    private ValueText() {
    }

    static String of(AttributeValue value) {
        String json = Json.write(Json.MAPPER.writer(), AttributeCodec.toJson(value));
        if (json.length() <= MAX) {
            return json;
        }
        int end = Character.isHighSurrogate(json.charAt(MAX - 1)) ? MAX - 1 : MAX;
        return json.substring(0, end) + "…";
    }

    /** What kind of value it is, with the value when that is short: "a string (\"12\")", "a list". */
    static String kindOf(AttributeValue value) {
        return switch (value.type()) {
            case S -> "a string (" + of(value) + ")";
            case N -> "a number (" + of(value) + ")";
            case BOOL -> "a boolean (" + value.bool() + ")";
            case NUL -> "null";
            case B -> "a binary value";
            case L -> "a list";
            case M -> "a map";
            case SS -> "a string set";
            case NS -> "a number set";
            case BS -> "a binary set";
            default -> "a value of an unknown type";
        };
    }
}
