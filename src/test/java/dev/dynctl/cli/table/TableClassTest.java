package dev.dynctl.cli.table;

import static dev.dynctl.table.TableTestSupport.tree;
import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import dev.dynctl.testing.MotoServer;
import dev.dynctl.testing.RecordingProxy;
import org.junit.jupiter.api.Test;

/** --table-class on create and update, seen by a recording proxy in front of moto (which ignores the class). */
class TableClassTest {
    @Test
    void updateSendsTheClassInItsOwnRequest() {
        String name = Engine.uniqueName("tclass");
        assertThat(cli().aws("table", "create", name, "--pk", "id:S").code()).isZero();
        try (RecordingProxy proxy = new RecordingProxy(MotoServer.get().endpoint())) {
            Result r = proxy.run("table", "update", name, "--table-class", "standard-ia", "--pitr", "-o", "json");
            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(proxy.bodies("UpdateTable")).containsExactly(
                    tree("{\"TableName\":\"" + name + "\",\"TableClass\":\"STANDARD_INFREQUENT_ACCESS\"}"));
        }
    }

    @Test
    void theClassTheTableHasIsNotSentAgain() {
        String name = Engine.uniqueName("tclass");
        assertThat(cli().aws("table", "create", name, "--pk", "id:S").code()).isZero();
        try (RecordingProxy proxy = new RecordingProxy(MotoServer.get().endpoint())) {
            Result r = proxy.run("table", "update", name, "--table-class", "STANDARD");
            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.err()).contains("Nothing to change");
            assertThat(proxy.writes()).isEmpty();
        }
    }

    @Test
    void createSendsTheClassAndMaximumsInCreateTable() {
        String name = Engine.uniqueName("tclass");
        try (RecordingProxy proxy = new RecordingProxy(MotoServer.get().endpoint())) {
            Result r = proxy.run("table", "create", name, "--pk", "id:S", "--table-class", "standard-ia", "--max-wcu", "500");
            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(proxy.bodies("CreateTable")).singleElement().satisfies(body -> {
                assertThat(body.path("TableClass").asText()).isEqualTo("STANDARD_INFREQUENT_ACCESS");
                assertThat(body.path("OnDemandThroughput")).isEqualTo(tree("{\"MaxWriteRequestUnits\":500}"));
                assertThat(body.path("BillingMode").asText()).isEqualTo("PAY_PER_REQUEST");
            });
        }
    }

    @Test
    void aBadClassIsAUsageError() {
        Result r = cli().aws("table", "update", Engine.uniqueName("tclass"), "--table-class", "glacier");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Bad --table-class 'glacier': use one of standard, standard-ia.");
    }
}
