package dev.dynctl.table;

import static dev.dynctl.table.TableTestSupport.exists;
import static dev.dynctl.table.TableTestSupport.json;
import static dev.dynctl.table.TableTestSupport.rawTable;
import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import org.junit.jupiter.api.Test;

class TableDeleteTest {
    @Test
    void yesDeletesWithoutAskingAndWaitReportsItGone() {
        String name = rawTable("doomed");
        Result r = cli().aws("table", "delete", name, "--yes", "--wait", "-o", "json");
        JsonNode doc = json(r);
        assertThat(doc.path("name").asText()).isEqualTo(name);
        assertThat(doc.path("status").asText()).isEqualTo("DELETED");
        assertThat(r.err()).isEqualTo("Deleted table '" + name + "'." + System.lineSeparator());
        assertThat(exists(name)).isFalse();
    }

    @Test
    void withoutWaitItShowsWhatDeleteTableAnswered() {
        String name = rawTable("answered");
        String arn = TableTestSupport.describe(name).tableArn();
        Result r = cli().aws("table", "delete", name, "--yes", "-o", "json");
        JsonNode doc = json(r);
        assertThat(r.err()).isEqualTo("Deleting table '" + name + "'…" + System.lineSeparator());
        assertThat(doc.path("arn").asText()).isEqualTo(arn);
        // AWS answers DELETING; moto answers with the table as it was. Either way not a made-up DELETED.
        assertThat(doc.path("status").asText()).isIn("ACTIVE", "DELETING");
        assertThat(exists(name)).isFalse();
    }

    @Test
    void ifExistsSucceedsWithANoteWhenThereIsNoTable() {
        String name = Engine.uniqueName("never");
        Result r = cli().aws("table", "delete", name, "--if-exists", "--no-input", "-o", "json");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).contains("Table '" + name + "' does not exist in endpoint", "nothing was deleted");
        assertThat(r.out()).isEmpty();

        Result without = cli().aws("table", "delete", name, "--yes");
        assertThat(without.code()).as(without.toString()).isEqualTo(3);
    }

    @Test
    void ifExistsStillDeletesATableThatIsThere() {
        String name = rawTable("present");
        Result r = cli().aws("table", "delete", name, "--if-exists", "--yes", "--wait", "-o", "json");
        assertThat(json(r).path("status").asText()).isEqualTo("DELETED");
        assertThat(exists(name)).isFalse();
    }

    @Test
    void typingTheNameConfirms() {
        String name = rawTable("typed");
        Result r = cli().stdin(name + "\n").aws("table", "delete", name, "-o", "json");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).contains("Delete table '" + name + "'", "Type '" + name + "' to confirm");
        assertThat(exists(name)).isFalse();
    }

    @Test
    void aWrongAnswerChangesNothing() {
        String name = rawTable("kept");
        Result r = cli().stdin("no\n").aws("table", "delete", name);
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("Not confirmed", "Nothing was changed");
        assertThat(exists(name)).isTrue();
    }

    @Test
    void noInputWithoutYesRefuses() {
        String name = rawTable("scripted");
        Result r = cli().aws("table", "delete", name, "--no-input");
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("Not confirmed: --no-input is set and deleting table '" + name + "' needs confirmation", "--yes");
        assertThat(exists(name)).isTrue();
    }

    @Test
    void deletionProtectionIsHonoured() {
        String name = Engine.uniqueName("guarded");
        assertThat(cli().aws("table", "create", name, "--pk", "id:S", "--deletion-protection").code()).isZero();

        Result r = cli().aws("table", "delete", name, "--yes");
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).contains("has deletion protection enabled", "dynctl table update " + name + " --no-deletion-protection");
        assertThat(exists(name)).isTrue();

        assertThat(cli().aws("table", "update", name, "--no-deletion-protection").code()).isZero();
        assertThat(cli().aws("table", "delete", name, "--yes").code()).isZero();
        assertThat(exists(name)).isFalse();
    }

    @Test
    void aMissingTableIsNotFound() {
        String name = rawTable("present");
        Result r = cli().aws("table", "delete", name + "x", "--yes");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("Table '" + name + "x' not found", "'" + name + "'");
    }

    @Test
    void helpHasExamples() {
        assertThat(cli().run("table", "delete", "--help").out()).contains("Examples:", "--yes");
    }
}
