package dev.dynctl.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynctl.testing.FaultProxy.Fault;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

class FaultProxyTest {
    private static String table;

    @BeforeAll
    static void table() {
        table = Engine.uniqueName("proxied");
        Engine.dynamo().createTable(b -> b.tableName(table)
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .billingMode(BillingMode.PAY_PER_REQUEST));
    }

    @Test
    void withoutFaultsEveryRequestReachesTheEngine() {
        try (FaultProxy proxy = FaultProxy.to(MotoServer.get().endpoint()).share(0).start();
             DynamoDbClient client = client(proxy.endpoint())) {
            assertThat(client.listTables(b -> b.limit(1)).tableNames()).hasSize(1);
            assertThat(client.describeTable(b -> b.tableName(table)).table().tableName()).isEqualTo(table);
            assertThat(proxy.requests()).isEqualTo(2);
            assertThat(proxy.injectedTotal()).isZero();
        }
    }

    @Test
    void serverErrorIsAnHttp500InternalServerError() {
        try (FaultProxy proxy = FaultProxy.to(MotoServer.get().endpoint()).share(1).faults(Fault.SERVER_ERROR).start();
             DynamoDbClient client = client(proxy.endpoint())) {
            assertThatThrownBy(client::listTables).isInstanceOfSatisfying(DynamoDbException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(500);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalServerError");
            });
            assertThat(proxy.injected(Fault.SERVER_ERROR)).isEqualTo(1);
        }
    }

    @Test
    void throttlingAnswersAreOnesTheSdkKnowsAsThrottling() {
        try (FaultProxy proxy = FaultProxy.to(MotoServer.get().endpoint()).share(1).faults(Fault.THROTTLING).start();
             DynamoDbClient client = client(proxy.endpoint())) {
            assertThatThrownBy(client::listTables).isInstanceOfSatisfying(DynamoDbException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(400);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
                assertThat(e.isThrottlingException()).isTrue();
            });
        }
        try (FaultProxy proxy = FaultProxy.to(MotoServer.get().endpoint()).share(1).faults(Fault.THROUGHPUT_EXCEEDED).start();
             DynamoDbClient client = client(proxy.endpoint())) {
            assertThatThrownBy(() -> client.getItem(b -> b.tableName(table).key(key("x"))))
                    .isInstanceOf(ProvisionedThroughputExceededException.class);
            assertThat(proxy.injected(Fault.THROUGHPUT_EXCEEDED)).isEqualTo(1);
        }
    }

    @Test
    void unprocessedItemsAreExactlyTheWritesThatWereNotMade() {
        try (FaultProxy proxy = FaultProxy.to(MotoServer.get().endpoint()).share(1).seed(3)
                .faults(Fault.UNPROCESSED_ITEMS).start();
             DynamoDbClient client = client(proxy.endpoint())) {
            List<WriteRequest> writes = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                String id = "batch-" + i;
                writes.add(WriteRequest.builder().putRequest(p -> p.item(item(id))).build());
            }
            BatchWriteItemResponse response = client.batchWriteItem(b -> b.requestItems(Map.of(table, writes)));

            List<WriteRequest> unprocessed = response.unprocessedItems().getOrDefault(table, List.of());
            assertThat(unprocessed).isNotEmpty().isSubsetOf(writes);
            Set<String> written = ids(writes);
            written.removeAll(ids(unprocessed));
            written.forEach(id -> assertThat(present(id)).as("%s was written", id).isTrue());
            ids(unprocessed).forEach(id -> assertThat(present(id)).as("%s is unprocessed and absent", id).isFalse());
            assertThat(proxy.injected(Fault.UNPROCESSED_ITEMS)).isEqualTo(1);

            Engine.dynamo().batchWriteItem(b -> b.requestItems(Map.of(table, unprocessed)));
            ids(writes).forEach(id -> assertThat(present(id)).as("%s written when sent again", id).isTrue());
        }
    }

    @Test
    void onlyTheNamedOperationsGetFaults() {
        try (FaultProxy proxy = FaultProxy.to(MotoServer.get().endpoint()).share(1).faults(Fault.SERVER_ERROR)
                .only("BatchWriteItem").start();
             DynamoDbClient client = client(proxy.endpoint())) {
            assertThat(client.describeTable(b -> b.tableName(table)).table().tableName()).isEqualTo(table);
            client.putItem(b -> b.tableName(table).item(item("single")));
            assertThat(proxy.injectedTotal()).isZero();
            assertThatThrownBy(() -> client.batchWriteItem(b -> b.requestItems(Map.of(table,
                    List.of(WriteRequest.builder().putRequest(p -> p.item(item("only"))).build())))))
                    .isInstanceOf(DynamoDbException.class);
            assertThat(proxy.injectedTotal()).isEqualTo(1);
        }
    }

    @Test
    void theSameSeedGivesTheSameFaults() {
        assertThat(faultsSeen(11)).isEqualTo(faultsSeen(11));
    }

    /** The faults a fixed sequence of 40 requests got, by kind. */
    private static Map<Fault, Long> faultsSeen(long seed) {
        try (FaultProxy proxy = FaultProxy.to(MotoServer.get().endpoint()).share(0.5).seed(seed)
                .faults(Fault.SERVER_ERROR, Fault.THROTTLING).start();
             DynamoDbClient client = client(proxy.endpoint())) {
            for (int i = 0; i < 40; i++) {
                try {
                    client.describeTable(b -> b.tableName(table));
                } catch (DynamoDbException expected) {
                    // an injected fault
                }
            }
            Map<Fault, Long> seen = new HashMap<>();
            for (Fault fault : Fault.values()) {
                seen.put(fault, proxy.injected(fault));
            }
            assertThat(proxy.injectedTotal()).isBetween(5L, 35L);
            return seen;
        }
    }

    private static boolean present(String id) {
        return Engine.dynamo().getItem(b -> b.tableName(table).key(key(id))).hasItem();
    }

    private static Set<String> ids(List<WriteRequest> writes) {
        return writes.stream().map(w -> w.putRequest().item().get("id").s()).collect(Collectors.toSet());
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of("id", AttributeValue.fromS(id));
    }

    private static Map<String, AttributeValue> item(String id) {
        return Map.of("id", AttributeValue.fromS(id), "payload", AttributeValue.fromS("x".repeat(100)));
    }

    /** An SDK client through the proxy that does not retry, so each fault reaches the test. */
    private static DynamoDbClient client(URI endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(Cli.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }
}
