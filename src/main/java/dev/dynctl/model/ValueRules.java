package dev.dynctl.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.codec.Json;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A schema's {@code validate} rules; null when not given. {@code regex} (found anywhere in the
 * text, as JavaScript's test() does: anchor it with ^…$ for the whole) applies to strings, {@code
 * min}/{@code max} to numbers, and to each element of a set of those. {@code minLength}/{@code
 * maxLength} count characters of a string, bytes of a binary value, and elements of a list, map or set.
 */
public record ValueRules(Pattern regex, BigDecimal min, BigDecimal max, Integer minLength, Integer maxLength) {
    public static final ValueRules NONE = new ValueRules(null, null, null, null, null);

    public boolean isEmpty() {
        return regex == null && min == null && max == null && minLength == null && maxLength == null;
    }

    /** Checks a value already known to be of its attribute's type. */
    void check(AttributeValue value, AttributePath path, List<Violation> out) {
        switch (value.type()) {
            case S -> checkText(value.s(), path, out);
            case N -> checkNumber(value.n(), path, out);
            case SS -> value.ss().forEach(s -> checkText(s, path, out));
            case NS -> value.ns().forEach(n -> checkNumber(n, path, out));
            default -> {
                // binary, boolean, list and map have only lengths
            }
        }
        Integer length = length(value);
        if (length != null) {
            if (minLength != null && length < minLength) {
                out.add(new Violation(path.toString(), "minLength", "has " + lengthText(value, length)
                        + ", fewer than minLength " + minLength));
            }
            if (maxLength != null && length > maxLength) {
                out.add(new Violation(path.toString(), "maxLength", "has " + lengthText(value, length)
                        + ", more than maxLength " + maxLength));
            }
        }
    }

    private void checkText(String text, AttributePath path, List<Violation> out) {
        if (regex != null && !regex.matcher(text).find()) {
            out.add(new Violation(path.toString(), "regex", "is " + ValueText.of(AttributeValue.fromS(text))
                    + ", which does not match /" + regex.pattern() + "/"));
        }
    }

    private void checkNumber(String text, AttributePath path, List<Violation> out) {
        BigDecimal number = new BigDecimal(text);
        if (min != null && number.compareTo(min) < 0) {
            out.add(new Violation(path.toString(), "min", "is " + text + ", below the minimum " + min.toPlainString()));
        }
        if (max != null && number.compareTo(max) > 0) {
            out.add(new Violation(path.toString(), "max", "is " + text + ", above the maximum " + max.toPlainString()));
        }
    }

    private static Integer length(AttributeValue value) {
        return switch (value.type()) {
            case S -> value.s().codePointCount(0, value.s().length());
            case B -> value.b().asByteArrayUnsafe().length;
            case L -> value.l().size();
            case M -> value.m().size();
            case SS -> value.ss().size();
            case NS -> value.ns().size();
            case BS -> value.bs().size();
            default -> null;
        };
    }

    private static String lengthText(AttributeValue value, int length) {
        String unit = switch (value.type()) {
            case S -> length == 1 ? "character" : "characters";
            case B -> length == 1 ? "byte" : "bytes";
            case M -> length == 1 ? "attribute" : "attributes";
            default -> length == 1 ? "element" : "elements";
        };
        return length + " " + unit;
    }

    ObjectNode toJson() {
        ObjectNode node = Json.MAPPER.createObjectNode();
        if (regex != null) {
            node.put("regex", regex.pattern());
        }
        if (min != null) {
            node.put("min", min);
        }
        if (max != null) {
            node.put("max", max);
        }
        if (minLength != null) {
            node.put("minLength", minLength);
        }
        if (maxLength != null) {
            node.put("maxLength", maxLength);
        }
        return node;
    }
}
