package dev.dynctl.cli.table;

import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.codec.Json;
import dev.dynctl.testing.Cli;
import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import dev.dynctl.testing.MotoServer;
import dev.dynctl.testing.RecordingProxy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What `table update --add-replica` sends, seen by a recording proxy in front of moto (which
 * accepts ReplicaUpdates and ignores them): one UpdateTable per region, the stream first when
 * asked for, nothing at all when a precondition fails.
 */
class TableReplicasRequestTest {
    static Result through(RecordingProxy proxy, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--endpoint-url", proxy.endpoint().toString(), "--region", Cli.REGION));
        return cli().run(all.toArray(String[]::new));
    }

    /** The bodies of the calls of this operation, as JSON trees (equal whatever the order of their fields). */
    static List<JsonNode> bodies(RecordingProxy proxy, String operation) {
        return proxy.calls().stream().filter(c -> c.operation().equals(operation)).map(c -> tree(c.body())).toList();
    }

    static JsonNode tree(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void sendsOneReplicaUpdatePerRegionAfterTheStream() {
        String name = Engine.uniqueName("global");
        assertThat(cli().aws("table", "create", name, "--pk", "id:S").code()).isZero();
        try (RecordingProxy proxy = new RecordingProxy(MotoServer.get().endpoint())) {
            Result r = through(proxy, "table", "update", name, "--stream", "both", "--add-replica", "eu-west-1",
                    "--add-replica", "ap-southeast-2", "-o", "json");
            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(bodies(proxy, "UpdateTable")).containsExactly(
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
            Result r = through(proxy, "table", "update", name, "--add-replica", "eu-west-1", "--table-class", "standard-ia");
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("table '" + name + "' has a stream of NEW_IMAGE", "--stream both");
            assertThat(proxy.writes()).isEmpty();
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
