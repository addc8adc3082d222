package dev.dynctl.table;

import static dev.dynctl.table.TableTestSupport.json;
import static dev.dynctl.table.TableTestSupport.rawTable;
import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import org.junit.jupiter.api.Test;

class TableWaitTest {
    @Test
    void waitsUntilActive() {
        String name = rawTable("active");
        JsonNode doc = json(cli().aws("table", "wait", name, "-o", "json"));
        assertThat(doc.path("name").asText()).isEqualTo(name);
        assertThat(doc.path("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void waitsUntilDeleted() {
        String name = rawTable("gone");
        Engine.dynamo().deleteTable(b -> b.tableName(name));
        JsonNode doc = json(cli().aws("table", "wait", name, "--until", "deleted", "-o", "json"));
        assertThat(doc.path("status").asText()).isEqualTo("DELETED");
    }

    @Test
    void aTimeoutExitsWithFive() {
        String name = rawTable("lingering");
        Result r = cli().aws("table", "wait", name, "--until", "deleted", "--timeout", "1s");
        assertThat(r.code()).as(r.toString()).isEqualTo(5);
        assertThat(r.err()).contains("Timed out after 1s waiting for table '" + name + "' to be deleted", "table ACTIVE");
    }

    @Test
    void aMissingTableIsNotFound() {
        Result r = cli().aws("table", "wait", Engine.uniqueName("never"));
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("not found in endpoint");
    }

    @Test
    void badDurationsAndStatesAreUsageErrors() {
        Result duration = cli().aws("table", "wait", "whatever", "--timeout", "soon");
        assertThat(duration.code()).isEqualTo(2);
        assertThat(duration.err()).contains("'soon' is not a duration");

        Result state = cli().aws("table", "wait", "whatever", "--until", "happy");
        assertThat(state.code()).isEqualTo(2);
        assertThat(state.err()).contains("Invalid value for option '--until': 'happy' is not one of active, deleted.")
                .doesNotContain("ACTIVE, DELETED");
    }

    @Test
    void untilIsReadAsTypedInAnyCase() {
        String name = rawTable("until");
        assertThat(cli().aws("table", "wait", name, "--until", "active").code()).isZero();
        assertThat(cli().aws("table", "wait", name, "--until", "ACTIVE").code()).isZero();
        Engine.dynamo().deleteTable(b -> b.tableName(name));
        assertThat(cli().aws("table", "wait", name, "--until", "Deleted").code()).isZero();
    }

    @Test
    void durationsReadAsTyped() {
        String name = rawTable("durations");
        for (String timeout : new String[] {"90", "45s", "2m", "1h30m", "PT5M"}) {
            assertThat(cli().aws("table", "wait", name, "--timeout", timeout).code()).as(timeout).isZero();
        }
    }

    @Test
    void createAndDeleteCanWait() {
        String name = Engine.uniqueName("waited");
        JsonNode created = json(cli().aws("table", "create", name, "--pk", "id:S", "--gsi", "name=byEmail,pk=email:S",
                "--timeout", "30s", "-o", "json"));
        assertThat(created.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(created.path("globalIndexes").get(0).path("status").asText()).isEqualTo("ACTIVE");
        assertThat(cli().aws("table", "delete", name, "--yes", "--wait").code()).isZero();
        assertThat(TableTestSupport.exists(name)).isFalse();
    }

    @Test
    void helpHasExamples() {
        assertThat(cli().run("table", "wait", "--help").out()).contains("Examples:", "[--until=active|deleted]", "--timeout")
                .doesNotContain("ACTIVE, DELETED");
        assertThat(cli().run("table", "create", "--help").out()).contains("Examples:", "name=NAME", "projection=");
    }
}
