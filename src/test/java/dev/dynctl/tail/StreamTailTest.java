package dev.dynctl.tail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.testing.Cli;
import dev.dynctl.testing.Engine;
import dev.dynctl.testing.MotoServer;
import dev.dynctl.testing.RecordingProxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** The service itself, polling fast: many rounds of idle polls, writes and new listings of the stream in a second or two. */
class StreamTailTest {
    private static final StreamPolling QUICK = new StreamPolling(Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(50));

    @Test
    void eachWriteMadeAfterTheTailWentIdleIsPrintedOnceAndTheStreamIsListedAgainMeanwhile() throws Exception {
        String table = Engine.uniqueName("tail-svc");
        Engine.dynamo().createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
        try (RecordingProxy proxy = new RecordingProxy(MotoServer.get().endpoint());
             DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder().endpointOverride(proxy.endpoint())
                     .region(Region.of(Cli.REGION)).httpClient(UrlConnectionHttpClient.create())
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"))).build()) {
            StreamTail tail = new StreamTail(Engine.dynamo(), streams, "moto", QUICK);
            LinkedBlockingQueue<ChangeRecord> printed = new LinkedBlockingQueue<>();
            StreamTail.Request request = new StreamTail.Request(tail.source(table), StreamStart.TRIM_HORIZON, new TailEnd(true, null, 8L),
                    null, null);
            CompletableFuture<StreamTail.Result> run = CompletableFuture.supplyAsync(() -> tail.run(request, printed::add, warning -> { }));

            List<String> seen = new ArrayList<>();
            for (int n = 0; n < 8; n++) {
                int value = n;
                Engine.dynamo().putItem(b -> b.tableName(table).item(Map.of("id", AttributeValue.fromS("k"),
                        "n", AttributeValue.fromN(Integer.toString(value)))));
                // the next write waits until this one is printed, and so comes while the tail follows
                ChangeRecord change = printed.poll(30, TimeUnit.SECONDS);
                assertThat(change).as("write %d was never printed", n).isNotNull();
                seen.add(change.newImage().get("n").n());
            }

            StreamTail.Result result = run.get(30, TimeUnit.SECONDS);
            assertThat(result.printed()).isEqualTo(8);
            assertThat(result.interrupted()).isFalse();
            assertThat(seen).containsExactly("0", "1", "2", "3", "4", "5", "6", "7");
            assertThat(printed).isEmpty();
            assertThat(proxy.calls().stream().filter(call -> call.operation().equals("DescribeStream")).count()).isGreaterThan(1);
        }
    }

    @Test
    void aFollowWaitsOutThrottlingAndANetworkFailureAndMissesNothing() throws Exception {
        String table = Engine.uniqueName("tail-retry");
        Engine.dynamo().createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
        try (RecordingProxy proxy = new RecordingProxy(MotoServer.get().endpoint());
             // no retries of the SDK's: what the tail sees is what the SDK sees once its retries are spent
             DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder().endpointOverride(proxy.endpoint())
                     .region(Region.of(Cli.REGION)).httpClient(UrlConnectionHttpClient.create())
                     .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"))).build()) {
            StreamTail tail = new StreamTail(Engine.dynamo(), streams, "moto", QUICK);
            LinkedBlockingQueue<ChangeRecord> printed = new LinkedBlockingQueue<>();
            StreamTail.Request request = new StreamTail.Request(tail.source(table), StreamStart.TRIM_HORIZON, new TailEnd(true, null, 3L),
                    null, null);
            CompletableFuture<StreamTail.Result> run = CompletableFuture.supplyAsync(() -> tail.run(request, printed::add, warning -> { }));

            put(table, "0");
            assertThat(printed.poll(30, TimeUnit.SECONDS)).as("the first write was never printed").isNotNull();
            // DynamoDB Streams' throttling, then AWS failing on its side
            proxy.failOnce(call -> call.operation().equals("GetRecords"), 400, "LimitExceededException", "Rate exceeded for shard");
            proxy.failOnce(call -> call.operation().equals("GetRecords"), 500, "InternalServerError", "Internal error");
            put(table, "1");
            put(table, "2");

            StreamTail.Result result = run.get(30, TimeUnit.SECONDS);
            assertThat(result.printed()).isEqualTo(3);
            assertThat(printed).extracting(change -> change.newImage().get("n").n()).containsExactly("1", "2");
        }
    }

    private static void put(String table, String n) {
        Engine.dynamo().putItem(b -> b.tableName(table).item(Map.of("id", AttributeValue.fromS("k"), "n", AttributeValue.fromN(n))));
    }
}
