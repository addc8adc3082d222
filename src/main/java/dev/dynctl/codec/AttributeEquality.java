package dev.dynctl.codec;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Attribute values compared as DynamoDB compares them: of one type, numbers by value (1 = 1.0 =
 * 1.00), sets whatever the order of their elements, lists element by element, maps key by key.
 * For what dynctl decides itself: a condition on a stream's records, the diff of a change.
 */
public final class AttributeEquality {
    private AttributeEquality() {
    }

    /** True when both are there and equal; a missing value (null) equals nothing, not even another missing one. */
    public static boolean same(AttributeValue a, AttributeValue b) {
        if (a == null || b == null || a.type() != b.type()) {
            return false;
        }
        return switch (a.type()) {
            case S -> a.s().equals(b.s());
            case N -> new BigDecimal(a.n()).compareTo(new BigDecimal(b.n())) == 0;
            case B -> a.b().equals(b.b());
            case BOOL -> a.bool().equals(b.bool());
            case NUL -> true;
            case SS -> new HashSet<>(a.ss()).equals(new HashSet<>(b.ss()));
            case NS -> numbers(a.ns()).equals(numbers(b.ns()));
            case BS -> new HashSet<>(a.bs()).equals(new HashSet<>(b.bs()));
            case L -> sameList(a.l(), b.l());
            case M -> a.m().keySet().equals(b.m().keySet())
                    && a.m().entrySet().stream().allMatch(e -> same(e.getValue(), b.m().get(e.getKey())));
            default -> false;
        };
    }

    private static boolean sameList(List<AttributeValue> a, List<AttributeValue> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!same(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** A number set's values, each in one spelling (1.50 and 1.5 are one number). */
    private static Set<BigDecimal> numbers(List<String> texts) {
        return texts.stream().map(t -> new BigDecimal(t).stripTrailingZeros()).collect(Collectors.toSet());
    }
}
