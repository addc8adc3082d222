package dev.dynctl.item;

import static dev.dynctl.item.ItemTables.canonical;
import static dev.dynctl.item.ItemTables.item;
import static dev.dynctl.item.ItemTables.n;
import static dev.dynctl.item.ItemTables.printed;
import static dev.dynctl.item.ItemTables.s;
import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** --if on put, update and delete, --filter on query and scan, and --update, against the engine. */
class ItemExpressionsTest {
    private static String people;
    private static String events;
    private final String table = ItemTables.hashTable("expr");

    @BeforeAll
    static void seed() {
        people = ItemTables.hashTable("expr-people");
        put(people, Map.of("id", s("p1"), "status", s("active"), "name", s("Ada"),
                "data", AttributeValue.fromM(Map.of("size", n("3"), "tags", AttributeValue.fromL(List.of(s("x"), s("y")))))));
        put(people, Map.of("id", s("p2"), "status", s("inactive"), "name", s("Bob"), "data", AttributeValue.fromM(Map.of("size", n("1")))));
        put(people, Map.of("id", s("p3"), "status", s("active"), "name", s("Cy")));
        events = ItemTables.compositeTable("expr-events", ScalarAttributeType.N, false);
        for (int i = 1; i <= 10; i++) {
            put(events, Map.of("pk", s("p1"), "sk", n(String.valueOf(i)), "kind", s(i % 2 == 0 ? "even" : "odd")));
        }
    }

    private static void put(String table, Map<String, AttributeValue> item) {
        Engine.dynamo().putItem(b -> b.tableName(table).item(item));
    }

    private static List<String> values(Result r, String attribute) {
        assertThat(r.code()).as(r.toString()).isZero();
        return printed(r.out()).stream().map(i -> i.get(attribute).asText()).sorted().toList();
    }

    @Test
    void filterOnScanWithReservedWordsNestedPathsAndFunctions() {
        assertThat(values(cli().aws("item", "scan", people, "-o", "json", "--filter", "status = 'active'"), "id"))
                .containsExactly("p1", "p3");
        assertThat(values(cli().aws("item", "scan", people, "-o", "json", "--filter", "data.size > 2 OR name = \"Bob\""), "id"))
                .containsExactly("p1", "p2");
        assertThat(values(cli().aws("item", "scan", people, "-o", "json",
                "--filter", "contains(data.tags, 'y') AND size(data.tags) = 2 AND data.tags[1] = 'y'"), "id")).containsExactly("p1");
        assertThat(values(cli().aws("item", "scan", people, "-o", "json",
                "--filter", "attribute_not_exists(data) OR begins_with(name, 'B')"), "id")).containsExactly("p2", "p3");
        assertThat(values(cli().aws("item", "scan", people, "-o", "json", "--attrs", "id",
                "--filter", "name IN ('Ada', 'Cy') AND NOT status <> 'active'"), "id")).containsExactly("p1", "p3");
    }

    @Test
    void filterOnQueryFollowsPagesAndLimitCountsTheItemsKept() {
        Result r = cli().aws("item", "query", events, "--key", "pk=p1", "--filter", "kind = 'even'", "--page-size", "2",
                "--limit", "3", "-o", "json");
        assertThat(printed(r.out()).stream().map(i -> i.get("sk").asInt()).toList()).as(r.toString()).containsExactly(2, 4, 6);
        Result between = cli().aws("item", "query", events, "--key", "pk=p1", "--sk", "> 3", "--filter", "kind = 'odd'", "-o", "json");
        assertThat(printed(between.out()).stream().map(i -> i.get("sk").asInt()).toList()).containsExactly(5, 7, 9);
        Result scan = cli().aws("item", "scan", events, "--filter", "kind = 'odd'", "--page-size", "1", "--limit", "4", "-o", "json");
        assertThat(printed(scan.out())).hasSize(4).allSatisfy(i -> assertThat(i.get("kind").asText()).isEqualTo("odd"));
    }

    @Test
    void aFailedConditionExits4NamesTableKeyAndConditionAndChangesNothing() {
        put(table, Map.of("id", s("u1"), "version", n("3"), "status", s("active")));
        Result r = cli().aws("item", "update", table, "--key", "id=u1", "--set", "status=locked", "--if", "version = 2");
        assertThat(r.code()).as(r.toString()).isEqualTo(4);
        assertThat(r.err()).contains("Error: Condition not met on item id=u1 in table " + table
                + ": version = 2. The item was left as it was.",
                "Hint: The item now: {\"id\":\"u1\",", "\"version\":3");
        assertThat(item(table, Map.of("id", s("u1")))).isEqualTo(Map.of("id", s("u1"), "version", n("3"), "status", s("active")));

        Result delete = cli().aws("item", "delete", table, "--key", "id=u1", "--if", "status = 'locked'");
        assertThat(delete.code()).isEqualTo(4);
        assertThat(item(table, Map.of("id", s("u1")))).isNotNull();

        Result missing = cli().aws("item", "delete", table, "--key", "id=nobody", "--if", "attribute_exists(id)");
        assertThat(missing.code()).isEqualTo(4);
        assertThat(missing.err()).contains("Hint: There is no item id=nobody in " + table + ".");
    }

