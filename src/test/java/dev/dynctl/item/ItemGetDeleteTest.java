package dev.dynctl.item;

import static dev.dynctl.item.ItemTables.item;
import static dev.dynctl.item.ItemTables.n;
import static dev.dynctl.item.ItemTables.printed;
import static dev.dynctl.item.ItemTables.s;
import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class ItemGetDeleteTest {
    static String table;

    @BeforeAll
    static void createTable() {
        table = ItemTables.compositeTable("get", ScalarAttributeType.N, false);
        Engine.dynamo().putItem(b -> b.tableName(table).item(Map.of(
                "pk", s("u1"), "sk", n("5"), "name", s("Ada"), "status", s("active"),
                "address", AttributeValue.fromM(Map.of("city", s("London"), "zip", s("N1"))))));
        Engine.dynamo().putItem(b -> b.tableName(table).item(Map.of("pk", s("a,b"), "sk", n("1.5"))));
    }

    @Test
    void keyAttributesComeFirstInEveryFormat() {
        Result json = cli().aws("item", "get", table, "--key", "pk=u1,sk=5", "-o", "jsonl");
        assertThat(json.code()).as(json.toString()).isZero();
        assertThat(json.out()).startsWith("{\"pk\":\"u1\",\"sk\":5,");
        Result grid = cli().aws("item", "get", table, "--key", "pk=u1,sk=5", "-o", "table");
        assertThat(grid.out().lines().limit(2)).containsExactly("pk       u1", "sk       5");
    }

    @Test
    void getsAnItemWithItsKeyTypedFromTheSchema() {
        Result r = cli().aws("item", "get", table, "--key", "pk=u1,sk=5", "-o", "json");
        assertThat(r.code()).as(r.toString()).isZero();
        JsonNode item = printed(r.out()).get(0);
        assertThat(item.get("sk").isNumber()).isTrue();
        assertThat(item.get("name").asText()).isEqualTo("Ada");
        assertThat(item.get("address").get("city").asText()).isEqualTo("London");
    }

    @Test
    void keysAcceptCommasInValuesDecimalNumbersAndJson() {
        assertThat(cli().aws("item", "get", table, "--key", "pk=a,b,sk=1.5").code()).isZero();
        Result json = cli().aws("item", "get", table, "--key", "{\"pk\": \"u1\", \"sk\": 5}", "-o", "json");
        assertThat(json.code()).as(json.toString()).isZero();
        assertThat(printed(json.out()).get(0).get("name").asText()).isEqualTo("Ada");
    }

    @Test
    void attrsAndConsistentNarrowTheRead() {
        Result r = cli().aws("item", "get", table, "--key", "pk=u1,sk=5", "--attrs", "name,status,address.city", "--consistent", "-o", "json");
        assertThat(r.code()).as(r.toString()).isZero();
        JsonNode item = printed(r.out()).get(0);
        assertThat(item.fieldNames()).toIterable().containsExactlyInAnyOrder("name", "status", "address");
        assertThat(item.get("address").fieldNames()).toIterable().containsExactly("city");
    }

    @Test
    void ddbJsonOutputIsTheWireForm() {
        Result r = cli().aws("item", "get", table, "--key", "pk=u1,sk=5", "-o", "ddb-json");
        assertThat(r.code()).as(r.toString()).isZero();
        JsonNode item = printed(r.out()).get(0);
        assertThat(item.get("sk").get("N").asText()).isEqualTo("5");
        assertThat(item.get("address").get("M").get("city").get("S").asText()).isEqualTo("London");
    }

    @Test
    void aMissingItemIsNotFoundWithAHintThatKeepsTheTarget() {
        Result r = cli().aws("item", "get", table, "--key", "pk=u1,sk=6");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("Item pk=u1, sk=6 not found in table " + table + ".",
                "Hint: Check the key with 'item query' or 'item scan' on the same target.");
        assertThat(r.out()).isEmpty();
        // no sort key: a query of the partition would only look for the same item
        String hashOnly = ItemTables.hashTable("get-hash");
        Result hash = cli().aws("item", "get", hashOnly, "--key", "id=u1");
        assertThat(hash.code()).isEqualTo(3);
        assertThat(hash.err()).contains("Item id=u1 not found in table " + hashOnly + ".",
                "Hint: Check the key with 'item scan' on the same target.").doesNotContain("query", "dynctl");
    }

    @Test
    void aKeyAttributeMissingExtraOrMistypedIsAUsageErrorNamingTheSchema() {
        String schema = "table " + table + " has keys pk (S), sk (N)";
        Result missing = cli().aws("item", "get", table, "--key", "pk=u1");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("--key has no value for 'sk': " + schema);
        Result extra = cli().aws("item", "get", table, "--key", "pk=u1,sk=5,id=7");
        assertThat(extra.code()).isEqualTo(2);
        assertThat(extra.err()).contains("--key names 'id', which is not a key attribute: " + schema);
        Result notNumber = cli().aws("item", "get", table, "--key", "pk=u1,sk=five");
        assertThat(notNumber.code()).isEqualTo(2);
        assertThat(notNumber.err()).contains("--key sk must be a number, not 'five': " + schema);
        Result jsonWrongType = cli().aws("item", "get", table, "--key", "{\"pk\": \"u1\", \"sk\": \"5\"}");
        assertThat(jsonWrongType.code()).isEqualTo(2);
        assertThat(jsonWrongType.err()).contains("--key gives 'sk' as S, not N: " + schema);
        Result malformed = cli().aws("item", "get", table, "--key", "u1");
        assertThat(malformed.code()).isEqualTo(2);
        assertThat(malformed.err()).contains("is not name=value");
    }

    @Test
    void binaryKeysAreBase64() {
        // a hash table keyed on a binary id: made here since the other fixtures key on strings
        String name = Engine.uniqueName("get-b");
        Engine.dynamo().createTable(b -> b.tableName(name).billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(d -> d.attributeName("id").attributeType(ScalarAttributeType.B))
                .keySchema(k -> k.attributeName("id").keyType("HASH")));
        Engine.dynamo().putItem(b -> b.tableName(name).item(Map.of("id", AttributeValue.fromB(SdkBytes.fromUtf8String("hi")), "v", n("1"))));
        Result r = cli().aws("item", "get", name, "--key", "id=aGk=", "-o", "json");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(printed(r.out()).get(0).get("v").asInt()).isEqualTo(1);
        Result bad = cli().aws("item", "get", name, "--key", "id=not base64!");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("must be base64");
    }

    @Test
    void aMissingTableIsNotFoundWithNearNames() {
        Result r = cli().aws("item", "get", table + "x", "--key", "pk=u1,sk=5");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("Table '" + table + "x' not found", "Did you mean '" + table + "'");
    }

    @Test
    void deleteRemovesTheItemSaysSoAndCanPrintIt() {
        Engine.dynamo().putItem(b -> b.tableName(table).item(Map.of("pk", s("d1"), "sk", n("1"), "v", s("x"))));
        Engine.dynamo().putItem(b -> b.tableName(table).item(Map.of("pk", s("d1"), "sk", n("2"), "v", s("y"))));
        Result quiet = cli().aws("item", "delete", table, "--key", "pk=d1,sk=1");
        assertThat(quiet.code()).as(quiet.toString()).isZero();
        assertThat(quiet.out()).isEmpty();
        assertThat(quiet.err()).isEqualTo("Deleted item pk=d1, sk=1 from " + table + ".\n");
        assertThat(item(table, Map.of("pk", s("d1"), "sk", n("1")))).isNull();

        Result old = cli().aws("item", "delete", table, "--key", "pk=d1,sk=2", "--return-values", "all-old", "-o", "json");
        assertThat(old.code()).as(old.toString()).isZero();
        assertThat(printed(old.out()).get(0).get("v").asText()).isEqualTo("y");
        assertThat(old.err()).contains("Deleted item pk=d1, sk=2 from " + table + ".");
        assertThat(item(table, Map.of("pk", s("d1"), "sk", n("2")))).isNull();
    }

    @Test
    void deletingAnItemThatIsNotThereSucceedsLikeAwsAndSaysSo() {
        Result r = cli().aws("item", "delete", table, "--key", "pk=nobody,sk=1");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("No item pk=nobody, sk=1 in " + table + "; nothing deleted.\n");
        Result allOld = cli().aws("item", "delete", table, "--key", "pk=nobody,sk=1", "--return-values", "all-old");
        assertThat(allOld.code()).isZero();
        assertThat(allOld.out()).isEmpty();
        assertThat(allOld.err()).contains("nothing deleted");
    }

    @Test
    void aJsonKeyCarriesCommasAndEqualsSigns() {
        Engine.dynamo().putItem(b -> b.tableName(table).item(Map.of("pk", s("a,b=c"), "sk", n("1"))));
        Result get = cli().aws("item", "get", table, "--key", "{\"pk\": \"a,b=c\", \"sk\": 1}", "-o", "json");
        assertThat(get.code()).as(get.toString()).isZero();
        Result delete = cli().aws("item", "delete", table, "--key", "{\"pk\": \"a,b=c\", \"sk\": 1}");
        assertThat(delete.code()).as(delete.toString()).isZero();
        assertThat(delete.err()).contains("Deleted item pk=a,b=c, sk=1");
        assertThat(item(table, Map.of("pk", s("a,b=c"), "sk", n("1")))).isNull();
        Result help = cli().run("item", "delete", "--help");
        assertThat(help.out().replaceAll("\\s+", " ")).contains("or JSON for values with ',' or '=': '{\"customer\": \"a,b\"}'");
    }

    @Test
    void deleteTakesOnlyNoneOrAllOld() {
        Result r = cli().aws("item", "delete", table, "--key", "pk=u1,sk=5", "--return-values", "all-new");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("delete --return-values takes none or all-old");
        assertThat(item(table, Map.of("pk", s("u1"), "sk", n("5")))).isNotNull();
    }
}
