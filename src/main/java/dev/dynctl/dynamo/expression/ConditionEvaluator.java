package dev.dynctl.dynamo.expression;

import dev.dynctl.codec.AttributeEquality;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Decides a condition against an item in memory, as DynamoDB decides a filter or condition
 * expression: a value of another type never compares (so {@code n = '5'} is false for the number
 * 5, and so is {@code n < '9'}), a path that reaches nothing has no value (every comparison with it
 * is false, except {@code <>}, which is the negation of {@code =}), strings order by their UTF-8
 * bytes and numbers by value. Used where the items never pass through DynamoDB's own evaluation:
 * the records of a table's stream.
 */
public final class ConditionEvaluator {
    /** What {@link #ordered} answers for values that do not order: absent, of two types, or not a number, string or binary. */
    private static final int UNORDERED = Integer.MIN_VALUE;

    private ConditionEvaluator() {
    }

    static boolean matches(ConditionNode node, Map<String, AttributeValue> item) {
        if (node instanceof ConditionNode.Comparison c) {
            return compare(value(c.left(), item), c.comparator(), value(c.right(), item));
        }
        if (node instanceof ConditionNode.Between b) {
            AttributeValue value = value(b.value(), item);
            int low = ordered(value, value(b.low(), item));
            int high = ordered(value, value(b.high(), item));
            return low != UNORDERED && high != UNORDERED && low >= 0 && high <= 0;
        }
        if (node instanceof ConditionNode.In in) {
            AttributeValue value = value(in.value(), item);
            return in.candidates().stream().anyMatch(candidate -> AttributeEquality.same(value, value(candidate, item)));
        }
        if (node instanceof ConditionNode.Call call) {
            return call(call, item);
        }
        if (node instanceof ConditionNode.Not not) {
            return !matches(not.condition(), item);
        }
        if (node instanceof ConditionNode.And and) {
            return and.conditions().stream().allMatch(c -> matches(c, item));
        }
        return ((ConditionNode.Or) node).conditions().stream().anyMatch(c -> matches(c, item));
    }

    private static boolean compare(AttributeValue left, String comparator, AttributeValue right) {
        switch (comparator) {
            case "=", "==":
                return AttributeEquality.same(left, right);
            case "<>", "!=":
                return !AttributeEquality.same(left, right);
            default:
                int order = ordered(left, right);
                if (order == UNORDERED) {
                    return false;
                }
                return switch (comparator) {
                    case "<" -> order < 0;
                    case "<=" -> order <= 0;
                    case ">" -> order > 0;
                    case ">=" -> order >= 0;
                    default -> throw new IllegalArgumentException("unknown comparator " + comparator);
                };
        }
    }

    /** The order of two numbers, strings or binaries of one type; {@link #UNORDERED} for anything else. */
    private static int ordered(AttributeValue a, AttributeValue b) {
        if (a == null || b == null || a.type() != b.type()) {
            return UNORDERED;
        }
        return switch (a.type()) {
            case N -> Integer.signum(number(a.n()).compareTo(number(b.n())));
            case S -> Integer.signum(compareBytes(utf8(a.s()), utf8(b.s())));
            case B -> Integer.signum(compareBytes(a.b().asByteArrayUnsafe(), b.b().asByteArrayUnsafe()));
            default -> UNORDERED;
        };
    }

    private static boolean call(ConditionNode.Call call, Map<String, AttributeValue> item) {
        AttributeValue value = resolve(call.path(), item);
        AttributeValue argument = call.argument() == null ? null : value(call.argument(), item);
        return switch (call.name()) {
            case "attribute_exists" -> value != null;
            case "attribute_not_exists" -> value == null;
            case "attribute_type" -> value != null && typeCode(value).equals(argument.s());
            case "begins_with" -> beginsWith(value, argument);
            case "contains" -> contains(value, argument);
            default -> throw new IllegalArgumentException("unknown function " + call.name());
        };
    }

