package dev.dynctl.output;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.codec.AttributeCodec;
import dev.dynctl.codec.Json;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One value as the text of one cell.
 *
 * <p>{@link #display} is for a terminal: strings bare at the top of a cell and quoted inside lists
 * and maps (so that {@code ["a, b"]} stays readable), maps as {@code {name: "x", n: 1}}, lists as
 * {@code [1, 2]}, sets as {@code {red, green}}, binary as {@code <binary 12 bytes>}. Control
 * characters are escaped ({@code \n}, {@code \u001b}) so that data can neither break the layout nor
 * send escape sequences to the terminal.
 *
 * <p>{@link #data} is for csv and text: scalars as their text, anything else (including the
 * {@code $set} and {@code $binary} tags) as compact JSON, so that a script can parse it back.
 */
final class CellText {
    private static final Pattern BARE_KEY = Pattern.compile("[A-Za-z_$][A-Za-z0-9_.$-]*");

    private CellText() {
    }

    /** Terminal text of a value, built up to about {@code limit} characters (the rest becomes "…"). */
    static String display(JsonNode value, int limit) {
        if (value == null || value.isMissingNode()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        append(text, value, false, limit);
        if (text.length() <= limit) {
            return text.toString();
        }
        int end = Character.isHighSurrogate(text.charAt(limit - 1)) ? limit - 1 : limit;
        return text.substring(0, end) + DisplayWidth.ELLIPSIS;
    }

    /** An attribute name as a header or key: bare, with control characters escaped. */
    static String label(String name) {
        StringBuilder text = new StringBuilder();
        appendString(text, name, false, Integer.MAX_VALUE);
        return text.toString();
    }

    /** Text of a value for csv and text output; null for a JSON null or a missing value. */
    static String data(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isNumber()) {
            return number(value);
        }
        if (value.isBoolean()) {
            return value.asText();
        }
        return Json.write(Json.MAPPER.writer(), value);
    }

    static String number(JsonNode number) {
        // toString() of a BigDecimal may say 1E+3; DynamoDB numbers are shown as written
        return number.isBigDecimal() ? number.decimalValue().toPlainString() : number.asText();
    }

    private static void append(StringBuilder text, JsonNode value, boolean nested, int limit) {
        if (value.isTextual()) {
            appendString(text, value.textValue(), nested, limit);
        } else if (value.isNumber()) {
            text.append(number(value));
        } else if (value.isNull()) {
            text.append("null");
        } else if (isTag(value, AttributeCodec.SET_TAG) && value.get(AttributeCodec.SET_TAG).isArray()) {
            appendElements(text, value.get(AttributeCodec.SET_TAG).elements(), "{", "}", nested, limit);
        } else if (isTag(value, AttributeCodec.BINARY_TAG) && value.get(AttributeCodec.BINARY_TAG).isTextual()) {
            text.append("<binary ").append(base64Bytes(value.get(AttributeCodec.BINARY_TAG).textValue())).append(" bytes>");
        } else if (value.isArray()) {
            appendElements(text, value.elements(), "[", "]", true, limit);
        } else if (value.isObject()) {
            appendFields(text, value.fields(), limit);
        } else {
            text.append(value.asText());
        }
    }

    private static void appendElements(StringBuilder text, Iterator<JsonNode> elements, String open, String close,
                                       boolean nested, int limit) {
        text.append(open);
        while (elements.hasNext() && text.length() <= limit) {
            append(text, elements.next(), nested, limit);
            if (elements.hasNext()) {
                text.append(", ");
            }
        }
        text.append(close);
    }

    private static void appendFields(StringBuilder text, Iterator<Map.Entry<String, JsonNode>> fields, int limit) {
        text.append('{');
        while (fields.hasNext() && text.length() <= limit) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (BARE_KEY.matcher(field.getKey()).matches()) {
                text.append(field.getKey());
            } else {
                appendString(text, field.getKey(), true, limit);
            }
            text.append(": ");
            append(text, field.getValue(), true, limit);
            if (fields.hasNext()) {
                text.append(", ");
            }
        }
        text.append('}');
    }

    private static void appendString(StringBuilder text, String s, boolean quoted, int limit) {
        if (quoted) {
            text.append('"');
        }
        for (int i = 0; i < s.length() && text.length() <= limit; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                case '"', '\\' -> text.append(quoted ? "\\" + c : String.valueOf(c));
                default -> {
                    if (Character.isISOControl(c)) {
                        text.append(String.format("\\u%04x", (int) c));
                    } else {
                        text.append(c);
                    }
                }
            }
        }
        if (quoted) {
            text.append('"');
        }
    }

    private static boolean isTag(JsonNode value, String tag) {
        return value.isObject() && value.size() == 1 && value.has(tag);
    }

    private static int base64Bytes(String base64) {
        int digits = 0;
        for (int i = 0; i < base64.length(); i++) {
            if (base64.charAt(i) != '=') {
                digits++;
            }
        }
        return digits * 3 / 4;
    }
}
