package dev.dynctl.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.testing.Cli;
import dev.dynctl.testing.Engine;
import dev.dynctl.testing.MotoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Statements piped into the shell or given with --file: run without a prompt, as a script. */
class ShellScriptTest {
    private static final String TABLE = Engine.uniqueName("script");

    @BeforeAll
    static void table() {
        assertThat(Cli.cli().aws("table", "create", TABLE, "--pk", "id:S", "--wait").code()).isZero();
    }

    private static Map<String, AttributeValue> item(String id) {
        return Engine.dynamo().getItem(b -> b.tableName(TABLE).key(Map.of("id", AttributeValue.fromS(id)))).item();
    }

    @Test
    void pipedStatementsRunInTurnWithTheTableInUseAndPartiqlOverSeveralLines() {
        String script = """
                use %s
                put {"id": "p1", "name": "Ada", "visits": 1}
                update id=p1 --update 'SET visits = visits + 1'
                SELECT name, visits
                  FROM "%s"
                  WHERE id = 'p1';
                get id=p1 --attrs visits
                """.formatted(TABLE, TABLE);
        Cli.Result result = Cli.cli().stdin(script).aws("shell", "-o", "jsonl");

        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(result.out().lines()).containsExactly(
                "{\"id\":\"p1\",\"name\":\"Ada\",\"visits\":2}",
                "{\"name\":\"Ada\",\"visits\":2}",
                "{\"visits\":2}");
        assertThat(item("p1")).containsEntry("visits", AttributeValue.fromN("2"));
    }

    @Test
    void aFailingStatementIsReportedWithItsLineAndTheRestStillRun() {
        String script = """
                use %s
                get id=nobody
                put {"id": "p2"}
                """.formatted(TABLE);
        Cli.Result result = Cli.cli().stdin(script).aws("shell");

        assertThat(result.code()).as(result.toString()).isEqualTo(3);
        assertThat(result.err()).contains("at stdin:2: get id=nobody", "1 of 3 statements failed (stdin:2).")
                .doesNotContain("Exception");
        assertThat(item("p2")).isNotEmpty();
    }

    @Test
    void stopOnErrorEndsAtTheFirstFailureWithItsExitCode(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("seed.sql");
        Files.writeString(script, """
                -- seed
                use %s
                put {"id": "p3"} --if 'attribute_not_exists(id)'
                put {"id": "p3"} --if 'attribute_not_exists(id)'
                put {"id": "p4"}
                """.formatted(TABLE));
        Cli.Result result = Cli.cli().aws("shell", "--file", script.toString(), "--stop-on-error");

        assertThat(result.code()).as(result.toString()).isEqualTo(4);
        assertThat(result.err()).contains("at " + script + ":4:");
        assertThat(item("p3")).isNotEmpty();
        assertThat(item("p4")).as("the statement after the failure did not run").isEmpty();
    }

    @Test
    void aScriptCannotAnswerAQuestionUnlessTheShellWasGivenYes() {
        String doomed = Engine.uniqueName("doomed");
        assertThat(Cli.cli().aws("table", "create", doomed, "--pk", "id:S", "--wait").code()).isZero();

        Cli.Result refused = Cli.cli().stdin("table delete " + doomed + "\n").aws("shell");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("--yes");
        assertThat(Engine.dynamo().listTables().tableNames()).contains(doomed);

        Cli.Result deleted = Cli.cli().stdin("table delete " + doomed + "\n").aws("shell", "--yes");
        assertThat(deleted.code()).as(deleted.toString()).isZero();
        assertThat(Engine.dynamo().listTables().tableNames()).doesNotContain(doomed);
    }

    @Test
    void usingATableThatIsNotThereNamesTheNearOnes() {
        Cli.Result result = Cli.cli().stdin("use " + TABLE.substring(0, TABLE.length() - 1) + "\n").aws("shell");

        assertThat(result.code()).isEqualTo(3);
        assertThat(result.err()).contains(TABLE);
    }

    @Test
    void connectSwitchesTheTargetAndForgetsTheTable() {
        String script = """
                use %s
                connect --endpoint-url %s --region eu-west-3
                tables
                connect
                """.formatted(TABLE, MotoServer.get().endpoint());
        Cli.Result result = Cli.cli().stdin(script).aws("shell", "-o", "json");

        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(result.err()).contains("Connected to endpoint " + MotoServer.get().endpoint() + " (region eu-west-3).");
        assertThat(result.out()).doesNotContain(TABLE);
    }

