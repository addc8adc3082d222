package dev.dynctl.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.testing.Cli;
import dev.dynctl.testing.Engine;
import dev.dynctl.testing.StubEndpoint;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class TableCatalogTest {
    private static final String TABLE = Engine.uniqueName("catalog");

    @BeforeAll
    static void table() {
        assertThat(Cli.cli().aws("table", "create", TABLE, "--pk", "customer:S", "--sk", "placed:N",
                "--gsi", "name=byStatus,pk=status:S,sk=placed:N", "--wait").code()).isZero();
        Engine.dynamo().putItem(b -> b.tableName(TABLE).item(Map.of("customer", AttributeValue.fromS("c1"),
                "placed", AttributeValue.fromN("1"), "status", AttributeValue.fromS("new"), "total", AttributeValue.fromN("9"))));
    }

    @Test
    void namesTablesIndexesKeysAndAttributesSeenInItems() {
        try (TableCatalog catalog = new TableCatalog(Engine::dynamo, Duration.ofMinutes(1), Duration.ofSeconds(10))) {
            assertThat(catalog.tables()).contains(TABLE);
            assertThat(catalog.indexes(TABLE)).containsExactly("byStatus");
            assertThat(catalog.keyAttributes(TABLE, null)).containsExactly("customer", "placed");
            assertThat(catalog.keyAttributes(TABLE, "byStatus")).containsExactly("status", "placed");
            assertThat(catalog.attributes(TABLE)).containsExactlyInAnyOrder("customer", "placed", "status", "total");
        }
    }

    @Test
    void keepsItsAnswersWhileTheyAreFreshOnly() {
        String later = Engine.uniqueName("catalog-later");
        try (TableCatalog kept = new TableCatalog(Engine::dynamo, Duration.ofMinutes(1), Duration.ofSeconds(10));
             TableCatalog fresh = new TableCatalog(Engine::dynamo, Duration.ZERO, Duration.ofSeconds(10))) {
            kept.tables();
            fresh.tables();
            assertThat(Cli.cli().aws("table", "create", later, "--pk", "id:S", "--wait").code()).isZero();
            assertThat(kept.tables()).doesNotContain(later);
            assertThat(fresh.tables()).contains(later);
        }
    }

    @Test
    void anEngineThatDoesNotAnswerGivesNoNamesAfterAShortWait() {
        CountDownLatch answer = new CountDownLatch(1);
        try (StubEndpoint stalled = StubEndpoint.start(operation -> {
            try {
                answer.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new StubEndpoint.Answer(500, "");
        })) {
            try (TableCatalog catalog = new TableCatalog(() -> client(stalled), Duration.ofMinutes(1), Duration.ofMillis(200))) {
                long start = System.nanoTime();
                assertThat(catalog.tables()).isEmpty();
                assertThat(catalog.attributes("orders")).isEmpty();
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            } finally {
                // the stub stops only when its requests are answered
                answer.countDown();
            }
        }
    }

    @Test
    void anEngineThatIsDownGivesNoNames() {
        try (TableCatalog catalog = new TableCatalog(() -> client("http://127.0.0.1:9"), Duration.ofMinutes(1), Duration.ofSeconds(10))) {
            assertThat(catalog.tables()).isEmpty();
            assertThat(catalog.indexes("orders")).isEmpty();
        }
    }

    private static DynamoDbClient client(StubEndpoint endpoint) {
        return client(endpoint.endpoint().toString());
    }

    private static DynamoDbClient client(String endpoint) {
        return DynamoDbClient.builder().endpointOverride(URI.create(endpoint)).region(Region.of(Cli.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .httpClient(UrlConnectionHttpClient.create())
                // a refused connection fails at once, so that the failure (not the wait) is what the test sees
                .overrideConfiguration(configuration -> configuration.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }
}