    @Test
    void aConditionThatHoldsLetsTheWriteThrough() {
        put(table, Map.of("id", s("u1"), "version", n("3"), "status", s("active")));
        Result r = cli().aws("item", "update", table, "--key", "id=u1", "--update", "SET version = version + 1",
                "--if", "version = 3 AND status = 'active'", "-o", "json");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(item(table, Map.of("id", s("u1"))).get("version")).isEqualTo(n("4"));

        Result delete = cli().aws("item", "delete", table, "--key", "id=u1", "--if", "version >= 4");
        assertThat(delete.code()).as(delete.toString()).isZero();
        assertThat(delete.err()).contains("Deleted item id=u1");
        assertThat(item(table, Map.of("id", s("u1")))).isNull();
    }

    @Test
    void putIfCreatesOnlyWhatIsNotThere() {
        Result first = cli().aws("item", "put", table, "{\"id\": \"u1\", \"name\": \"Ada\"}", "--if", "attribute_not_exists(id)");
        assertThat(first.code()).as(first.toString()).isZero();
        Result again = cli().aws("item", "put", table, "{\"id\": \"u1\", \"name\": \"Eve\"}", "--if", "attribute_not_exists(id)");
        assertThat(again.code()).isEqualTo(4);
        assertThat(again.err()).contains("Condition not met on item id=u1 in table " + table + ": attribute_not_exists(id).",
                "The item now: {\"id\":\"u1\",\"name\":\"Ada\"}");
        assertThat(item(table, Map.of("id", s("u1"))).get("name")).isEqualTo(s("Ada"));
    }

    @Test
    void putIfRefusesManyItemsAndWritesNone() {
        Result r = cli().stdin("{\"id\": \"a\"}\n{\"id\": \"b\"}\n").aws("item", "put", table, "--if", "attribute_not_exists(id)");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("put --if works on one item, and the input", "cannot carry a condition");
        assertThat(ItemTables.scanAll(table)).isEmpty();
    }

    @Test
    void updateExpressionsIncrementAppendDefaultAndWorkOnSets() {
        put(table, Map.of("id", s("u1"), "n", n("1"), "log", AttributeValue.fromL(List.of(s("a"))),
                "tags", AttributeValue.fromSs(List.of("a", "b")), "old", AttributeValue.fromSs(List.of("a", "z"))));
        Result r = cli().aws("item", "update", table, "--key", "id=u1", "--set", "name=Ada", "--update",
                "SET n = n + 1, log = list_append(log, ['b', 2]), c = if_not_exists(c, 10), data = {\"size\": 1}, "
                        + "gone = null ADD tags ['c'], count 5 DELETE old [\"a\"] REMOVE gone2",
                "--return-values", "none");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(canonical(item(table, Map.of("id", s("u1"))))).isEqualTo(canonical(Map.of("id", s("u1"), "n", n("2"), "name", s("Ada"),
                "log", AttributeValue.fromL(List.of(s("a"), s("b"), n("2"))), "c", n("10"),
                "data", AttributeValue.fromM(Map.of("size", n("1"))), "gone", AttributeValue.fromNul(true),
                "tags", AttributeValue.fromSs(List.of("a", "b", "c")), "old", AttributeValue.fromSs(List.of("z")), "count", n("5"))));

        Result again = cli().aws("item", "update", table, "--key", "id=u1", "--update", "SET c = if_not_exists(c, 0) - 1, data.size = data.size + 1");
        assertThat(again.code()).as(again.toString()).isZero();
        assertThat(item(table, Map.of("id", s("u1"))).get("c")).isEqualTo(n("9"));
        assertThat(item(table, Map.of("id", s("u1"))).get("data")).isEqualTo(AttributeValue.fromM(Map.of("size", n("2"))));
    }

    @Test
    void aBareWordWhereAStringWasMeantIsExplained() {
        Result scan = cli().aws("item", "scan", people, "--filter", "status = active", "-o", "json");
        assertThat(scan.code()).as(scan.toString()).isZero();
        assertThat(printed(scan.out())).isEmpty();
        assertThat(scan.err()).contains("No item matched --filter. In status = active, active is an attribute name "
                + "(a bare word always is); for the string, quote it: 'active'.");

        put(table, Map.of("id", s("u1"), "status", s("active")));
        Result update = cli().aws("item", "update", table, "--key", "id=u1", "--set", "x=1", "--if", "status = active");
        assertThat(update.code()).isEqualTo(4);
        assertThat(update.err()).contains("for the string, quote it: 'active'.");
    }

    @Test
    void syntaxErrorsExit2WithACaretBeforeAnyRequest() {
        // the table does not exist: the expression is checked first
        Result filter = cli().aws("item", "scan", "no-such-table", "--filter", "status = 'active' AND");
        assertThat(filter.code()).isEqualTo(2);
        assertThat(filter.err()).contains("Error: --filter: expected a condition after AND, found the end of the text (column 22):\n"
                + "  status = 'active' AND\n"
                + "                       ^\n");
        Result update = cli().aws("item", "update", "no-such-table", "--key", "id=u1", "--update", "SET a = 1 SET b = 2");
        assertThat(update.code()).isEqualTo(2);
        assertThat(update.err()).contains("--update: SET appears twice (column 11)", "Hint: List all of its actions after one SET");
        Result condition = cli().aws("item", "delete", "no-such-table", "--key", "id=u1", "--if", "a = :v");
        assertThat(condition.code()).isEqualTo(2);
        assertThat(condition.err()).contains("--if: placeholders such as :value are not needed (column 5)");
    }

    @Test
    void nothingToUpdateMentionsUpdate() {
        Result r = cli().aws("item", "update", table, "--key", "id=u1");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--update");
    }
}
