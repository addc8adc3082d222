package dev.dynctl.item;

import static dev.dynctl.item.ItemTables.canonical;
import static dev.dynctl.item.ItemTables.item;
import static dev.dynctl.item.ItemTables.n;
import static dev.dynctl.item.ItemTables.printed;
import static dev.dynctl.item.ItemTables.s;
import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ItemUpdateTest {
    private final String table = ItemTables.hashTable("update");

    private void seed(Map<String, AttributeValue> item) {
        Engine.dynamo().putItem(b -> b.tableName(table).item(item));
    }

    @Test
    void setParsesJsonValuesAndFallsBackToStrings() {
        Result r = cli().aws("item", "update", table, "--key", "id=u1",
                "--set", "name=Ada Lovelace", "--set", "age=36", "--set", "zip=\"01234\"", "--set", "code=007",
                "--set", "ok=true", "--set", "nothing=null", "--set", "langs=[\"en\", 1]", "--set", "addr={\"city\": \"Paris\"}",
                "--set", "tags={\"$set\": [\"a\"]}", "--set", "note=true story", "-o", "json");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(canonical(item(table, Map.of("id", s("u1"))))).isEqualTo(canonical(Map.ofEntries(
                Map.entry("id", s("u1")),
                Map.entry("name", s("Ada Lovelace")),
                Map.entry("age", n("36")),
                Map.entry("zip", s("01234")),
                Map.entry("code", s("007")),
                Map.entry("ok", AttributeValue.fromBool(true)),
                Map.entry("nothing", AttributeValue.fromNul(true)),
                Map.entry("langs", AttributeValue.fromL(List.of(s("en"), n("1")))),
                Map.entry("addr", AttributeValue.fromM(Map.of("city", s("Paris")))),
                Map.entry("tags", AttributeValue.fromSs(List.of("a"))),
                Map.entry("note", s("true story")))));
        // all-new by default: the whole item as it now is
        JsonNode printedItem = printed(r.out()).get(0);
        assertThat(printedItem.get("age").asInt()).isEqualTo(36);
        assertThat(printedItem.get("id").asText()).isEqualTo("u1");
    }

    @Test
    void reservedWordsAndNestedPathsJustWork() {
        seed(Map.of("id", s("u1"), "data", AttributeValue.fromM(Map.of("name", s("x"), "size", n("1"))),
                "status", s("new"), "items", AttributeValue.fromL(List.of(s("a"), s("b")))));
        Result r = cli().aws("item", "update", table, "--key", "id=u1", "--set", "status=active",
                "--set", "data.name=y", "--remove", "data.size", "--set", "items[1]=c", "--return-values", "none");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(item(table, Map.of("id", s("u1")))).isEqualTo(Map.of("id", s("u1"), "status", s("active"),
                "data", AttributeValue.fromM(Map.of("name", s("y"))), "items", AttributeValue.fromL(List.of(s("a"), s("c")))));
    }

    @Test
    void addIncrementsNumbersAndGrowsSetsDeleteShrinksThem() {
        seed(Map.of("id", s("u1"), "count", n("1"), "tags", AttributeValue.fromSs(List.of("a", "b", "c")),
                "nums", AttributeValue.fromNs(List.of("1", "2"))));
        Result r = cli().aws("item", "update", table, "--key", "id=u1", "--add", "count 5", "--add", "tags [\"d\"]",
                "--delete", "nums [1]", "--add", "fresh [\"x\", \"y\"]", "--return-values", "updated-new", "-o", "json");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(canonical(item(table, Map.of("id", s("u1"))))).isEqualTo(canonical(Map.of("id", s("u1"), "count", n("6"),
                "tags", AttributeValue.fromSs(List.of("a", "b", "c", "d")), "nums", AttributeValue.fromNs(List.of("2")),
                "fresh", AttributeValue.fromSs(List.of("x", "y")))));
        JsonNode updated = printed(r.out()).get(0);
        assertThat(updated.fieldNames()).toIterable().containsExactlyInAnyOrder("count", "tags", "nums", "fresh");
        assertThat(updated.get("count").asInt()).isEqualTo(6);

        Result delete = cli().aws("item", "update", table, "--key", "id=u1", "--delete", "tags [\"a\", \"b\"]", "--remove", "fresh");
        assertThat(delete.code()).as(delete.toString()).isZero();
        assertThat(item(table, Map.of("id", s("u1"))).get("tags").ss()).containsExactlyInAnyOrder("c", "d");
        assertThat(item(table, Map.of("id", s("u1")))).doesNotContainKey("fresh");
    }

    @Test
    void returnValuesAllOldAndUpdatedOld() {
        seed(Map.of("id", s("u1"), "v", n("1"), "w", s("keep")));
        Result updatedOld = cli().aws("item", "update", table, "--key", "id=u1", "--set", "v=2", "--return-values", "updated-old", "-o", "json");
        assertThat(updatedOld.code()).as(updatedOld.toString()).isZero();
        assertThat(printed(updatedOld.out()).get(0).toString()).isEqualTo("{\"v\":1}");
        Result allOld = cli().aws("item", "update", table, "--key", "id=u1", "--set", "v=3", "--return-values", "all-old", "-o", "json");
        assertThat(printed(allOld.out()).get(0).get("w").asText()).isEqualTo("keep");
        assertThat(printed(allOld.out()).get(0).get("v").asInt()).isEqualTo(2);
    }

    @Test
    void badClausesAreUsageErrors() {
        Result nothing = cli().aws("item", "update", table, "--key", "id=u1");
        assertThat(nothing.code()).isEqualTo(2);
        assertThat(nothing.err()).contains("Nothing to update", "--set");
        Result noEquals = cli().aws("item", "update", table, "--key", "id=u1", "--set", "name");
        assertThat(noEquals.code()).isEqualTo(2);
        assertThat(noEquals.err()).contains("--set 'name' is not name=value");
        Result noValue = cli().aws("item", "update", table, "--key", "id=u1", "--add", "count");
        assertThat(noValue.code()).isEqualTo(2);
        assertThat(noValue.err()).contains("--add 'count' is not 'name value'");
        Result badPath = cli().aws("item", "update", table, "--key", "id=u1", "--remove", "a..b");
        assertThat(badPath.code()).isEqualTo(2);
        assertThat(badPath.err()).contains("'a..b' is not an attribute path");
        Result emptySet = cli().aws("item", "update", table, "--key", "id=u1", "--add", "tags []");
        assertThat(emptySet.code()).isEqualTo(2);
        assertThat(emptySet.err()).contains("DynamoDB has no empty sets");
        Result badReturn = cli().aws("item", "update", table, "--key", "id=u1", "--set", "a=1", "--return-values", "everything");
        assertThat(badReturn.code()).isEqualTo(2);
        assertThat(badReturn.err()).contains("'everything' is not one of none, all-old, updated-old, all-new, updated-new");
        assertThat(item(table, Map.of("id", s("u1")))).isNull();
    }

    @Test
    void aPathIntoAMapThatIsNotThereSaysToSetTheWholeMap() {
        Result r = cli().aws("item", "update", table, "--key", "id=u1", "--set", "address.city=Paris");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("The document path provided in the update expression is invalid for update.",
                "Hint: address.city needs address to be a map that exists: set the whole map first, "
                        + "e.g. --set 'address={\"city\": \"Paris\"}'.");
        assertThat(item(table, Map.of("id", s("u1")))).isNull();

        // the hint's command works, and then so does the path
        assertThat(cli().aws("item", "update", table, "--key", "id=u1", "--set", "address={\"city\": \"Paris\"}").code()).isZero();
        Result nested = cli().aws("item", "update", table, "--key", "id=u1", "--set", "address.city=Lyon");
        assertThat(nested.code()).as(nested.toString()).isZero();
        assertThat(item(table, Map.of("id", s("u1"))).get("address")).isEqualTo(AttributeValue.fromM(Map.of("city", s("Lyon"))));

        Result deep = cli().aws("item", "update", table, "--key", "id=u2", "--set", "a.b[0].c=1");
        assertThat(deep.code()).isEqualTo(2);
        assertThat(deep.err()).contains("e.g. --set 'a={\"b\": [{\"c\": 1}]}'");
    }

    @Test
    void aListIndexIntoASetSaysSetsHaveNoPositions() {
        seed(Map.of("id", s("u1"), "tags", AttributeValue.fromSs(List.of("a"))));
        Result r = cli().aws("item", "update", table, "--key", "id=u1", "--set", "tags[0]=x");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Hint: tags[0] needs tags to be a list that exists (a set has no positions): "
                + "set the whole list first, e.g. --set 'tags=[\"x\"]'.");
        assertThat(item(table, Map.of("id", s("u1"))).get("tags")).isEqualTo(AttributeValue.fromSs(List.of("a")));
    }

    @Test
    void theKeyIsTypedAndCheckedLikeEverywhere() {
        Result r = cli().aws("item", "update", table, "--key", "id=u1,sk=1", "--set", "a=1");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--key names 'sk', which is not a key attribute: table " + table + " has key id (S)");
    }
}
