package dev.dynctl.bulk;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An item's size as DynamoDB bills it (attribute names plus values, in UTF-8), close enough to
 * charge a rate limit before the write: a put costs one write capacity unit per KB, rounded up.
 */
final class ItemSize {
    private ItemSize() {
    }

    /** Write capacity units a put of this item consumes. */
    static int writeUnits(Map<String, AttributeValue> item) {
        return (int) Math.max(1, (bytes(item) + 1023) / 1024);
    }

    static long bytes(Map<String, AttributeValue> item) {
        long size = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            size += utf8(attribute.getKey()) + value(attribute.getValue());
        }
        return size;
    }

    private static long value(AttributeValue v) {
        return switch (v.type()) {
            case S -> utf8(v.s());
            case N -> number(v.n());
            case B -> v.b().asByteArrayUnsafe().length;
            case SS -> v.ss().stream().mapToLong(ItemSize::utf8).sum();
            case NS -> v.ns().stream().mapToLong(ItemSize::number).sum();
            case BS -> v.bs().stream().mapToLong(b -> b.asByteArrayUnsafe().length).sum();
            // a list or map costs 3 bytes, and 1 more per element
            case L -> 3 + v.l().stream().mapToLong(e -> 1 + value(e)).sum();
            case M -> 3 + v.m().entrySet().stream().mapToLong(e -> 1 + utf8(e.getKey()) + value(e.getValue())).sum();
            default -> 1;
        };
    }

    /** Numbers are stored as up to 38 significant digits, two per byte, plus a byte. */
    private static long number(String n) {
        long digits = n.chars().filter(Character::isDigit).count();
        return digits / 2 + 2;
    }

    private static long utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
