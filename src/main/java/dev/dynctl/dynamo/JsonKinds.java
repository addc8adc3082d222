package dev.dynctl.dynamo;

import com.fasterxml.jackson.databind.JsonNode;

/** What a JSON value is, in words, for "… is not an object but a string ('x')". */
final class JsonKinds {
    private JsonKinds() {
    }

    static String of(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string ('" + node.textValue() + "')";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            default -> "null";
        };
    }
}
