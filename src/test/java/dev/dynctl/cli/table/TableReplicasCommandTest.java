package dev.dynctl.cli.table;

import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.codec.Json;
import dev.dynctl.dynamo.TableReplicasStub;
import dev.dynctl.table.TableTestSupport;
import dev.dynctl.testing.Cli.Result;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * `table replicas` and `table update --add-replica/--remove-replica` against a stub that answers
 * as DynamoDB does for a global table (moto ignores replicas): the listing, the waiting until
 * replicas are ACTIVE, and the preconditions checked before anything is sent.
 */
class TableReplicasCommandTest {
    private static final String KMS = "arn:aws:kms:eu-west-1:123456789012:key/abcd";

    private static Result run(TableReplicasStub stub, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(stub.target());
        return cli().run(all.toArray(String[]::new));
    }

    private static JsonNode json(Result result) throws IOException {
        assertThat(result.code()).as(result.toString()).isZero();
        return Json.MAPPER.readTree(result.out());
    }

    @Test
    void listsTheSourceRegionFirstThenEachReplica() throws IOException {
        try (TableReplicasStub stub = new TableReplicasStub("orders", 2)
                .withReplica("eu-west-1", "{\"KMSMasterKeyId\":\"" + KMS + "\",\"OnDemandThroughputOverride\":{\"MaxReadRequestUnits\":300},"
                        + "\"ReplicaTableClassSummary\":{\"TableClass\":\"STANDARD_INFREQUENT_ACCESS\"}}")
                .withReplica("ap-south-1", "{}")) {
            Result table = cli().width(200).run(concat(List.of("table", "replicas", "orders", "-o", "table"), stub.target()));
            assertThat(table.code()).as(table.toString()).isZero();
            List<String> lines = table.out().lines().toList();
            assertThat(lines.get(0)).startsWith("region").contains("role", "status", "class", "read", "write", "kmsKey");
            assertThat(lines.get(1)).startsWith("us-east-1").contains("source", "ACTIVE", "STANDARD", "on-demand");
            assertThat(lines.get(2)).startsWith("eu-west-1").contains("replica", "ACTIVE", "STANDARD_INFREQUENT_ACCESS",
                    "on-demand, max 300 (override)", KMS);
            assertThat(lines.get(3)).startsWith("ap-south-1");
            assertThat(table.err()).isEmpty();

            JsonNode doc = json(run(stub, "table", "replicas", "orders", "-o", "json"));
            assertThat(doc.path("table").asText()).isEqualTo("orders");
            assertThat(doc.path("sourceRegion").asText()).isEqualTo("us-east-1");
            assertThat(doc.path("regions")).extracting(r -> r.path("region").asText()).containsExactly("us-east-1", "eu-west-1", "ap-south-1");
            JsonNode ireland = doc.path("regions").get(1);
            assertThat(ireland.path("maxReadRequestUnits").asLong()).isEqualTo(300);
            assertThat(ireland.path("readOverride").asBoolean()).isTrue();
            assertThat(ireland.path("kmsKey").asText()).isEqualTo(KMS);
            assertThat(doc.path("regions").get(0).has("maxReadRequestUnits")).as("-1 is no maximum").isFalse();
        }
    }

    @Test
    void aTableWithoutReplicasSaysSo() throws IOException {
        try (TableReplicasStub stub = new TableReplicasStub("lonely", 2)) {
            Result r = run(stub, "table", "replicas", "lonely", "-o", "json");
            assertThat(json(r).path("regions")).hasSize(1);
            assertThat(r.err()).contains("Table 'lonely' has no replicas: it lives in us-east-1 only.",
                    "dynctl table update lonely --stream both --add-replica REGION");
        }
    }

    @Test
    void aMissingTableIsNotFound() {
        try (TableReplicasStub stub = new TableReplicasStub("orders", 2)) {
            Result r = run(stub, "table", "replicas", "ordres");
            assertThat(r.code()).isEqualTo(3);
            assertThat(r.err()).contains("Table 'ordres' not found", "Did you mean 'orders'?");
        }
    }