    @Test
    void outputSwitchesTheFormatOfEveryStatementAfterIt() {
        String script = """
                put %s {"id": "p5", "count": 1}
                output
                output table
                output
                output yaml
                get %s id=p5
                """.formatted(TABLE, TABLE);
        Cli.Result result = Cli.cli().stdin(script).aws("shell");

        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(result.out()).contains("id: p5", "count: 1");
        assertThat(result.err()).contains("Output: json (the default when piped).", "Output: table.", "Output: yaml.");
    }

    @Test
    void helpListsTheShellsCommandsAndHelpCommandShowsItsUsage() {
        Cli.Result result = Cli.cli().stdin("help\nhelp get\nexit\ntables\n").aws("shell");

        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("use TABLE", "connect --local", "explain STATEMENT", "Usage:", "--key");
        assertThat(result.out()).as("exit ends the script").doesNotContain(TABLE);
    }

    @Test
    void aScriptThatCannotBeReadIsABadArgumentWithNoStackTrace(@TempDir Path dir) throws Exception {
        Cli.Result folder = Cli.cli().aws("shell", "-f", dir.toString());
        assertThat(folder.code()).isEqualTo(2);
        assertThat(folder.err()).contains("Cannot read " + dir).doesNotContain("Exception");

        Path latin1 = dir.resolve("latin1.sql");
        Files.write(latin1, "tables\nput {\"id\": \"caf\u00e9\"}\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Cli.Result garbled = Cli.cli().aws("shell", "-f", latin1.toString());
        assertThat(garbled.code()).isEqualTo(2);
        assertThat(garbled.err()).contains("is not UTF-8 text").doesNotContain("Exception");
    }

    @Test
    void theShellsQueryAppliesToEveryStatement() {
        Cli.Result result = Cli.cli().stdin("put %s {\"id\": \"q1\", \"name\": \"Quinn\"}\nget %s id=q1\n".formatted(TABLE, TABLE))
                .aws("--query", "name", "shell", "-o", "text");

        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(result.out().strip()).isEqualTo("Quinn");
    }

    @Test
    void aTableInUseIsNeverDeletedOrEmptiedWithoutBeingNamed() {
        Cli.Result result = Cli.cli().stdin("use %s\ntable delete\ntable truncate\n".formatted(TABLE)).aws("--yes", "shell");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("Missing required parameter");
        assertThat(Engine.dynamo().listTables().tableNames()).contains(TABLE);
    }

    @Test
    void existsTypedDirectlySaysWhetherTheSelectFindsAnItem() {
        String script = """
                put %s {"id": "e1"}
                EXISTS(SELECT * FROM "%s" WHERE id = 'e1');
                exists (select * from "%s"
                        where id = 'e2');
                """.formatted(TABLE, TABLE, TABLE);
        Cli.Result result = Cli.cli().stdin(script).aws("shell", "-o", "json");

        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(result.out().lines()).containsExactly("true", "false");
    }

    @Test
    void helpForPartiqlIsTheSqlCommandsAndForAnUnknownCommandAnError() {
        Cli.Result partiql = Cli.cli().stdin("help SELECT\n").aws("shell");
        assertThat(partiql.code()).isZero();
        assertThat(partiql.out()).contains("sql", "EXISTS");

        Cli.Result unknown = Cli.cli().stdin("help frobnicate\n\\q\ntables\n").aws("shell");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unknown command 'frobnicate'.", "Try 'help'");
        assertThat(unknown.out()).as("\\q ended the script").doesNotContain(TABLE);
    }

    @Test
    void deletingTheTableInUseForgetsIt() {
        String doomed = Engine.uniqueName("inuse");
        assertThat(Cli.cli().aws("table", "create", doomed, "--pk", "id:S", "--wait").code()).isZero();

        Cli.Result result = Cli.cli().stdin("use %s\ntable delete %s\nuse\n".formatted(doomed, doomed)).aws("--yes", "shell");

        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(result.err()).contains("No table in use");
    }

    @Test
    void aStatementLeftOpenAtTheEndIsSaidSoNotRun() {
        Cli.Result result = Cli.cli().stdin("put %s {\"id\": \"open\",\n".formatted(TABLE)).aws("shell");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("stdin:1: the statement is not finished").doesNotContain("not found");
    }
}
