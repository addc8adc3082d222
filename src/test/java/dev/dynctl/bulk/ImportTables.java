package dev.dynctl.bulk;

import dev.dynctl.dynamo.KeyAttribute;
import dev.dynctl.dynamo.KeySchema;
import dev.dynctl.testing.Engine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Tables to import into, made behind dynctl's back, the items written there, and what they add up to. */
final class ImportTables {
    private ImportTables() {
    }

    /** A table keyed on id (S). */
    static String create(String prefix) {
        String name = Engine.uniqueName(prefix);
        Engine.dynamo().createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(d -> d.attributeName("id").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));
        return name;
    }

    static KeySchema keys(String table) {
        return new KeySchema(table, null, false, List.of(new KeyAttribute("id", ScalarAttributeType.S)), Map.of());
    }

    /** Item i: a key, a number and a padding string. */
    static Map<String, AttributeValue> item(int i) {
        return Map.of("id", AttributeValue.fromS("item-" + i), "n", AttributeValue.fromN(Integer.toString(i)),
                "pad", AttributeValue.fromS("x".repeat(i % 50)));
    }

    static List<Map<String, AttributeValue>> items(int count) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(item(i));
        }
        return items;
    }

    /** The items as DynamoDB JSON lines, the ddb-jsonl format (items of {@link #item} only). */
    static void writeDdbJsonLines(Path file, List<Map<String, AttributeValue>> items) throws IOException {
        try (var out = Files.newBufferedWriter(file)) {
            for (Map<String, AttributeValue> item : items) {
                out.write("{\"Item\":{\"id\":{\"S\":\"" + item.get("id").s() + "\"},\"n\":{\"N\":\"" + item.get("n").n()
                        + "\"},\"pad\":{\"S\":\"" + item.get("pad").s() + "\"}}}\n");
            }
        }
    }

    static List<Map<String, AttributeValue>> scanAll(String table) {
        return Engine.dynamo().scanPaginator(b -> b.tableName(table)).items().stream().toList();
    }

    /** SHA-256 over the items sorted, each with its attributes in name order: equal for equal contents. */
    static String checksum(Collection<Map<String, AttributeValue>> items) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        items.stream().map(item -> new TreeMap<>(item).toString()).sorted()
                .forEach(text -> sha.update((text + "\n").getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(sha.digest());
    }

    /** An input over a list of items, ordinals from 0. */
    static ItemSource source(List<Map<String, AttributeValue>> items) {
        Iterator<Map<String, AttributeValue>> iterator = items.iterator();
        return new ItemSource() {
            private long ordinal;

            @Override
            public boolean hasNext() {
                return iterator.hasNext();
            }

            @Override
            public Entry next() {
                return new Entry(ordinal++, iterator.next());
            }

            @Override
            public String description() {
                return "test items";
            }

            @Override
            public void close() {
            }
        };
    }
}