    @Test
    void addsReplicasOneAtATimeAndWaitsUntilEachIsActive() throws IOException {
        try (TableReplicasStub stub = new TableReplicasStub("orders", 3)) {
            Result r = run(stub, "table", "update", "orders", "--add-replica", "eu-west-1", "--add-replica", "AP-SOUTH-1",
                    "--wait", "-o", "json");
            JsonNode doc = json(r);
            assertThat(stub.violations()).as("each UpdateTable once the one before is ACTIVE").isEmpty();
            assertThat(stub.updates()).extracting(JsonNode::toString).containsExactly(
                    "{\"TableName\":\"orders\",\"ReplicaUpdates\":[{\"Create\":{\"RegionName\":\"eu-west-1\"}}]}",
                    "{\"TableName\":\"orders\",\"ReplicaUpdates\":[{\"Create\":{\"RegionName\":\"ap-south-1\"}}]}");
            assertThat(doc.path("replicas")).extracting(n -> n.path("region").asText() + " " + n.path("status").asText())
                    .containsExactly("eu-west-1 ACTIVE", "ap-south-1 ACTIVE");
            assertThat(r.err()).contains(
                    "Updating table 'orders': add replica eu-west-1 (1 of 2).",
                    "Waiting for table 'orders': table UPDATING, replica eu-west-1 CREATING (33%).",
                    "Updating table 'orders': add replica ap-south-1 (2 of 2).",
                    "Table 'orders': table ACTIVE, replica eu-west-1 ACTIVE, replica ap-south-1 ACTIVE.");
            assertThat(r.err().indexOf("replica eu-west-1 CREATING")).isLessThan(r.err().indexOf("add replica ap-south-1"));
        }
    }

