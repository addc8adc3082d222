package dev.dynctl.item;

import static dev.dynctl.item.ItemTables.item;
import static dev.dynctl.item.ItemTables.n;
import static dev.dynctl.item.ItemTables.s;
import static dev.dynctl.item.ItemTables.scanAll;
import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class ItemBatchWriteTest {
    @TempDir
    Path dir;

    private static List<String> ids(String table) {
        return scanAll(table).stream().map(i -> i.get("id").s()).toList();
    }

    private static List<String> range(String prefix, int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> prefix + i).toList();
    }

    @Test
    void putsAndDeletesManyItemsIn25s() throws Exception {
        String table = ItemTables.hashTable("bw-many");
        for (int i = 0; i < 20; i++) {
            String id = "old" + i;
            Engine.dynamo().putItem(b -> b.tableName(table).item(Map.of("id", s(id))));
        }
        String lines = IntStream.range(0, 60).mapToObj(i -> "{\"put\": {\"id\": \"u" + i + "\", \"i\": " + i + "}}").collect(Collectors.joining("\n"))
                + "\n" + IntStream.range(0, 20).mapToObj(i -> "{\"delete\": {\"id\": \"old" + i + "\"}}").collect(Collectors.joining("\n"));
        Path file = Files.writeString(dir.resolve("writes.jsonl"), lines);

        Result r = cli().aws("item", "batch-write", table, file.toString());

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("Wrote 60 puts and 20 deletes to " + table + " (4 BatchWriteItem requests, 0 retries).\n");
        assertThat(ids(table)).containsExactlyInAnyOrderElementsOf(range("u", 0, 60));
        assertThat(item(table, Map.of("id", s("u7")))).isEqualTo(Map.of("id", s("u7"), "i", n("7")));
    }

    @Test
    void readsYamlDynamoJsonAndKeysAsText() {
        String table = ItemTables.compositeTable("bw-yaml", ScalarAttributeType.N, false);
        Engine.dynamo().putItem(b -> b.tableName(table).item(Map.of("pk", s("a"), "sk", n("2"))));
        Engine.dynamo().putItem(b -> b.tableName(table).item(Map.of("pk", s("a"), "sk", n("3"))));

        Result r = cli().stdin("- put: {pk: a, sk: 1, tags: {$set: [x]}}\n"
                + "- put: {pk: {S: b}, sk: {N: '1'}}\n"
                + "- delete: pk=a,sk=2\n"
                + "- delete: {pk: {S: a}, sk: {N: '3'}}\n").aws("item", "batch-write", table);

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).startsWith("Wrote 2 puts and 2 deletes to " + table + " (1 BatchWriteItem request, 0 retries).");
        assertThat(scanAll(table)).extracting(i -> i.get("pk").s() + i.get("sk").n()).containsExactlyInAnyOrder("a1", "b1");
        assertThat(item(table, Map.of("pk", s("a"), "sk", n("1"))).get("tags")).isEqualTo(AttributeValue.fromSs(List.of("x")));
    }

    @Test
    void theAwsCliRequestItemsFileWorksUnchanged() throws Exception {
        String table = ItemTables.hashTable("bw-aws");
        Engine.dynamo().putItem(b -> b.tableName(table).item(Map.of("id", s("gone"))));
        Path file = Files.writeString(dir.resolve("request-items.json"), """
                {
                  "T": [
                    {"PutRequest": {"Item": {"id": {"S": "a"}, "n": {"N": "1.50"}, "b": {"B": "AAE="}}}},
                    {"PutRequest": {"Item": {"id": {"S": "b"}, "m": {"M": {"x": {"NULL": true}}}}}},
                    {"DeleteRequest": {"Key": {"id": {"S": "gone"}}}}
                  ]
                }
                """.replace("\"T\"", "\"" + table + "\""));

        Result plain = cli().aws("item", "batch-write", table, "file://" + file);
        Result wrapped = cli().stdin("{\"RequestItems\": " + Files.readString(file) + "}").aws("item", "batch-write", table, "-");

        assertThat(plain.code()).as(plain.toString()).isZero();
        assertThat(plain.err()).startsWith("Wrote 2 puts and 1 delete to " + table);
        assertThat(wrapped.code()).as(wrapped.toString()).isZero();
        assertThat(ids(table)).containsExactlyInAnyOrder("a", "b");
        assertThat(new BigDecimal(item(table, Map.of("id", s("a"))).get("n").n())).isEqualByComparingTo("1.5");
    }

    @Test
    void requestItemsForAnotherTableAreRefused() {
        String table = ItemTables.hashTable("bw-other");
        Result r = cli().stdin("{\"orders\": [{\"PutRequest\": {\"Item\": {\"id\": {\"S\": \"a\"}}}}]}").aws("item", "batch-write", table);

        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("The request items at stdin line 1 write to table 'orders', but this batch-write writes to '"
                + table + "'. No writes were done.", "Hint: Run one batch-write per table");
        assertThat(scanAll(table)).isEmpty();
    }

    @Test
    void writesToOneItemLandInTheOrderGiven() {
        // one batch may not hold two writes to an item: the second starts a new batch, after the first is written;
        // here the batches are [put a, put b], [delete a, put b, put c], [delete c], [put c]
        String table = ItemTables.hashTable("bw-dup");
        Result r = cli().stdin("{\"put\": {\"id\": \"a\", \"v\": 1}}\n{\"put\": {\"id\": \"b\"}}\n{\"delete\": \"id=a\"}\n"
                + "{\"put\": {\"id\": \"b\", \"v\": 2}}\n{\"put\": {\"id\": \"c\"}}\n{\"delete\": {\"id\": \"c\"}}\n{\"put\": {\"id\": \"c\", \"v\": 3}}\n")
                .aws("item", "batch-write", table);

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).startsWith("Wrote 5 puts and 2 deletes to " + table + " (4 BatchWriteItem requests, 0 retries).");
        assertThat(ids(table)).containsExactlyInAnyOrder("b", "c");
        assertThat(item(table, Map.of("id", s("b"))).get("v")).isEqualTo(n("2"));
        assertThat(item(table, Map.of("id", s("c"))).get("v")).isEqualTo(n("3"));
    }

    @Test
    void aBadWriteAfterAFullBatchSaysWhichWritesWereDone() {
        String table = ItemTables.hashTable("bw-part");
        String good = IntStream.range(0, 30).mapToObj(i -> "{\"put\": {\"id\": \"u" + i + "\"}}\n").collect(Collectors.joining());
        Result r = cli().stdin(good + "{\"upsert\": {\"id\": \"x\"}}\n").aws("item", "batch-write", table);

        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("Write 31 (stdin line 31) is an object that is neither {\"put\": ITEM} nor {\"delete\": KEY}. "
                + "Writes 1-25 were done (25 puts, 0 deletes).", "To put plain items, use 'dynctl item put'.",
                "Fix the input and run it again");
        assertThat(ids(table)).containsExactlyInAnyOrderElementsOf(range("u", 0, 25));
    }

    @Test
    void keysAndItemsAreCheckedAgainstTheKeySchema() {
        String table = ItemTables.hashTable("bw-keys");
        Result extra = cli().stdin("{\"delete\": {\"id\": \"a\", \"name\": \"x\"}}").aws("item", "batch-write", table);
        Result typed = cli().stdin("{\"put\": {\"id\": 7}}").aws("item", "batch-write", table);
        Result empty = cli().stdin("").aws("item", "batch-write", table);

        assertThat(extra.code()).as(extra.toString()).isEqualTo(2);
        assertThat(extra.err()).contains("Write 1 (stdin line 1): the key has 'name', which is not a key attribute: table "
                + table + " has key id (S). No writes were done.");
        assertThat(typed.code()).as(typed.toString()).isEqualTo(2);
        assertThat(typed.err()).contains("Write 1 (stdin line 1) has 'id' of type N, the table wants S.");
        assertThat(empty.code()).as(empty.toString()).isEqualTo(2);
        assertThat(empty.err()).contains("No writes: stdin held none.");
    }

    @Test
    void withoutAFileOnATerminalItAsksForOne() {
        Result r = cli().stdinTerminal(true).aws("item", "batch-write", "whatever");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("No writes given.");
    }
}
