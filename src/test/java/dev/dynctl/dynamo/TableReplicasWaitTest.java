package dev.dynctl.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.testing.Cli;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ReplicaStatus;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** The waiter counts replicas: it waits while one is being built or removed, and stops at one that stays as it is. */
class TableReplicasWaitTest {
    private static DynamoDbClient client(TableReplicasStub stub) {
        return DynamoDbClient.builder().endpointOverride(stub.endpoint()).region(Region.of(Cli.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @Test
    void waitsWhileAReplicaIsCreatingAndReportsEachChange() throws InterruptedException {
        try (TableReplicasStub stub = new TableReplicasStub("orders", 2); DynamoDbClient dynamo = client(stub)) {
            dynamo.updateTable(b -> b.tableName("orders").replicaUpdates(u -> u.create(c -> c.regionName("eu-west-1"))));
            List<String> progress = new ArrayList<>();

            TableDescription table = new TableWaiter(dynamo, "the stub").untilActive("orders", Duration.ofSeconds(30), progress::add);

            assertThat(table.replicas()).singleElement().satisfies(r -> assertThat(r.replicaStatus()).isEqualTo(ReplicaStatus.ACTIVE));
            assertThat(progress).containsExactly(
                    "Waiting for table 'orders': table UPDATING, replica eu-west-1 CREATING (50%).",
                    "Table 'orders': table ACTIVE, replica eu-west-1 ACTIVE.");
        }
    }

    @Test
    void aReplicaThatWillNotChangeByItselfEndsTheWait() throws InterruptedException {
        try (TableReplicasStub stub = new TableReplicasStub("orders", 1).failingIn("ap-east-1"); DynamoDbClient dynamo = client(stub)) {
            dynamo.updateTable(b -> b.tableName("orders").replicaUpdates(u -> u.create(c -> c.regionName("ap-east-1"))));

            TableDescription table = new TableWaiter(dynamo, "the stub").untilActive("orders", Duration.ofSeconds(30));

            assertThat(table.replicas()).singleElement()
                    .satisfies(r -> assertThat(r.replicaStatus()).isEqualTo(ReplicaStatus.CREATION_FAILED));
        }
    }

    @Test
    void aSettledTableIsReportedByNoOne() throws InterruptedException {
        try (TableReplicasStub stub = new TableReplicasStub("orders", 2).withReplica("eu-west-1", "{}"); DynamoDbClient dynamo = client(stub)) {
            List<String> progress = new ArrayList<>();
            new TableWaiter(dynamo, "the stub").untilActive("orders", Duration.ofSeconds(30), progress::add);
            assertThat(progress).as("nothing to wait for, nothing said").isEmpty();
        }
    }
}
