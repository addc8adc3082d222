package dev.dynctl.tail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.codec.Json;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** JSON in log messages: recognised when a message is one object, and indented with colours for a person. */
final class LogJsonText {
    private static final String INDENT = "  ";
    /** Keys structured loggers put the level under; their value is coloured as a level. */
    private static final Set<String> LEVEL_KEYS = Set.of("level", "levelname", "severity", "loglevel", "log.level");

    private LogJsonText() {
    }

    /** The object {@code text} is, or null when it is anything else (text, an array, broken JSON). */
    static JsonNode object(String text) {
        String trimmed = text.strip();
        if (!trimmed.startsWith("{") || !trimmed.endsWith("}")) {
            return null;
        }
        try {
            JsonNode node = Json.MAPPER.readTree(trimmed);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }

    /**
     * {@code text} with the JSON object it is, or ends with, indented: Node.js writes an unhandled
     * error as {@code Invoke Error \t{"errorType": …}}, words then the object. Text without one is as it was.
     */
    static String prettyTail(String text, LogColors colors) {
        JsonNode whole = object(text);
        if (whole != null) {
            return pretty(whole, colors);
        }
        int brace = text.indexOf('{');
        JsonNode tail = brace > 0 ? object(text.substring(brace)) : null;
        return tail == null ? text : text.substring(0, brace).strip() + " " + pretty(tail, colors);
    }

    /** Two-space indents, one member a line, keys and values coloured by kind. */
    static String pretty(JsonNode node, LogColors colors) {
        StringBuilder text = new StringBuilder();
        write(node, 0, false, colors, text);
        return text.toString();
    }

    private static void write(JsonNode node, int depth, boolean levelValue, LogColors colors, StringBuilder text) {
        if (node.isObject() && !node.isEmpty()) {
            text.append('{');
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                text.append('\n').append(INDENT.repeat(depth + 1)).append(colors.key(scalar(Json.MAPPER.getNodeFactory().textNode(field.getKey()))))
                        .append(": ");
                write(field.getValue(), depth + 1, LEVEL_KEYS.contains(field.getKey().toLowerCase(Locale.ROOT)), colors, text);
                text.append(fields.hasNext() ? "," : "");
            }
            text.append('\n').append(INDENT.repeat(depth)).append('}');
        } else if (node.isArray() && !node.isEmpty()) {
            text.append('[');
            for (int i = 0; i < node.size(); i++) {
                text.append('\n').append(INDENT.repeat(depth + 1));
                write(node.get(i), depth + 1, false, colors, text);
                text.append(i + 1 < node.size() ? "," : "");
            }
            text.append('\n').append(INDENT.repeat(depth)).append(']');
        } else if (node.isContainerNode()) {
            text.append(node.isObject() ? "{}" : "[]");
        } else if (node.isTextual()) {
            String quoted = scalar(node);
            text.append(levelValue ? colors.level(node.asText(), quoted) : colors.string(quoted));
        } else if (node.isNumber()) {
            text.append(colors.number(scalar(node)));
        } else {
            text.append(colors.literal(scalar(node)));
        }
    }

    private static String scalar(JsonNode node) {
        return Json.write(Json.MAPPER.writer(), node);
    }
}
