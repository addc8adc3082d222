package dev.dynctl.model.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * A single YAML value with its text exactly as written. YAML 1.1 would read {@code no} as false,
 * {@code 0123} as 83 and {@code ~} as null; here the reader decides from the text what it expects
 * (a type name, true/false, a number), and {@link #toJson} follows JSON's rules, as item input does.
 *
 * @param string true when the parser saw a string: quoted, or plain text that looks like nothing else
 * @param empty true for a null value ({@code key:} with nothing after it, {@code null}, {@code ~})
 */
public record YamlScalar(String text, boolean string, boolean empty, Location location) implements YamlNode {
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    @Override
    public String kind() {
        return empty ? "an empty value" : "'" + text + "'";
    }

    /** The text; an empty value is an error, since every setting that takes text needs some. */
    public String asText(String what) {
        if (empty) {
            throw error(what + " needs a value.");
        }
        return text;
    }

    /** Only {@code true} and {@code false}: YAML 1.1's yes/no/on/off are refused rather than guessed. */
    public boolean asBoolean(String what) {
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw error(what + " must be true or false, not " + kind() + ".");
        };
    }

    public BigDecimal asNumber(String what) {
        if (!empty && JSON_NUMBER.matcher(text).matches()) {
            return new BigDecimal(text);
        }
        throw error(what + " must be a number, not " + kind() + ".");
    }

    /** A count such as a length: a whole number, 0 or more. */
    public int asCount(String what) {
        if (!empty && text.matches("0|[1-9][0-9]{0,8}")) {
            return Integer.parseInt(text);
        }
        throw error(what + " must be a whole number, 0 or more, not " + kind() + ".");
    }

    /** Quoted text is a string; plain text is a number, true, false or null when JSON would say so. */
    @Override
    public JsonNode toJson() {
        if (empty) {
            return NODES.nullNode();
        }
        if (string) {
            return NODES.textNode(text);
        }
        if (JSON_NUMBER.matcher(text).matches()) {
            boolean integer = text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0;
            return integer ? NODES.numberNode(new BigInteger(text)) : NODES.numberNode(new BigDecimal(text));
        }
        return switch (text) {
            case "true" -> NODES.booleanNode(true);
            case "false" -> NODES.booleanNode(false);
            default -> NODES.textNode(text);
        };
    }
}
