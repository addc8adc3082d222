package dev.dynctl.sql;

import static dev.dynctl.sql.SqlTables.item;
import static dev.dynctl.sql.SqlTables.n;
import static dev.dynctl.sql.SqlTables.printed;
import static dev.dynctl.sql.SqlTables.quoted;
import static dev.dynctl.sql.SqlTables.s;
import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.testing.Cli.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** dynctl sql with one statement (ExecuteStatement), against moto. */
class SqlStatementTest {
    static final int ITEMS = 150;
    static String events;

    @BeforeAll
    static void fill() {
        events = SqlTables.compositeTable("sql-events");
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            items.add(Map.of("pk", s("big"), "sk", n(String.valueOf(i)), "name", s("n" + i)));
        }
        items.add(Map.of("pk", s("small"), "sk", n("1"), "name", s("one"), "zip", s("01234")));
        items.add(Map.of("pk", s("small"), "sk", n("2"), "name", s("two")));
        SqlTables.putAll(events, items);
    }

    private static List<Integer> sortKeys(Result r) {
        assertThat(r.code()).as(r.toString()).isZero();
        return printed(r.out()).stream().map(i -> i.get("sk").asInt()).toList();
    }

    @Test
    void selectWithParametersFollowsEveryPageAndLimitStops() {
        String select = "SELECT * FROM " + quoted(events) + " WHERE pk = ?";

        assertThat(sortKeys(cli().aws("sql", select, "--param", "big", "-o", "json")))
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, ITEMS).boxed().toList());
        assertThat(sortKeys(cli().aws("sql", select, "--param", "big", "--limit", "120", "-o", "jsonl")))
                .hasSize(120).doesNotHaveDuplicates();
        assertThat(sortKeys(cli().aws("sql", select, "--param", "big", "--page-size", "40", "--consistent", "-o", "json")))
                .hasSize(ITEMS);
    }

    @Test
    void parametersAreTypedLikeUpdateValues() {
        String select = "SELECT * FROM " + quoted(events) + " WHERE pk = ? AND sk = ?";

        // 2 is a number, as the sort key is; '"2"' is a string and matches nothing
        assertThat(sortKeys(cli().aws("sql", select, "--param", "small", "--param", "2", "-o", "json"))).containsExactly(2);
        assertThat(sortKeys(cli().aws("sql", select, "--param", "small", "--param", "\"2\"", "-o", "json"))).isEmpty();
        assertThat(sortKeys(cli().aws("sql", select, "--param", "{\"S\": \"small\"}", "--param", "{\"N\": \"1\"}", "-o", "json")))
                .containsExactly(1);
        // 01234 is not a JSON number, so it stays the string it looks like
        Result zip = cli().aws("sql", "SELECT * FROM " + quoted(events) + " WHERE zip = ?", "--param", "01234", "-o", "json");
        assertThat(sortKeys(zip)).containsExactly(1);
    }

    @Test
    void everyOutputFormatAndQueryWork() {
        String select = "SELECT * FROM " + quoted(events) + " WHERE pk = 'small'";

        Result table = cli().stdoutTerminal(true).aws("sql", select, "--no-color");
        assertThat(table.code()).as(table.toString()).isZero();
        // the key columns lead, as in item scan
        assertThat(table.out().lines().findFirst().orElse("")).startsWith("pk").contains("sk", "name", "zip");
        Result csv = cli().aws("sql", select, "-o", "csv");
        assertThat(csv.out()).startsWith("pk,sk,");
        Result ddb = cli().aws("sql", select, "-o", "ddb-json");
        assertThat(printed(ddb.out())).extracting(i -> i.path("sk").path("N").asText()).containsExactlyInAnyOrder("1", "2");
        Result query = cli().aws("sql", select, "--query", "[].name", "-o", "json");
        assertThat(printed(query.out())).extracting(JsonNode::asText).containsExactlyInAnyOrder("one", "two");
        assertThat(query.err()).isEmpty();
    }

    @Test
    void insertUpdateDeleteChangeTheTableAndSaySoOnStderr() {
        String users = SqlTables.hashTable("sql-users");

        Result insert = cli().aws("sql", "INSERT INTO " + quoted(users) + " VALUE {'id': 'u1', 'name': 'Ada', 'age': 36}");
        assertThat(insert.code()).as(insert.toString()).isZero();
        assertThat(insert.out()).isEmpty();
        assertThat(insert.err()).isEqualTo("Done: INSERT INTO " + users + ".\n");
        assertThat(item(users, Map.of("id", s("u1")))).isEqualTo(Map.of("id", s("u1"), "name", s("Ada"), "age", n("36")));

        Result update = cli().aws("sql", "UPDATE " + quoted(users) + " SET name = ? WHERE id = ?", "--param", "Grace", "--param", "u1");
        assertThat(update.code()).as(update.toString()).isZero();
        assertThat(update.err()).isEqualTo("Done: UPDATE " + users + ".\n");
        assertThat(item(users, Map.of("id", s("u1")))).containsEntry("name", s("Grace"));

        Result delete = cli().aws("sql", "DELETE FROM " + quoted(users) + " WHERE id = 'u1'");
        assertThat(delete.code()).as(delete.toString()).isZero();
        assertThat(delete.err()).isEqualTo("Done: DELETE FROM " + users + ".\n");
        assertThat(item(users, Map.of("id", s("u1")))).isNull();
    }

    @Test
    void aMissingTableNamesTheNearOnes() {
        Result r = cli().aws("sql", "SELECT * FROM " + quoted(events + "x") + " WHERE pk = ?", "--param", "big");

        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).contains("Table '" + events + "x' not found in endpoint", "Did you mean", "'" + events + "'");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aMissingIndexNamesTheIndexesThereAre() {
        Result r = cli().aws("sql", "SELECT * FROM " + quoted(events) + ".\"by-name\" WHERE name = 'one'");

        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("Table " + events + " has no index 'by-name'.", "The table has no secondary indexes.");
    }

    @Test
    void aStatementThatCannotBeRightIsRefusedBeforeItIsSent() {
        String users = SqlTables.hashTable("sql-refused");

        Result verb = cli().aws("sql", "INSRT INTO " + quoted(users) + " VALUE {'id': 'u1'}");
        assertThat(verb.code()).as(verb.toString()).isEqualTo(2);
        assertThat(verb.err()).startsWith("Error: A statement starts with SELECT, INSERT, UPDATE or DELETE, not 'INSRT'.");

        Result count = cli().aws("sql", "INSERT INTO " + quoted(users) + " VALUE {'id': 'u1', 'n': ?}");
        assertThat(count.code()).as(count.toString()).isEqualTo(2);
        assertThat(count.err()).contains("The statement has 1 ? placeholder, but no --param was given.");

        Result unclosed = cli().aws("sql", "INSERT INTO " + quoted(users) + " VALUE {'id': 'u1}");
        assertThat(unclosed.code()).as(unclosed.toString()).isEqualTo(2);
        assertThat(unclosed.err()).contains("is not closed: ' is missing.");

        Result limit = cli().aws("sql", "INSERT INTO " + quoted(users) + " VALUE {'id': 'u1'}", "--limit", "3");
        assertThat(limit.code()).as(limit.toString()).isEqualTo(2);
        assertThat(limit.err()).contains("--consistent, --limit and --page-size are for SELECT; this is INSERT.");

        assertThat(item(users, Map.of("id", s("u1")))).isNull();
    }

    @Test
    void aStatementOrAFileIsNeeded() {
        Result none = cli().aws("sql");
        assertThat(none.code()).as(none.toString()).isEqualTo(2);
        assertThat(none.err()).contains("Give a statement, or --file with statements.");

        Result both = cli().aws("sql", "SELECT * FROM x", "--file", "x.sql");
        assertThat(both.code()).as(both.toString()).isEqualTo(2);
        assertThat(both.err()).contains("Give a statement or --file, not both.");
    }
}
