package dev.dynctl.item;

import static dev.dynctl.item.ItemTables.n;
import static dev.dynctl.item.ItemTables.printed;
import static dev.dynctl.item.ItemTables.s;
import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.codec.Json;
import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class ItemQueryTest {
    static String numbers;
    static String words;

    @BeforeAll
    static void createTables() {
        numbers = ItemTables.compositeTable("query-n", ScalarAttributeType.N, true);
        for (int i = 1; i <= 10; i++) {
            Map<String, AttributeValue> item = Map.of("pk", s("p1"), "sk", n(String.valueOf(i)), "gpk", s(i % 2 == 0 ? "even" : "odd"),
                    "gsk", n(String.valueOf(100 - i)), "status", s("s" + i), "extra", s("x"));
            Engine.dynamo().putItem(b -> b.tableName(numbers).item(item));
        }
        Engine.dynamo().putItem(b -> b.tableName(numbers).item(Map.of("pk", s("p2"), "sk", n("1"))));
        words = ItemTables.compositeTable("query-s", ScalarAttributeType.S, false);
        for (String sk : List.of("2023-12-31", "2024-01-05", "2024-02-10", "2024-03-01", "a b", "a and b")) {
            Engine.dynamo().putItem(b -> b.tableName(words).item(Map.of("pk", s("c9"), "sk", s(sk))));
        }
    }

    private static List<String> sortKeys(Result r) {
        assertThat(r.code()).as(r.toString()).isZero();
        return printed(r.out()).stream().map(i -> i.get("sk").asText()).toList();
    }

    private static Result query(String table, String... options) {
        String[] args = new String[options.length + 5];
        args[0] = "item";
        args[1] = "query";
        args[2] = table;
        args[3] = "-o";
        args[4] = "json";
        System.arraycopy(options, 0, args, 5, options.length);
        return cli().aws(args);
    }

    @Test
    void theWholePartitionInSortKeyOrder() {
        assertThat(sortKeys(query(numbers, "--key", "pk=p1"))).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
        assertThat(sortKeys(query(numbers, "--key", "pk=p1", "--desc"))).containsExactly("10", "9", "8", "7", "6", "5", "4", "3", "2", "1");
    }

    @Test
    void everySortKeyOperatorOnANumberKey() {
        assertThat(sortKeys(query(numbers, "--key", "pk=p1", "--sk", "= 3"))).containsExactly("3");
        assertThat(sortKeys(query(numbers, "--key", "pk=p1", "--sk", "< 3"))).containsExactly("1", "2");
        assertThat(sortKeys(query(numbers, "--key", "pk=p1", "--sk", "<= 3"))).containsExactly("1", "2", "3");
        assertThat(sortKeys(query(numbers, "--key", "pk=p1", "--sk", ">8"))).containsExactly("9", "10");
        assertThat(sortKeys(query(numbers, "--key", "pk=p1", "--sk", ">= 8"))).containsExactly("8", "9", "10");
        assertThat(sortKeys(query(numbers, "--key", "pk=p1", "--sk", "between 4 and 6"))).containsExactly("4", "5", "6");
        assertThat(sortKeys(query(numbers, "--key", "pk=p1,sk=7"))).containsExactly("7");
    }

    @Test
    void stringSortKeysWithBeginsWithBetweenAndQuotes() {
        assertThat(sortKeys(query(words, "--key", "pk=c9", "--sk", "begins_with 2024-0"))).containsExactly("2024-01-05", "2024-02-10", "2024-03-01");
        assertThat(sortKeys(query(words, "--key", "pk=c9", "--sk", "BETWEEN 2024-01-01 AND 2024-02-28"))).containsExactly("2024-01-05", "2024-02-10");
        assertThat(sortKeys(query(words, "--key", "pk=c9", "--sk", "= 'a b'"))).containsExactly("a b");
        assertThat(sortKeys(query(words, "--key", "pk=c9", "--sk", "between 'a and b' and 'a b'"))).containsExactly("a and b", "a b");
    }

    @Test
    void aGlobalIndexIsQueriedOnItsOwnKeys() {
        assertThat(sortKeys(query(numbers, "--index", "by-g", "--key", "gpk=even"))).containsExactly("10", "8", "6", "4", "2");
        assertThat(sortKeys(query(numbers, "--index", "by-g", "--key", "gpk=odd", "--sk", "< 95", "--desc"))).containsExactly("7", "9");
        Result consistent = query(numbers, "--index", "by-g", "--key", "gpk=odd", "--consistent");
        assertThat(consistent.code()).isEqualTo(2);
        assertThat(consistent.err()).contains("--consistent is not possible on global secondary index by-g");
        Result wrongKey = query(numbers, "--index", "by-g", "--key", "pk=p1");
        assertThat(wrongKey.code()).isEqualTo(2);
        assertThat(wrongKey.err()).contains("not a key attribute: index by-g of table " + numbers + " has keys gpk (S), gsk (N)");
        Result noIndex = query(numbers, "--index", "by-x", "--key", "gpk=odd");
        assertThat(noIndex.code()).isEqualTo(2);
        assertThat(noIndex.err()).contains("has no index 'by-x'", "by-g");
    }

    @Test
    void limitAttrsAndConsistent() {
        assertThat(sortKeys(query(numbers, "--key", "pk=p1", "--limit", "3", "--consistent"))).containsExactly("1", "2", "3");
        Result attrs = query(numbers, "--key", "pk=p1", "--sk", "= 2", "--attrs", "sk,status");
        assertThat(attrs.code()).as(attrs.toString()).isZero();
        JsonNode item = printed(attrs.out()).get(0);
        assertThat(item.fieldNames()).toIterable().containsExactlyInAnyOrder("sk", "status");
        assertThat(item.get("status").asText()).isEqualTo("s2");
    }

    @Test
    void followsEveryPage() {
        String table = ItemTables.compositeTable("query-pages", ScalarAttributeType.N, false);
        IntStream.range(0, 300).forEach(i -> Engine.dynamo().putItem(b -> b.tableName(table)
                .item(Map.of("pk", s("big"), "sk", n(String.valueOf(i)), "pad", s("x".repeat(100))))));
        List<String> all = sortKeys(query(table, "--key", "pk=big", "--page-size", "50"));
        assertThat(all).hasSize(300).doesNotHaveDuplicates();
        assertThat(all.get(0)).isEqualTo("0");
        assertThat(all.get(299)).isEqualTo("299");
        List<String> capped = sortKeys(query(table, "--key", "pk=big", "--page-size", "50", "--limit", "120"));
        assertThat(capped).hasSize(120);
        assertThat(capped.get(119)).isEqualTo("119");
    }

    @Test
    void badConditionsAndKeysAreUsageErrors() {
        Result syntax = query(numbers, "--key", "pk=p1", "--sk", "~ 3");
        assertThat(syntax.code()).isEqualTo(2);
        assertThat(syntax.err()).contains("--sk '~ 3' is not a sort key condition", "between a and b");
        Result notNumber = query(numbers, "--key", "pk=p1", "--sk", "> three");
        assertThat(notNumber.code()).isEqualTo(2);
        assertThat(notNumber.err()).contains("--sk value for sk must be a number, not 'three': table " + numbers + " has keys pk (S), sk (N)");
        Result beginsWithNumber = query(numbers, "--key", "pk=p1", "--sk", "begins_with 1");
        assertThat(beginsWithNumber.code()).isEqualTo(2);
        Result between = query(numbers, "--key", "pk=p1", "--sk", "between 1");
        assertThat(between.code()).isEqualTo(2);
        assertThat(between.err()).contains("needs two values");
        Result noPartition = query(numbers, "--key", "sk=1");
        assertThat(noPartition.code()).isEqualTo(2);
        assertThat(noPartition.err()).contains("no value for the partition key 'pk'");
        Result both = query(numbers, "--key", "pk=p1,sk=1", "--sk", "> 1");
        assertThat(both.code()).isEqualTo(2);
        Result limit = query(numbers, "--key", "pk=p1", "--limit", "0");
        assertThat(limit.code()).isEqualTo(2);
        assertThat(limit.err()).contains("--limit must be at least 1");
        String hashOnly = ItemTables.hashTable("query-hash");
        Result noSortKey = query(hashOnly, "--key", "id=1", "--sk", "= 1");
        assertThat(noSortKey.code()).isEqualTo(2);
        assertThat(noSortKey.err()).contains("--sk needs a sort key, and table " + hashOnly + " has key id (S)");
    }

    @Test
    void betweenNeedsTheLowerBoundFirstComparedByTheKeyType() {
        Result numbersReversed = query(numbers, "--key", "pk=p1", "--sk", "between 130 and 100");
        assertThat(numbersReversed.code()).isEqualTo(2);
        assertThat(numbersReversed.err()).contains("between needs the lower bound first: 130 > 100.",
                "Hint: Write --sk 'between 100 and 130'.");
        // 9 < 10 as numbers, though not as text
        assertThat(sortKeys(query(numbers, "--key", "pk=p1", "--sk", "between 9 and 10"))).containsExactly("9", "10");
        assertThat(sortKeys(query(numbers, "--key", "pk=p1", "--sk", "between 4 and 4"))).containsExactly("4");

        Result textReversed = query(words, "--key", "pk=c9", "--sk", "between 2024-02 and 2024-01");
        assertThat(textReversed.code()).isEqualTo(2);
        assertThat(textReversed.err()).contains("between needs the lower bound first: 2024-02 > 2024-01.");
        // strings compare by code point: "9" comes after "10"
        assertThat(query(words, "--key", "pk=c9", "--sk", "between 9 and 10").code()).isEqualTo(2);
        // a character beyond the 16-bit range sorts after U+FFFD by code point, though not by Java's char order
        assertThat(query(words, "--key", "pk=c9", "--sk", "between \uFFFD and \uD83D\uDE00").code()).isZero();
        assertThat(query(words, "--key", "pk=c9", "--sk", "between \uD83D\uDE00 and \uFFFD").code()).isEqualTo(2);
    }

    @Test
    void betweenOnBinaryKeysComparesUnsignedBytes() {
        String binary = ItemTables.compositeTable("query-b", ScalarAttributeType.B, false);
        for (byte b : new byte[] {0x01, 0x7f, (byte) 0x80, (byte) 0xff}) {
            Engine.dynamo().putItem(r -> r.tableName(binary).item(Map.of("pk", s("b"),
                    "sk", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {b})))));
        }
        // 0x7f (fw==) then 0x80 (gA==): signed bytes would put 0x80 first
        Result r = query(binary, "--key", "pk=b", "--sk", "between fw== and gA==");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(printed(r.out())).hasSize(2);
        Result reversed = query(binary, "--key", "pk=b", "--sk", "between /w== and AQ==");
        assertThat(reversed.code()).isEqualTo(2);
        assertThat(reversed.err()).contains("between needs the lower bound first: /w== > AQ==.");
    }

    @Test
    void ddbJsonOutputIsTheWireFormOfEachItem() {
        Result r = cli().aws("item", "query", numbers, "--key", "pk=p1", "--sk", "<= 2", "-o", "ddb-json");
        assertThat(r.code()).as(r.toString()).isZero();
        List<JsonNode> items = printed(r.out());
        assertThat(items).hasSize(2);
        assertThat(items.get(0).get("sk").get("N").asText()).isEqualTo("1");
        assertThat(items.get(0).get("pk").get("S").asText()).isEqualTo("p1");
    }

    @Test
    void jsonlOutputIsOneItemPerLine() throws Exception {
        Result r = cli().aws("item", "query", numbers, "--key", "pk=p1", "--sk", "<= 3", "-o", "jsonl");
        assertThat(r.code()).as(r.toString()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(3);
        for (int i = 0; i < 3; i++) {
            JsonNode item = Json.MAPPER.readTree(lines.get(i));
            assertThat(item.isObject()).isTrue();
            assertThat(item.get("sk").asInt()).isEqualTo(i + 1);
        }
    }
}
