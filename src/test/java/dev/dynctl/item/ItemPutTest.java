package dev.dynctl.item;

import static dev.dynctl.item.ItemTables.canonical;
import static dev.dynctl.item.ItemTables.item;
import static dev.dynctl.item.ItemTables.n;
import static dev.dynctl.item.ItemTables.printed;
import static dev.dynctl.item.ItemTables.s;
import static dev.dynctl.item.ItemTables.scanAll;
import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.codec.AttributeCodec;
import dev.dynctl.testing.Cli.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class ItemPutTest {
    @TempDir
    Path dir;

    @Test
    void putsPlainJsonFromAnArgument() {
        String table = ItemTables.hashTable("put-plain");
        Result r = cli().aws("item", "put", table, "{\"id\": \"u1\", \"name\": \"Ada\", \"age\": 36}");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("Put 1 item into " + table + ".\n");
        assertThat(item(table, Map.of("id", s("u1")))).isEqualTo(Map.of("id", s("u1"), "name", s("Ada"), "age", n("36")));
    }

    @Test
    void putsDynamoJsonRecognisedAsSuch() {
        String table = ItemTables.hashTable("put-ddb");
        Result r = cli().aws("item", "put", table, "{\"id\": {\"S\": \"u1\"}, \"age\": {\"N\": \"36\"}, \"tags\": {\"SS\": [\"a\"]}}");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(item(table, Map.of("id", s("u1"))))
                .isEqualTo(Map.of("id", s("u1"), "age", n("36"), "tags", AttributeValue.fromSs(List.of("a"))));
    }

    @Test
    void putsYamlFromAnArgumentAndFromAFile() throws Exception {
        String table = ItemTables.hashTable("put-yaml");
        assertThat(cli().aws("item", "put", table, "id: u1\nname: Ada\nscore: 1.5").code()).isZero();
        Path file = Files.writeString(dir.resolve("items.yaml"), "- id: u2\n  langs: [en, fr]\n- id: u3\n  ok: true\n");
        Result r = cli().aws("item", "put", table, "@" + file);
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(item(table, Map.of("id", s("u1")))).isEqualTo(Map.of("id", s("u1"), "name", s("Ada"), "score", n("1.5")));
        assertThat(item(table, Map.of("id", s("u2")))).isEqualTo(Map.of("id", s("u2"), "langs", AttributeValue.fromL(List.of(s("en"), s("fr")))));
        assertThat(item(table, Map.of("id", s("u3")))).isEqualTo(Map.of("id", s("u3"), "ok", AttributeValue.fromBool(true)));
    }

    @Test
    void putsFromStdinAsAnObjectAnArrayOrJsonLines() {
        String table = ItemTables.hashTable("put-stdin");
        assertThat(cli().stdin("{\"id\": \"o1\"}").aws("item", "put", table).code()).isZero();
        Result array = cli().stdin("[{\"id\": \"a1\"}, {\"id\": \"a2\"}]").aws("item", "put", table);
        assertThat(array.code()).as(array.toString()).isZero();
        assertThat(array.err()).isEqualTo("Put 2 items into " + table + " (1 BatchWriteItem request).\n");
        Result lines = cli().stdin("{\"id\": \"l1\"}\n{\"id\": {\"S\": \"l2\"}}\n{\"id\": \"l3\", \"n\": 1}\n").aws("item", "put", table, "-");
        assertThat(lines.code()).as(lines.toString()).isZero();
        assertThat(lines.err()).contains("Put 3 items into " + table);
        assertThat(scanAll(table)).extracting(i -> i.get("id").s()).containsExactlyInAnyOrder("o1", "a1", "a2", "l1", "l2", "l3");
    }

    @Test
    void putsManyItemsInBatchesOf25() throws Exception {
        String table = ItemTables.hashTable("put-batch");
        String lines = IntStream.range(0, 120).mapToObj(i -> "{\"id\": \"u" + i + "\", \"i\": " + i + "}").collect(Collectors.joining("\n"));
        Path file = Files.writeString(dir.resolve("items.jsonl"), lines);
        Result r = cli().aws("item", "put", table, "@" + file);
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).contains("Put 120 items into " + table + " (5 BatchWriteItem requests)");
        assertThat(scanAll(table)).hasSize(120);
        assertThat(item(table, Map.of("id", s("u77")))).containsEntry("i", n("77"));
    }

    @Test
    void theSameKeyTwiceInOneStreamIsWrittenInOrder() {
        String table = ItemTables.hashTable("put-dupes");
        Result r = cli().stdin("{\"id\": \"u1\", \"v\": 1}\n{\"id\": \"u1\", \"v\": 2}\n").aws("item", "put", table);
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(item(table, Map.of("id", s("u1")))).containsEntry("v", n("2"));
    }

    @Test
    void allTenAttributeTypesSurvivePutThenGet() {
        String table = ItemTables.hashTable("put-types");
        Map<String, AttributeValue> expected = Map.of(
                "id", s("t1"),
                "n", n("12345678901234567890123456789.125"),
                "b", AttributeValue.fromB(SdkBytes.fromUtf8String("bin")),
                "bool", AttributeValue.fromBool(false),
                "nul", AttributeValue.fromNul(true),
                "l", AttributeValue.fromL(List.of(s("x"), n("2"), AttributeValue.fromBool(true))),
                "m", AttributeValue.fromM(Map.of("inner", s("y"), "deep", AttributeValue.fromM(Map.of("z", n("-1"))))),
                "ss", AttributeValue.fromSs(List.of("a", "b")),
                "ns", AttributeValue.fromNs(List.of("1", "2.5")),
                "bs", AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("p"), SdkBytes.fromUtf8String("q"))));
        String json = AttributeCodec.toJson(expected).toString();

        Result put = cli().aws("item", "put", table, json);
        assertThat(put.code()).as(put.toString()).isZero();
        assertThat(canonical(item(table, Map.of("id", s("t1"))))).isEqualTo(canonical(expected));

        Result get = cli().aws("item", "get", table, "--key", "id=t1", "-o", "json");
        assertThat(get.code()).as(get.toString()).isZero();
        assertThat(canonical(AttributeCodec.fromJson(printed(get.out()).get(0)))).isEqualTo(canonical(expected));

        Result ddb = cli().aws("item", "get", table, "--key", "id=t1", "-o", "ddb-json");
        assertThat(ddb.code()).as(ddb.toString()).isZero();
        assertThat(printed(ddb.out()).get(0).get("n").get("N").asText()).isEqualTo("12345678901234567890123456789.125");
        assertThat(canonical(AttributeCodec.fromDynamoJson(printed(ddb.out()).get(0)))).isEqualTo(canonical(expected));
    }

    @Test
    void returnValuesAllOldPrintsTheReplacedItem() {
        String table = ItemTables.hashTable("put-old");
        assertThat(cli().aws("item", "put", table, "{\"id\": \"u1\", \"v\": 1}", "--return-values", "all-old").out()).isEmpty();
        Result r = cli().aws("item", "put", table, "{\"id\": \"u1\", \"v\": 2}", "--return-values", "all-old", "-o", "json");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(printed(r.out()).get(0).get("v").asInt()).isEqualTo(1);
        assertThat(item(table, Map.of("id", s("u1")))).containsEntry("v", n("2"));
    }

    @Test
    void returnValuesOnManyItemsIsRefusedBeforeWriting() {
        String table = ItemTables.hashTable("put-old-many");
        Result r = cli().stdin("{\"id\": \"a\"}\n{\"id\": \"b\"}").aws("item", "put", table, "--return-values", "all-old");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("works on one item");
        assertThat(scanAll(table)).isEmpty();
    }

    @Test
    void malformedJsonOnStdinNamesLineAndColumn() {
        String table = ItemTables.hashTable("put-bad");
        Result r = cli().stdin("{\"id\": \"u1\"}\n{\"id\": \"u2\",, }\n").aws("item", "put", table);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Malformed JSON in stdin at line 2, column 13").doesNotContain("Exception");
    }

    @Test
    void malformedJsonInAFileNamesTheFile() throws Exception {
        String table = ItemTables.hashTable("put-bad-file");
        Path file = Files.writeString(dir.resolve("bad.json"), "[\n  {\"id\": \"u1\"},\n  {\"id\" \"u2\"}\n]\n");
        Result r = cli().aws("item", "put", table, "@" + file);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Malformed JSON in " + file + " at line 3, column 9");
    }

    @Test
    void malformedArgumentAndYamlAreUsageErrors() throws Exception {
        String table = ItemTables.hashTable("put-bad-arg");
        Result json = cli().aws("item", "put", table, "{\"id\": }");
        assertThat(json.code()).isEqualTo(2);
        assertThat(json.err()).contains("Malformed JSON in argument at line 1, column 8");
        Path file = Files.writeString(dir.resolve("bad.yaml"), "id: u1\nname: [unclosed\n");
        Result yaml = cli().aws("item", "put", table, "@" + file);
        assertThat(yaml.code()).isEqualTo(2);
        assertThat(yaml.err()).contains("Malformed YAML in " + file + " at line");
    }

    @Test
    void aMissingFileIsAUsageErrorWithThePath() {
        String table = ItemTables.hashTable("put-nofile");
        Result r = cli().aws("item", "put", table, "@" + dir.resolve("nope.json"));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Cannot read @" + dir.resolve("nope.json") + ": no such file");
    }

    @Test
    void anItemWithoutItsKeyOrWithTheWrongKeyTypeIsRefused() {
        String table = ItemTables.compositeTable("put-nokey", ScalarAttributeType.N, false);
        Result missing = cli().stdin("{\"pk\": \"a\", \"sk\": 1}\n{\"pk\": \"b\"}\n").aws("item", "put", table);
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("Item 2 (stdin line 2) has no 'sk': table " + table + " has keys pk (S), sk (N). "
                + "No items were written.");
        Result wrongType = cli().aws("item", "put", table, "{\"pk\": \"a\", \"sk\": \"one\"}");
        assertThat(wrongType.code()).isEqualTo(2);
        assertThat(wrongType.err()).contains("Item 1 (argument line 1) has 'sk' of type S, the table wants N.")
                .doesNotContain("written");
        assertThat(scanAll(table)).isEmpty();
    }

    @Test
    void anObjectWithNoKeyAttributesGetsAHintAboutTheAwsCliWrappers() {
        String table = ItemTables.hashTable("put-nowrap");
        Result r = cli().stdin("{\"Items\": [{\"id\": {\"S\": \"a\"}}], \"Total\": 1}").aws("item", "put", table);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Item 1 (stdin line 1) has no key attributes: table " + table + " has key id (S).",
                "Hint: The AWS CLI's output is read too", "{\"Items\": [...]}", "{\"Item\": {...}}");
        assertThat(scanAll(table)).isEmpty();
    }

    @Test
    void somethingOtherThanAnObjectIsRefused() {
        String table = ItemTables.hashTable("put-notobj");
        Result r = cli().aws("item", "put", table, "id=u1");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Item 1 (argument line 1) is not an object but a string ('id=u1')");
        Result inArray = cli().aws("item", "put", table, "[{\"id\": \"a\"}, 7]");
        assertThat(inArray.code()).isEqualTo(2);
        assertThat(inArray.err()).contains("Item 2 (argument line 1, column 15) is not an object but a number");
    }

    @Test
    void emptyStdinIsAUsageError() {
        String table = ItemTables.hashTable("put-empty");
        Result r = cli().aws("item", "put", table);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("No items to put: stdin held none");
    }

    @Test
    void noItemAndStdinOnATerminalIsAUsageError() {
        String table = ItemTables.hashTable("put-tty");
        Result r = cli().interactive(true).aws("item", "put", table);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("No item given");
    }

    @Test
    void aMissingTableIsNotFound() {
        Result r = cli().aws("item", "put", "no-such-table-xyz", "{\"id\": \"u1\"}");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("Table 'no-such-table-xyz' not found");
    }
}