    private static boolean beginsWith(AttributeValue value, AttributeValue prefix) {
        if (value == null || prefix == null || value.type() != prefix.type()) {
            return false;
        }
        return switch (value.type()) {
            case S -> value.s().startsWith(prefix.s());
            case B -> startsWith(value.b().asByteArrayUnsafe(), prefix.b().asByteArrayUnsafe());
            default -> false;
        };
    }

    /** A string's substring, a set's element (of the set's type), or any element of a list. */
    private static boolean contains(AttributeValue value, AttributeValue operand) {
        if (value == null || operand == null) {
            return false;
        }
        return switch (value.type()) {
            case S -> operand.type() == AttributeValue.Type.S && value.s().contains(operand.s());
            case SS -> operand.type() == AttributeValue.Type.S && value.ss().contains(operand.s());
            case NS -> operand.type() == AttributeValue.Type.N && numbers(value.ns()).contains(number(operand.n()).stripTrailingZeros());
            case BS -> operand.type() == AttributeValue.Type.B && value.bs().contains(operand.b());
            case L -> value.l().stream().anyMatch(element -> AttributeEquality.same(element, operand));
            default -> false;
        };
    }

    /** An operand's value in this item: null when a path reaches nothing or size() has nothing to count. */
    private static AttributeValue value(Operand operand, Map<String, AttributeValue> item) {
        if (operand instanceof Operand.Literal literal) {
            return literal.value();
        }
        if (operand instanceof Operand.Attribute attribute) {
            return resolve(attribute.path(), item);
        }
        if (operand instanceof Operand.Size size) {
            Integer count = size(resolve(size.path(), item));
            return count == null ? null : AttributeValue.fromN(count.toString());
        }
        // arithmetic, if_not_exists and list_append are update values, never parsed into a condition
        throw new IllegalArgumentException("not a condition operand: " + operand.text());
    }

    /** size(): a string's UTF-8 bytes, a binary's bytes, a set's, list's or map's elements; nothing for other types. */
    private static Integer size(AttributeValue value) {
        if (value == null) {
            return null;
        }
        return switch (value.type()) {
            case S -> utf8(value.s()).length;
            case B -> value.b().asByteArrayUnsafe().length;
            case SS -> value.ss().size();
            case NS -> value.ns().size();
            case BS -> value.bs().size();
            case L -> value.l().size();
            case M -> value.m().size();
            default -> null;
        };
    }

    /** The value at a path: map keys by name, list elements by position; null where it leads nowhere. */
    private static AttributeValue resolve(AttributePath path, Map<String, AttributeValue> item) {
        AttributeValue value = item.get(path.attribute());
        for (AttributePath.Step step : path.steps().subList(1, path.steps().size())) {
            if (value == null) {
                return null;
            }
            if (step instanceof AttributePath.Name name) {
                value = value.type() == AttributeValue.Type.M ? value.m().get(name.name()) : null;
            } else {
                int index = ((AttributePath.Index) step).index();
                value = value.type() == AttributeValue.Type.L && index < value.l().size() ? value.l().get(index) : null;
            }
        }
        return value;
    }

    /** DynamoDB's name of the value's type, as attribute_type takes it: S, N, BOOL, NULL, SS, ... */
    private static String typeCode(AttributeValue value) {
        return value.type() == AttributeValue.Type.NUL ? "NULL" : value.type().name();
    }

    private static BigDecimal number(String text) {
        return new BigDecimal(text);
    }

    private static Set<BigDecimal> numbers(List<String> texts) {
        return texts.stream().map(t -> number(t).stripTrailingZeros()).collect(Collectors.toSet());
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static int compareBytes(byte[] a, byte[] b) {
        int common = Math.min(a.length, b.length);
        for (int i = 0; i < common; i++) {
            int difference = Byte.toUnsignedInt(a[i]) - Byte.toUnsignedInt(b[i]);
            if (difference != 0) {
                return difference;
            }
        }
        return a.length - b.length;
    }

    private static boolean startsWith(byte[] value, byte[] prefix) {
        return value.length >= prefix.length && compareBytes(Arrays.copyOf(value, prefix.length), prefix) == 0;
    }
}
