package dev.dynctl.cli.table;

import static dev.dynctl.table.TableTestSupport.tree;
import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.dynamo.TableReplicasStub;
import dev.dynctl.table.TableTestSupport;
import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import dev.dynctl.testing.MotoServer;
import dev.dynctl.testing.RecordingProxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** --max-rcu/--max-wcu (OnDemandThroughput), seen by a recording proxy in front of moto (which ignores them). */
class OnDemandMaximumTest {
    @Test
    void updateSendsOnlyTheMaximumsGiven() {
        String name = Engine.uniqueName("maxrcu");
        assertThat(cli().aws("table", "create", name, "--pk", "id:S").code()).isZero();
        try (RecordingProxy proxy = new RecordingProxy(MotoServer.get().endpoint())) {
            Result r = proxy.run("table", "update", name, "--max-rcu", "1000");
            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.err()).contains("set on-demand maximums (reads 1000/s)");
            Result both = proxy.run("table", "update", name, "--max-rcu", "-1", "--max-wcu", "200");
            assertThat(both.code()).as(both.toString()).isZero();
            assertThat(proxy.bodies("UpdateTable")).containsExactly(
                    tree("{\"TableName\":\"" + name + "\",\"OnDemandThroughput\":{\"MaxReadRequestUnits\":1000}}"),
                    tree("{\"TableName\":\"" + name + "\",\"OnDemandThroughput\":{\"MaxReadRequestUnits\":-1,\"MaxWriteRequestUnits\":200}}"));
        }
    }

    /** A table that never had a maximum has none in DescribeTable: -1 (none) asks for what it has, and nothing is sent. */
    @Test
    void noMaximumOnAnUncappedTableSendsNothing() {
        String name = Engine.uniqueName("maxrcu");
        assertThat(cli().aws("table", "create", name, "--pk", "id:S").code()).isZero();
        assertThat(TableTestSupport.describe(name).onDemandThroughput()).as("moto leaves it out, as AWS does for an uncapped table").isNull();
        try (RecordingProxy proxy = new RecordingProxy(MotoServer.get().endpoint())) {
            Result r = proxy.run("table", "update", name, "--max-rcu", "-1", "--max-wcu", "-1");

            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.err()).contains("Nothing to change");
            assertThat(proxy.writes()).isEmpty();
        }
    }

    /** A maximum the table has (DescribeTable's OnDemandThroughput, as AWS answers it) is not sent again. */
    @Test
    void theMaximumTheTableHasIsNotSentAgain() {
        try (TableReplicasStub stub = new TableReplicasStub("orders", 1)) {
            List<String> args = new ArrayList<>(List.of("table", "update", "orders", "--max-wcu", "-1"));
            args.addAll(stub.target());

            Result r = cli().run(args.toArray(String[]::new));

            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.err()).contains("Nothing to change");
            assertThat(stub.updates()).isEmpty();
        }
    }

    @Test
    void switchingToOnDemandSendsTheMaximumAfterTheSwitch() {
        String name = Engine.uniqueName("maxrcu");
        assertThat(cli().aws("table", "create", name, "--pk", "id:S", "--rcu", "5", "--wcu", "5").code()).isZero();
        try (RecordingProxy proxy = new RecordingProxy(MotoServer.get().endpoint())) {
            Result r = proxy.run("table", "update", name, "--billing", "on-demand", "--max-wcu", "50");
            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(proxy.bodies("UpdateTable")).containsExactly(
                    tree("{\"TableName\":\"" + name + "\",\"BillingMode\":\"PAY_PER_REQUEST\"}"),
                    tree("{\"TableName\":\"" + name + "\",\"OnDemandThroughput\":{\"MaxWriteRequestUnits\":50}}"));
        }
    }

    @Test
    void aProvisionedTableTakesNoMaximum() {
        String name = Engine.uniqueName("maxrcu");
        assertThat(cli().aws("table", "create", name, "--pk", "id:S", "--rcu", "5", "--wcu", "5").code()).isZero();
        try (RecordingProxy proxy = new RecordingProxy(MotoServer.get().endpoint())) {
            Result r = proxy.run("table", "update", name, "--max-rcu", "100");
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("--max-rcu caps the request units of an on-demand table, and table '" + name
                    + "' is provisioned.", "Pass --billing on-demand as well");
            assertThat(proxy.writes()).isEmpty();
        }

        Result create = cli().aws("table", "create", Engine.uniqueName("maxrcu"), "--pk", "id:S", "--rcu", "5", "--wcu", "5",
                "--max-wcu", "10");
        assertThat(create.code()).isEqualTo(2);
        assertThat(create.err()).contains("--max-wcu caps the request units of an on-demand table, and the new table is provisioned.");

        Result zero = cli().aws("table", "update", name, "--max-wcu", "0");
        assertThat(zero.code()).isEqualTo(2);
        assertThat(zero.err()).contains("Bad --max-wcu 0");
    }
}
