package dev.dynctl.table;

import static dev.dynctl.table.TableTestSupport.json;
import static dev.dynctl.table.TableTestSupport.rawTable;
import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import dev.dynctl.testing.MotoServer;
import org.junit.jupiter.api.Test;

class TableDescribeTest {
    @Test
    void describesKeysBillingIndexesStreamTtlPitrAndTags() {
        String name = Engine.uniqueName("described");
        assertThat(cli().aws("table", "create", name, "--pk", "customer:S", "--sk", "created:N",
                "--gsi", "name=byStatus,pk=status:S,projection=include:total", "--lsi", "name=byKind,sk=kind:S",
                "--rcu", "4", "--wcu", "2", "--stream", "keys", "--ttl", "expires", "--pitr", "--tag", "owner=ada").code()).isZero();

        JsonNode doc = json(cli().aws("table", "describe", name, "-o", "json"));

        assertThat(doc.path("name").asText()).isEqualTo(name);
        assertThat(doc.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(doc.path("arn").asText()).endsWith(":table/" + name);
        assertThat(doc.path("created").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(doc.path("partitionKey").toString()).isEqualTo("{\"name\":\"customer\",\"type\":\"S\"}");
        assertThat(doc.path("sortKey").toString()).isEqualTo("{\"name\":\"created\",\"type\":\"N\"}");
        assertThat(doc.path("attributes").path("status").asText()).isEqualTo("S");
        assertThat(doc.path("attributes").path("kind").asText()).isEqualTo("S");
        assertThat(doc.path("billing").path("mode").asText()).isEqualTo("PROVISIONED");
        assertThat(doc.path("billing").path("readCapacityUnits").asLong()).isEqualTo(4);
        assertThat(doc.path("billing").path("writeCapacityUnits").asLong()).isEqualTo(2);
        assertThat(doc.path("itemCount").asLong()).isZero();
        assertThat(doc.has("sizeBytes")).isTrue();

        JsonNode gsi = doc.path("globalIndexes").get(0);
        assertThat(gsi.path("name").asText()).isEqualTo("byStatus");
        assertThat(gsi.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(gsi.path("partitionKey").path("name").asText()).isEqualTo("status");
        assertThat(gsi.path("projection").toString()).isEqualTo("{\"type\":\"INCLUDE\",\"attributes\":[\"total\"]}");
        assertThat(gsi.path("readCapacityUnits").asLong()).isEqualTo(4);
        JsonNode lsi = doc.path("localIndexes").get(0);
        assertThat(lsi.path("name").asText()).isEqualTo("byKind");
        assertThat(lsi.path("sortKey").path("name").asText()).isEqualTo("kind");
        assertThat(lsi.path("projection").path("type").asText()).isEqualTo("ALL");

        assertThat(doc.path("stream").path("enabled").asBoolean()).isTrue();
        assertThat(doc.path("stream").path("viewType").asText()).isEqualTo("KEYS_ONLY");
        assertThat(doc.path("stream").path("latestArn").asText()).contains(name + "/stream/");
        assertThat(doc.path("ttl").toString()).isEqualTo("{\"status\":\"ENABLED\",\"attribute\":\"expires\"}");
        assertThat(doc.path("pointInTimeRecovery").path("status").asText()).isEqualTo("ENABLED");
        assertThat(doc.path("deletionProtection").asBoolean()).isFalse();
        assertThat(doc.path("tags").toString()).isEqualTo("{\"owner\":\"ada\"}");
    }

    @Test
    void aPlainTableHasEmptyIndexesAndSettingsOff() {
        String name = rawTable("plain");
        JsonNode doc = json(cli().aws("table", "describe", name, "-o", "json"));
        assertThat(doc.has("sortKey")).isFalse();
        assertThat(doc.path("billing").toString()).isEqualTo("{\"mode\":\"PAY_PER_REQUEST\"}");
        assertThat(doc.path("globalIndexes").isEmpty()).isTrue();
        assertThat(doc.path("localIndexes").isEmpty()).isTrue();
        assertThat(doc.path("stream").path("enabled").asBoolean()).isFalse();
        assertThat(doc.path("ttl").path("status").asText()).isEqualTo("DISABLED");
        assertThat(doc.path("pointInTimeRecovery").path("status").asText()).isEqualTo("DISABLED");
        assertThat(doc.path("tags").isEmpty()).isTrue();
    }

    @Test
    void tableOutputShowsTheDocument() {
        String name = rawTable("readable");
        Result r = cli().aws("table", "describe", name, "-o", "table");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains(name, "ACTIVE", "PAY_PER_REQUEST");
    }

    @Test
    void aMissingTableIsNotFoundWithWhereAndANearName() {
        String name = rawTable("nearby");
        String typo = name.substring(0, name.length() - 1);
        Result r = cli().aws("table", "describe", typo);
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).contains("Table '" + typo + "' not found in endpoint " + MotoServer.get().endpoint(), "region us-east-1")
                .contains("Did you mean", "'" + name + "'")
                .doesNotContain("Exception");
    }

    @Test
    void helpHasExamples() {
        assertThat(cli().run("table", "describe", "--help").out()).contains("Examples:");
        assertThat(cli().run("table", "--help").out()).contains("Examples:", "list", "describe", "create", "update", "delete", "wait");
    }
}
