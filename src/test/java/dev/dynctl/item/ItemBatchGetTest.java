package dev.dynctl.item;

import static dev.dynctl.item.ItemTables.n;
import static dev.dynctl.item.ItemTables.printed;
import static dev.dynctl.item.ItemTables.s;
import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

class ItemBatchGetTest {
    @TempDir
    Path dir;

    /** A table with items u0 … u(count-1), each with its number i. */
    private static String tableWith(String prefix, int count) {
        String table = ItemTables.hashTable(prefix);
        List<WriteRequest> writes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of("id", s("u" + i), "i", n(String.valueOf(i)))).build()).build());
            if (writes.size() == 25 || i == count - 1) {
                List<WriteRequest> batch = List.copyOf(writes);
                Engine.dynamo().batchWriteItem(b -> b.requestItems(Map.of(table, batch)));
                writes.clear();
            }
        }
        return table;
    }

    private static List<String> ids(String out) {
        return printed(out).stream().map(item -> item.get("id").asText()).toList();
    }

    @Test
    void readsManyKeysInHundredsInTheOrderGivenOncePerKey() throws Exception {
        String table = tableWith("bg-many", 240);
        // 250 keys: u249 … u0 (u240-u249 have no item), then u5 and u0 again
        List<Integer> order = new ArrayList<>(IntStream.range(0, 250).map(i -> 249 - i).boxed().toList());
        order.addAll(List.of(5, 0));
        Path file = Files.writeString(dir.resolve("keys.jsonl"), order.stream().map(i -> "{\"id\": \"u" + i + "\"}").collect(Collectors.joining("\n")));

        Result r = cli().aws("item", "batch-get", table, "@" + file, "-o", "jsonl");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(ids(r.out())).containsExactlyElementsOf(IntStream.range(0, 240).map(i -> 239 - i).mapToObj(i -> "u" + i).toList());
        assertThat(printed(r.out()).get(0).get("i").asInt()).isEqualTo(239);
        assertThat(r.err()).isEqualTo("Got 240 items from " + table + " (250 keys, 2 repeated; 3 BatchGetItem requests, 0 retries); "
                + "10 keys have no item.\n");
    }

    @Test
    void requireAllListsTheMissingKeysAndExits3() {
        String table = tableWith("bg-all", 3);
        Result r = cli().aws("item", "batch-get", table, "--key", "id=u0", "--key", "id=x1", "--key", "id=u2", "--key", "id=x2",
                "--require-all", "-o", "jsonl");

        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(ids(r.out())).containsExactly("u0", "u2");
        assertThat(r.err()).contains("2 keys have no item in " + table + ": id=x1; id=x2.");
    }

    @Test
    void requireAllShowsTheFirstTenMissingKeys() {
        String table = tableWith("bg-ten", 1);
        String keys = IntStream.range(0, 12).mapToObj(i -> "{\"id\": \"m" + i + "\"}").collect(Collectors.joining("\n"));
        Result r = cli().stdin(keys).aws("item", "batch-get", table, "--require-all", "-o", "jsonl");

        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).contains("12 keys have no item in " + table + ": id=m0; id=m1; id=m2; id=m3; id=m4; id=m5; id=m6; id=m7; "
                + "id=m8; id=m9; and 2 more.");
    }

    @Test
    void readsTheAwsCliRequestItemsYamlAndDynamoJson() throws Exception {
        String table = tableWith("bg-shapes", 5);
        Path request = Files.writeString(dir.resolve("request.json"), "{\"" + table + "\": {\"Keys\": [{\"id\": {\"S\": \"u1\"}}, {\"id\": {\"S\": \"u3\"}}]}}");

        Result aws = cli().aws("item", "batch-get", table, "@" + request, "-o", "jsonl");
        Result yaml = cli().stdin("- id: u4\n- id: u2\n").aws("item", "batch-get", table, "-o", "jsonl");
        Result mixed = cli().stdin("{\"id\": {\"S\": \"u0\"}}\n").aws("item", "batch-get", table, "--key", "id=u1", "-", "-o", "jsonl");

        assertThat(aws.code()).as(aws.toString()).isZero();
        assertThat(ids(aws.out())).containsExactly("u1", "u3");
        assertThat(yaml.code()).as(yaml.toString()).isZero();
        assertThat(ids(yaml.out())).containsExactly("u4", "u2");
        assertThat(mixed.code()).as(mixed.toString()).isZero();
        assertThat(ids(mixed.out())).containsExactly("u1", "u0");
    }

    @Test
    void requestItemsWithOtherSettingsOrAnotherTableAreRefused() {
        String table = tableWith("bg-refuse", 1);
        Result projection = cli().stdin("{\"" + table + "\": {\"Keys\": [{\"id\": {\"S\": \"u0\"}}], \"ProjectionExpression\": \"id\"}}")
                .aws("item", "batch-get", table);
        Result other = cli().stdin("{\"users\": {\"Keys\": []}}").aws("item", "batch-get", table);

        assertThat(projection.code()).as(projection.toString()).isEqualTo(2);
        assertThat(projection.err()).contains("give ProjectionExpression; only their Keys are read.", "--attrs");
        assertThat(other.code()).as(other.toString()).isEqualTo(2);
        assertThat(other.err()).contains("read table 'users', but this batch-get reads '" + table + "'.");
    }

    @Test
    void attrsChooseTheAttributesAndKeysStillMatch() {
        String table = ItemTables.compositeTable("bg-attrs", ScalarAttributeType.N, false);
        Engine.dynamo().putItem(b -> b.tableName(table).item(Map.of("pk", s("a"), "sk", n("5"), "name", s("Ada"), "age", n("36"))));

        // 5.0 is the number 5: the item comes back as sk 5 and still answers the key
        Result r = cli().aws("item", "batch-get", table, "--key", "pk=a,sk=5.0", "--attrs", "name", "--consistent", "-o", "jsonl");

        assertThat(r.code()).as(r.toString()).isZero();
        List<JsonNode> items = printed(r.out());
        assertThat(items).hasSize(1);
        assertThat(items.get(0).toString()).isEqualTo("{\"name\":\"Ada\"}");
        assertThat(r.err()).contains("Got 1 item from " + table + " (1 key;");
    }

    @Test
    void badKeysAndMissingTablesFailBeforeAnyOutput() {
        String table = tableWith("bg-bad", 1);
        Result key = cli().aws("item", "batch-get", table, "--key", "name=x");
        Result extra = cli().stdin("{\"id\": \"u0\", \"i\": 0}").aws("item", "batch-get", table);
        Result missing = cli().aws("item", "batch-get", "no-such-table-bg", "--key", "id=1");
        Result none = cli().stdinTerminal(true).aws("item", "batch-get", table);

        assertThat(key.code()).isEqualTo(2);
        assertThat(key.err()).contains("--key names 'name', which is not a key attribute");
        assertThat(extra.code()).isEqualTo(2);
        assertThat(extra.err()).contains("Key 1 (stdin line 1): the key has 'i', which is not a key attribute");
        assertThat(extra.out()).isEmpty();
        assertThat(missing.code()).isEqualTo(3);
        assertThat(missing.err()).contains("Table 'no-such-table-bg' not found");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("No keys given.");
    }
}
