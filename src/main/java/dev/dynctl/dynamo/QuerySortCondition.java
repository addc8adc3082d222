package dev.dynctl.dynamo;

import dev.dynctl.error.DynctlException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * A query's condition on the sort key, as typed after {@code --sk}: {@code '= v'}, {@code '< v'},
 * {@code '<= v'}, {@code '> v'}, {@code '>= v'}, {@code 'between a and b'}, {@code 'begins_with
 * x'}. A value may be quoted ('a b' or "a b") to keep its spaces or an " and ".
 */
public record QuerySortCondition(String operator, List<String> operands) {
    public static final String SYNTAX = "'= v', '< v', '<= v', '> v', '>= v', 'between a and b' or 'begins_with x'";

    private static final Pattern COMPARISON = Pattern.compile("\\s*(<=|>=|=|<|>)\\s*(.*)", Pattern.DOTALL);
    private static final Pattern BETWEEN = Pattern.compile("\\s*between\\s+(.*)", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern BEGINS_WITH = Pattern.compile("\\s*begins_with\\s+(.*)", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern QUOTED_THEN_AND = Pattern.compile("(['\"])(.*?)\\1\\s+and\\s+(.*)", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern PLAIN_THEN_AND = Pattern.compile("(.*?)\\s+and\\s+(.*)", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    public static QuerySortCondition parse(String text) {
        Matcher m = COMPARISON.matcher(text);
        if (m.matches()) {
            return new QuerySortCondition(m.group(1), List.of(operand(text, m.group(2))));
        }
        m = BEGINS_WITH.matcher(text);
        if (m.matches()) {
            return new QuerySortCondition("begins_with", List.of(operand(text, m.group(1))));
        }
        m = BETWEEN.matcher(text);
        if (m.matches()) {
            return between(text, m.group(1).trim());
        }
        throw DynctlException.usage("--sk '" + text + "' is not a sort key condition.", "Use " + SYNTAX + ".");
    }

    private static QuerySortCondition between(String text, String operands) {
        Matcher m = QUOTED_THEN_AND.matcher(operands);
        if (m.matches()) {
            return new QuerySortCondition("between", List.of(m.group(2), operand(text, m.group(3))));
        }
        m = PLAIN_THEN_AND.matcher(operands);
        if (m.matches()) {
            return new QuerySortCondition("between", List.of(operand(text, m.group(1)), operand(text, m.group(2))));
        }
        throw DynctlException.usage("--sk '" + text + "' needs two values: 'between a and b'.");
    }

    /** The KeyConditionExpression part for this sort key, its values typed from the schema. */
    public String expression(KeySchema schema, KeyAttribute sortKey, ItemPlaceholders placeholders) {
        if ("begins_with".equals(operator) && sortKey.type() == ScalarAttributeType.N) {
            throw DynctlException.usage("--sk begins_with needs a string or binary sort key; " + schema.describe() + ".",
                    "Use '>=' and '<', or 'between a and b', on numbers.");
        }
        List<AttributeValue> typed = operands.stream().map(v -> typed(schema, sortKey, v)).toList();
        if ("between".equals(operator) && compare(sortKey.type(), typed.get(0), typed.get(1)) > 0) {
            throw DynctlException.usage("between needs the lower bound first: " + operands.get(0) + " > " + operands.get(1) + ".",
                    "Write --sk 'between " + operands.get(1) + " and " + operands.get(0) + "'.");
        }
        String name = placeholders.name(sortKey.name());
        List<String> values = typed.stream().map(placeholders::value).toList();
        return switch (operator) {
            case "between" -> name + " BETWEEN " + values.get(0) + " AND " + values.get(1);
            case "begins_with" -> "begins_with(" + name + ", " + values.get(0) + ")";
            default -> name + " " + operator + " " + values.get(0);
        };
    }

    /** Orders two key values as DynamoDB does: numbers by value, strings and binaries by their bytes (UTF-8 for strings). */
    static int compare(ScalarAttributeType type, AttributeValue a, AttributeValue b) {
        return switch (type) {
            case N -> new BigDecimal(a.n().trim()).compareTo(new BigDecimal(b.n().trim()));
            case S -> Arrays.compareUnsigned(a.s().getBytes(StandardCharsets.UTF_8), b.s().getBytes(StandardCharsets.UTF_8));
            case B -> Arrays.compareUnsigned(a.b().asByteArrayUnsafe(), b.b().asByteArrayUnsafe());
            default -> throw new IllegalStateException("key type " + type);
        };
    }

    private static AttributeValue typed(KeySchema schema, KeyAttribute sortKey, String operand) {
        return KeyParser.value(schema, sortKey, operand, "--sk value for " + sortKey.name());
    }

    private static String operand(String text, String raw) {
        String value = raw.trim();
        if (value.length() >= 2 && (value.charAt(0) == '\'' || value.charAt(0) == '"') && value.charAt(value.length() - 1) == value.charAt(0)) {
            value = value.substring(1, value.length() - 1);
        }
        if (value.isEmpty()) {
            throw DynctlException.usage("--sk '" + text + "' has no value.", "Use " + SYNTAX + ".");
        }
        return value;
    }
}