    @Test
    void addingAReplicaThatIsThereIsANoteAndSendsNothing() {
        try (TableReplicasStub stub = new TableReplicasStub("orders", 2).withReplica("eu-west-1", "{}")) {
            Result r = run(stub, "table", "update", "orders", "--add-replica", "eu-west-1", "--wait", "-o", "json");
            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.err()).contains("Region eu-west-1 is already a replica of table 'orders' (ACTIVE).",
                    "Nothing to change: table 'orders' is already as asked.");
            assertThat(stub.updates()).isEmpty();
        }
    }

    @Test
    void removesAReplicaAndWaitsUntilItIsGone() throws IOException {
        try (TableReplicasStub stub = new TableReplicasStub("orders", 2).withReplica("eu-west-1", "{}").withReplica("ap-south-1", "{}")) {
            Result r = run(stub, "table", "update", "orders", "--remove-replica", "eu-west-1", "--wait", "-o", "json");
            JsonNode doc = json(r);
            assertThat(stub.updates()).extracting(JsonNode::toString)
                    .containsExactly("{\"TableName\":\"orders\",\"ReplicaUpdates\":[{\"Delete\":{\"RegionName\":\"eu-west-1\"}}]}");
            assertThat(doc.path("replicas")).extracting(n -> n.path("region").asText()).containsExactly("ap-south-1");
            assertThat(r.err()).contains("replica eu-west-1 DELETING");
        }
    }

    @Test
    void removingARegionThatIsNotAReplicaIsNotFoundAndNamesTheReplicas() {
        try (TableReplicasStub stub = new TableReplicasStub("orders", 2).withReplica("eu-west-1", "{}").withReplica("ap-south-1", "{}")) {
            Result r = run(stub, "table", "update", "orders", "--remove-replica", "us-west-2");
            assertThat(r.code()).isEqualTo(3);
            assertThat(r.err()).contains("Region us-west-2 is not a replica of table 'orders'; its replicas are eu-west-1, ap-south-1.");
            assertThat(stub.updates()).isEmpty();
        }
    }

    @Test
    void aReplicaNeedsTheStreamWithBothImagesOrAsksForIt() {
        try (TableReplicasStub stub = new TableReplicasStub("orders", 2).withStream("KEYS_ONLY")) {
            Result refused = run(stub, "table", "update", "orders", "--add-replica", "eu-west-1");
            assertThat(refused.code()).isEqualTo(2);
            assertThat(refused.err()).contains("needs the table's stream on with new and old images (NEW_AND_OLD_IMAGES)",
                    "table 'orders' has a stream of KEYS_ONLY", "Add --stream both to this update");
            assertThat(stub.updates()).isEmpty();

            Result fixed = run(stub, "table", "update", "orders", "--stream", "both", "--add-replica", "eu-west-1", "--wait");
            assertThat(fixed.code()).as(fixed.toString()).isZero();
            assertThat(stub.updates()).extracting(JsonNode::toString).containsExactly(
                    "{\"TableName\":\"orders\",\"StreamSpecification\":{\"StreamEnabled\":false}}",
                    "{\"TableName\":\"orders\",\"StreamSpecification\":{\"StreamEnabled\":true,\"StreamViewType\":\"NEW_AND_OLD_IMAGES\"}}",
                    "{\"TableName\":\"orders\",\"ReplicaUpdates\":[{\"Create\":{\"RegionName\":\"eu-west-1\"}}]}");
            assertThat(stub.violations()).isEmpty();
        }
    }

    @Test
    void regionMistakesAreUsageErrorsBeforeAnythingIsSent() {
        try (TableReplicasStub stub = new TableReplicasStub("orders", 2).withReplica("eu-west-1", "{}")) {
            Result typo = run(stub, "table", "update", "orders", "--add-replica", "eu-wst-1");
            assertThat(typo.code()).isEqualTo(2);
            assertThat(typo.err()).contains("Bad --add-replica 'eu-wst-1': no such region.", "Did you mean 'eu-west-1'");

            Result own = run(stub, "table", "update", "orders", "--add-replica", "us-east-1");
            assertThat(own.code()).isEqualTo(2);
            assertThat(own.err()).contains("us-east-1 is the region of table 'orders' itself");

            Result both = run(stub, "table", "update", "orders", "--add-replica", "ap-south-1", "--remove-replica", "ap-south-1");
            assertThat(both.code()).isEqualTo(2);
            assertThat(both.err()).contains("--add-replica and --remove-replica both name ap-south-1");
            assertThat(stub.updates()).isEmpty();
        }
    }

    @Test
    void aReplicaThatFailsFailsTheUpdateWithItsReason() {
        try (TableReplicasStub stub = new TableReplicasStub("orders", 2).failingIn("ap-east-1")) {
            Result r = run(stub, "table", "update", "orders", "--add-replica", "ap-east-1", "--wait");
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.err()).contains("The replica of table 'orders' in ap-east-1 is CREATION_FAILED: The region is not enabled",
                    "--remove-replica ap-east-1");
        }
    }

    /** `table wait` waits for a replica whose settings are changing, as for one being built. */
    @Test
    void tableWaitWaitsWhileAReplicaIsUpdating() {
        try (TableReplicasStub stub = new TableReplicasStub("orders", 2).withUpdatingReplica("eu-west-1")) {
            Result r = run(stub, "table", "wait", "orders", "-o", "json");

            // the first DescribeTable finds it UPDATING, the second ACTIVE: that one is shown
            assertThat(TableTestSupport.json(r).path("replicas")).singleElement()
                    .satisfies(replica -> assertThat(replica.path("status").asText()).isEqualTo("ACTIVE"));
            assertThat(stub.requests()).filteredOn(request -> request.operation().equals("DescribeTable")).hasSizeGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void waitingGivesUpAfterTheTimeoutNamingTheReplica() {
        try (TableReplicasStub stub = new TableReplicasStub("orders", 1000)) {
            Result r = run(stub, "table", "update", "orders", "--add-replica", "eu-west-1", "--timeout", "1s");
            assertThat(r.code()).isEqualTo(5);
            assertThat(r.err()).contains("Timed out after 1s waiting for table 'orders' to become ACTIVE (now table UPDATING, "
                    + "replica eu-west-1 CREATING");
        }
    }

    private static String[] concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all.toArray(String[]::new);
    }
}
