package dev.dynctl.codec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** jqwik generators for items holding all ten attribute types, nested a few levels deep. */
final class AttributeValues {
    private AttributeValues() {
    }

    static Arbitrary<Map<String, AttributeValue>> items() {
        return Arbitraries.maps(names(), value(3)).ofMinSize(1).ofMaxSize(6)
                .map(m -> {
                    Map<String, AttributeValue> item = new LinkedHashMap<>();
                    item.put("id", AttributeValue.fromS("k"));
                    item.putAll(m);
                    return item;
                });
    }

    static Arbitrary<String> names() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars('_', '-', '.').ofMinLength(1).ofMaxLength(8)
                .filter(n -> !n.equals("id"));
    }

    static Arbitrary<AttributeValue> value(int depth) {
        List<Arbitrary<AttributeValue>> choices = new ArrayList<>(List.of(
                strings().map(AttributeValue::fromS),
                numbers().map(AttributeValue::fromN),
                Arbitraries.of(true, false).map(AttributeValue::fromBool),
                Arbitraries.just(AttributeValue.fromNul(true)),
                bytes().map(AttributeValue::fromB),
                strings().set().ofMinSize(1).ofMaxSize(4).map(s -> AttributeValue.fromSs(List.copyOf(s))),
                distinctNumbers().map(AttributeValue::fromNs),
                bytes().set().ofMinSize(1).ofMaxSize(3).map(s -> AttributeValue.fromBs(List.copyOf(s)))));
        if (depth > 0) {
            Arbitrary<AttributeValue> inner = Arbitraries.lazy(() -> value(depth - 1));
            choices.add(inner.list().ofMaxSize(3).map(AttributeValue::fromL));
            choices.add(Arbitraries.maps(names(), inner).ofMaxSize(3).map(AttributeValue::fromM));
        }
        return Arbitraries.oneOf(choices);
    }

    static Arbitrary<String> strings() {
        return Arbitraries.strings().ofMinLength(0).ofMaxLength(12)
                .withCharRange(' ', '~').withChars('é', '✓', '中', '\n', '\t');
    }

    /** DynamoDB numbers: up to 38 significant digits, integers and decimals, signed. */
    static Arbitrary<String> numbers() {
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(38)
                .map(s -> s.replaceFirst("^0+(?=.)", ""));
        Arbitrary<Integer> scale = Arbitraries.integers().between(0, 10);
        return Combinators.combine(digits, scale, Arbitraries.of("", "-")).as((d, s, sign) -> {
            BigDecimal n = new BigDecimal(d).movePointLeft(Math.min(s, d.length() - 1));
            return sign + n.toPlainString();
        });
    }

    static Arbitrary<List<String>> distinctNumbers() {
        return numbers().list().ofMinSize(1).ofMaxSize(4).map(list -> {
            Map<BigDecimal, String> distinct = new LinkedHashMap<>();
            list.forEach(n -> distinct.putIfAbsent(new BigDecimal(n).stripTrailingZeros(), n));
            return List.copyOf(distinct.values());
        });
    }

    static Arbitrary<SdkBytes> bytes() {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(16).map(SdkBytes::fromByteArray);
    }

    /** Numbers compared by value (1.50 = 1.5) and sets by members, as DynamoDB itself compares them. */
    static Object normalize(AttributeValue v) {
        return switch (v.type()) {
            case N -> new BigDecimal(v.n()).stripTrailingZeros();
            case NS -> v.ns().stream().map(n -> new BigDecimal(n).stripTrailingZeros()).collect(java.util.stream.Collectors.toSet());
            case SS -> java.util.Set.copyOf(v.ss());
            case BS -> java.util.Set.copyOf(v.bs());
            case L -> v.l().stream().map(AttributeValues::normalize).toList();
            case M -> normalize(v.m());
            default -> v;
        };
    }

    static Map<String, Object> normalize(Map<String, AttributeValue> item) {
        Map<String, Object> out = new java.util.HashMap<>();
        item.forEach((k, v) -> out.put(k, normalize(v)));
        return out;
    }
}
