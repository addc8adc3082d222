package dev.dynctl.bulk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Items that hold all ten attribute types and the values formats get wrong: a fixture for round trips. */
final class BulkItems {
    private BulkItems() {
    }

    static AttributeValue s(String s) {
        return AttributeValue.fromS(s);
    }

    static AttributeValue n(String n) {
        return AttributeValue.fromN(n);
    }

    static AttributeValue b(int... bytes) {
        byte[] array = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            array[i] = (byte) bytes[i];
        }
        return AttributeValue.fromB(SdkBytes.fromByteArray(array));
    }

    /** Every type once, nested maps and lists, 38-digit numbers, unicode, and strings that look like other things. */
    static List<Map<String, AttributeValue>> allTypes() {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> full = new LinkedHashMap<>();
        full.put("id", s("all-types"));
        full.put("s", s("héllo, \"wörld\"\nline two 🎉"));
        full.put("n", n("12345678901234567890123456789012345678"));
        full.put("small", n("-0.00000000000000000000000000000000000012345678901234567890123456789012345678"));
        full.put("frac", n("1.50"));
        full.put("bool", AttributeValue.fromBool(true));
        full.put("nul", AttributeValue.fromNul(true));
        full.put("bin", b(0, 1, 2, 255, 254));
        full.put("ss", AttributeValue.fromSs(List.of("a", "b, c", "ü")));
        full.put("ns", AttributeValue.fromNs(List.of("1", "99999999999999999999999999999999999999", "-3.25")));
        full.put("bs", AttributeValue.fromBs(List.of(b(1).b(), b(2, 3).b())));
        full.put("l", AttributeValue.fromL(List.of(s("x"), n("2"), AttributeValue.fromBool(false), AttributeValue.fromNul(true),
                AttributeValue.fromL(List.of()), AttributeValue.fromM(Map.of("k", s("v"))))));
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        m.put("inner", AttributeValue.fromM(Map.of("deep", AttributeValue.fromSs(List.of("z")))));
        m.put("S", s("not a type tag"));
        m.put("empty", AttributeValue.fromM(Map.of()));
        full.put("m", AttributeValue.fromM(m));
        items.add(full);

        Map<String, AttributeValue> lookalikes = new LinkedHashMap<>();
        lookalikes.put("id", s("007"));
        lookalikes.put("s", s(""));
        lookalikes.put("n", s("42"));
        lookalikes.put("bool", s("true"));
        lookalikes.put("nul", s("null"));
        lookalikes.put("l", s("[1,2]"));
        lookalikes.put("m", s("{\"S\":\"x\"}"));
        lookalikes.put("frac", s(" 1.5 "));
        lookalikes.put("quote", s("\"quoted\""));
        items.add(lookalikes);

        Map<String, AttributeValue> sparse = new LinkedHashMap<>();
        sparse.put("id", s("sparse"));
        sparse.put("only-here", n("0"));
        items.add(sparse);
        return items;
    }

    /** An item of about {@code bytes} bytes (DynamoDB's limit is 400 KB). */
    static Map<String, AttributeValue> large(String id, int bytes) {
        StringBuilder text = new StringBuilder(bytes);
        for (int i = 0; text.length() < bytes; i++) {
            text.append((char) ('a' + i % 26)).append(i % 97 == 0 ? "é, \"\n" : "");
        }
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("id", s(id));
        item.put("payload", s(text.substring(0, bytes)));
        return item;
    }
}
