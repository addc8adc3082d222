package dev.dynctl.sql;

import static dev.dynctl.sql.SqlTables.item;
import static dev.dynctl.sql.SqlTables.n;
import static dev.dynctl.sql.SqlTables.printed;
import static dev.dynctl.sql.SqlTables.quoted;
import static dev.dynctl.sql.SqlTables.s;
import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dynctl sql --file: BatchExecuteStatement against moto. */
class SqlFileTest {
    @TempDir
    Path dir;

    @Test
    void aFileOfStatementsRunsInRequestsOf25AndPrintsWhatItsSelectsFind() throws IOException {
        String users = SqlTables.hashTable("sql-file");
        StringBuilder text = new StringBuilder("-- thirty users\n");
        for (int i = 0; i < 30; i++) {
            text.append("INSERT INTO ").append(quoted(users)).append(" VALUE {'id': 'u").append(i).append("', 'n': ").append(i).append("};\n");
        }
        // moto's BatchExecuteStatement needs a SELECT's table unquoted
        text.append("SELECT * FROM ").append(users).append(" WHERE id = 'u7';\n");
        Path file = Files.writeString(dir.resolve("seed.sql"), text);

        Result r = cli().aws("sql", "--file", file.toString(), "-o", "json");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(printed(r.out())).hasSize(1).first().satisfies(i -> assertThat(i.get("n").asInt()).isEqualTo(7));
        assertThat(r.err()).isEqualTo("Ran 31 statements in 3 requests.\n");
        assertThat(Engine.dynamo().scan(b -> b.tableName(users)).count()).isEqualTo(30);
        assertThat(item(users, Map.of("id", s("u29")))).containsEntry("n", n("29"));
    }

    @Test
    void failedStatementsAreReportedAndTheOthersStillRun() throws IOException {
        String users = SqlTables.hashTable("sql-mixed");
        Path file = Files.writeString(dir.resolve("mixed.sql"), "INSERT INTO " + quoted(users) + " VALUE {'id': 'a'};\n"
                + "INSERT INTO " + quoted(users + "-gone") + " VALUE {'id': 'b'};\n"
                + "INSERT INTO " + quoted(users) + " VALUE {'id': 'c'};\n"
                + "SELECT * FROM " + users + "\n  WHERE n = 1;\n");

        Result r = cli().aws("sql", "--file", file.toString());

        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).isEqualTo("Statement 2 (" + file + " line 2) failed: ResourceNotFound: Requested resource not found\n"
                + "  INSERT INTO " + quoted(users + "-gone") + " VALUE {'id': 'b'}\n"
                + "Statement 4 (" + file + " line 4) failed: ValidationError: "
                + "Select statements within BatchExecuteStatement must specify the primary key in the where clause.\n"
                + "  SELECT * FROM " + users + "\n"
                + "Error: Ran 4 statements in 2 requests: 2 failed, 2 succeeded.\n");
        assertThat(item(users, Map.of("id", s("a")))).isNotNull();
        assertThat(item(users, Map.of("id", s("c")))).isNotNull();
    }

    @Test
    void yamlGivesParametersToTheStatements() throws IOException {
        String users = SqlTables.hashTable("sql-yaml");
        SqlTables.putAll(users, java.util.List.of(Map.of("id", s("007"), "n", n("1")), Map.of("id", s("u2"), "n", n("2"))));
        Path file = Files.writeString(dir.resolve("updates.yaml"), """
                # 007 stays a string, 36 is a number
                - statement: UPDATE "%1$s" SET n = ? WHERE id = ?
                  params: [36, "007"]
                - statement: UPDATE "%1$s" SET name = ? WHERE id = ?
                  params: [{S: "Lin"}, u2]
                """.formatted(users));

        Result r = cli().aws("sql", "--file", file.toString());

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(item(users, Map.of("id", s("007")))).containsEntry("n", n("36"));
        assertThat(item(users, Map.of("id", s("u2")))).containsEntry("name", s("Lin"));
    }

    @Test
    void theAwsCliFileFormatIsReadFromStdin() {
        String users = SqlTables.hashTable("sql-stdin");
        SqlTables.putAll(users, java.util.List.of(Map.of("id", s("u1"), "name", s("Ada"))));
        String json = "[{\"Statement\": \"SELECT * FROM " + users + " WHERE id = ?\", "
                + "\"Parameters\": [{\"S\": \"u1\"}]}]";

        Result r = cli().stdin(json).aws("sql", "--file", "-", "-o", "jsonl");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(printed(r.out())).hasSize(1).first().satisfies(i -> assertThat(i.get("name").asText()).isEqualTo("Ada"));
        assertThat(r.err()).isEqualTo("Ran 1 statement in 1 request.\n");
    }

    @Test
    void aFileWithAWrongStatementSendsNothing() throws IOException {
        String users = SqlTables.hashTable("sql-nothing");
        Path placeholders = Files.writeString(dir.resolve("params.sql"), "INSERT INTO " + quoted(users) + " VALUE {'id': 'a'};\n"
                + "UPDATE " + quoted(users) + " SET n = ? WHERE id = 'a';\n");
        Path count = Files.writeString(dir.resolve("count.yaml"), "- DELETE FROM " + quoted(users) + " WHERE id = 'a'\n"
                + "- statement: UPDATE " + quoted(users) + " SET n = ? WHERE id = ?\n  params: [1]\n");
        Path verb = Files.writeString(dir.resolve("verb.sql"), "INSERT INTO " + quoted(users) + " VALUE {'id': 'a'};\nUPSERT x;\n");

        Result r1 = cli().aws("sql", "--file", placeholders.toString());
        assertThat(r1.code()).as(r1.toString()).isEqualTo(2);
        assertThat(r1.err()).contains("Statement 2 (" + placeholders + " line 2) has 1 ? placeholder, which a file of PartiQL text cannot fill.");
        Result r2 = cli().aws("sql", "--file", count.toString());
        assertThat(r2.code()).as(r2.toString()).isEqualTo(2);
        assertThat(r2.err()).contains("Statement 2 (" + count + " line 2) has 2 ? placeholders but 1 parameter.");
        Result r3 = cli().aws("sql", "--file", verb.toString());
        assertThat(r3.code()).as(r3.toString()).isEqualTo(2);
        assertThat(r3.err()).contains("Statement 2 (" + verb + " line 2): A statement starts with SELECT, INSERT, UPDATE or DELETE, not 'UPSERT'.");
        Result missing = cli().aws("sql", "--file", dir.resolve("none.sql").toString());
        assertThat(missing.code()).as(missing.toString()).isEqualTo(2);
        assertThat(missing.err()).contains("no such file.");
        Result param = cli().aws("sql", "--file", verb.toString(), "--param", "x");
        assertThat(param.code()).as(param.toString()).isEqualTo(2);

        assertThat(Engine.dynamo().scan(b -> b.tableName(users)).count()).isZero();
    }
}
