package dev.dynctl.cli.table;

import static dev.dynctl.table.TableTestSupport.tree;
import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import dev.dynctl.testing.MotoServer;
import dev.dynctl.table.TableTestSupport;
import dev.dynctl.testing.RecordingProxy;
import org.junit.jupiter.api.Test;

/**
 * What `table update --add-replica` sends, seen by a recording proxy in front of moto (which
 * accepts ReplicaUpdates and ignores them): one UpdateTable per region, the stream first when
 * asked for, nothing at all when a precondition fails.
 */
class TableReplicasRequestTest {
    @Test
    void sendsOneReplicaUpdatePerRegionAfterTheStream() {
        String name = Engine.uniqueName("global");
        assertThat(cli().aws("table", "create", name, "--pk", "id:S").code()).isZero();
        try (RecordingProxy proxy = new RecordingProxy(MotoServer.get().endpoint())) {
            Result r = proxy.run("table", "update", name, "--stream", "both", "--add-replica", "eu-west-1",
                    "--add-replica", "ap-southeast-2", "-o", "json");
            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(proxy.bodies("UpdateTable")).containsExactly(
                    tree("{\"TableName\":\"" + name + "\",\"StreamSpecification\":{\"StreamEnabled\":true,"
                            + "\"StreamViewType\":\"NEW_AND_OLD_IMAGES\"}}"),
                    tree("{\"TableName\":\"" + name + "\",\"ReplicaUpdates\":[{\"Create\":{\"RegionName\":\"eu-west-1\"}}]}"),
                    tree("{\"TableName\":\"" + name + "\",\"ReplicaUpdates\":[{\"Create\":{\"RegionName\":\"ap-southeast-2\"}}]}"));
            assertThat(r.err()).contains("add replica eu-west-1 (2 of 3)", "add replica ap-southeast-2 (3 of 3)");
        }
    }

    @Test
    void withoutTheStreamNothingIsSent() {
        String name = Engine.uniqueName("global");
        assertThat(cli().aws("table", "create", name, "--pk", "id:S", "--stream", "new").code()).isZero();
        try (RecordingProxy proxy = new RecordingProxy(MotoServer.get().endpoint())) {
            Result r = proxy.run("table", "update", name, "--add-replica", "eu-west-1", "--table-class", "standard-ia");
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("table '" + name + "' has a stream of NEW_IMAGE", "--stream both");
            assertThat(proxy.writes()).isEmpty();
        }
    }

    /**
     * AWS takes a replica of a provisioned table only when its write capacity auto scales: refused
     * before the stream asked for in the same update is changed, with the command that scales it.
     */
    @Test
    void aProvisionedTableWhoseWritesDoNotScaleIsRefusedBeforeAnythingIsSent() {
        String name = Engine.uniqueName("global");
        assertThat(cli().aws("table", "create", name, "--pk", "id:S", "--rcu", "5", "--wcu", "5").code()).isZero();
        try (RecordingProxy proxy = new RecordingProxy(MotoServer.get().endpoint())) {
            Result r = proxy.run("table", "update", name, "--stream", "both", "--add-replica", "eu-west-1");

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("Table '" + name + "' is provisioned and its write capacity does not auto scale",
                    "dynctl table autoscale " + name + " --write --min 5 --max 10");
            assertThat(proxy.writes()).isEmpty();
            assertThat(TableTestSupport.describe(name).streamSpecification()).isNull();

            assertThat(cli().aws("table", "autoscale", name, "--write", "--min", "5", "--max", "10").code()).isZero();
            proxy.clear();
            Result scaled = proxy.run("table", "update", name, "--stream", "both", "--add-replica", "eu-west-1");

            assertThat(scaled.code()).as(scaled.toString()).isZero();
            assertThat(proxy.bodies("UpdateTable")).containsExactly(
                    tree("{\"TableName\":\"" + name + "\",\"StreamSpecification\":{\"StreamEnabled\":true,"
                            + "\"StreamViewType\":\"NEW_AND_OLD_IMAGES\"}}"),
                    tree("{\"TableName\":\"" + name + "\",\"ReplicaUpdates\":[{\"Create\":{\"RegionName\":\"eu-west-1\"}}]}"));
        }
    }

    /** Any region the SDK knows, and a new number after a known prefix, is taken; a prefix the SDK does not know is a typo. */
    @Test
    void regionsTheSdkKnowsAndNewNumbersOfKnownPrefixesAreTaken() {
        String name = Engine.uniqueName("global");
        assertThat(cli().aws("table", "create", name, "--pk", "id:S", "--stream", "both").code()).isZero();
        try (RecordingProxy proxy = new RecordingProxy(MotoServer.get().endpoint())) {
            Result r = proxy.run("table", "update", name, "--add-replica", "eusc-de-east-1", "--add-replica", "eu-west-9");

            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(proxy.bodies("UpdateTable")).extracting(body -> body.at("/ReplicaUpdates/0/Create/RegionName").asText())
                    .containsExactly("eusc-de-east-1", "eu-west-9");

            Result typo = proxy.run("table", "update", name, "--add-replica", "eu-wset-3");
            assertThat(typo.code()).isEqualTo(2);
            assertThat(typo.err()).contains("Bad --add-replica 'eu-wset-3': no such region.", "Did you mean 'eu-west-3'");
        }
    }

    @Test
    void anEngineThatIgnoresReplicasFailsTheWait() {
        String name = Engine.uniqueName("global");
        assertThat(cli().aws("table", "create", name, "--pk", "id:S", "--stream", "both").code()).isZero();
        Result r = cli().aws("table", "update", name, "--add-replica", "eu-west-1", "--wait");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("Table '" + name + "' has no replica in eu-west-1 after the update", "Engines other than AWS");
    }
}
