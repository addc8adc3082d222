package dev.dynctl.cli.tail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.codec.AttributeCodec;
import dev.dynctl.codec.Json;
import dev.dynctl.testing.Cli;
import dev.dynctl.testing.Engine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** Tables with streams on moto, written behind dynctl's back, and tails run in a thread of their own. */
final class StreamTables {
    private StreamTables() {
    }

    /** A new table keyed by id (a string), its stream recording {@code view}. */
    static String create(StreamViewType view) {
        String table = Engine.uniqueName("tail");
        Engine.dynamo().createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(view)));
        return table;
    }

    /** Puts an item given in plain JSON. */
    static void put(String table, String json) {
        Engine.dynamo().putItem(b -> b.tableName(table).item(item(json)));
    }

    static void delete(String table, String id) {
        Engine.dynamo().deleteItem(b -> b.tableName(table).key(Map.of("id", AttributeValue.fromS(id))));
    }

    static Map<String, AttributeValue> item(String json) {
        try {
            return AttributeCodec.fromJson(Json.MAPPER.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A dynctl run started in a thread, as a tail that follows must be, while the test writes. */
    static CompletableFuture<Cli.Result> inThread(Supplier<Cli.Result> run) {
        return CompletableFuture.supplyAsync(run);
    }

    /** The run's result, which must come within a generous time: a tail that does not end is a failure, not a hang. */
    static Cli.Result result(CompletableFuture<Cli.Result> run) throws Exception {
        Cli.Result result = run.get(60, TimeUnit.SECONDS);
        assertThat(result.err()).doesNotContain("\tat ");
        return result;
    }

    /** The diff format with each line's time (local, to the second) made "TIME", so that texts can be compared. */
    static String timeless(String text) {
        return text.replaceAll("(?m)^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d  ", "TIME  ");
    }

    /** When the table's changes were made, as its stream stamps them (DynamoDB: to the second), oldest first; one shard. */
    static List<Instant> stamps(String table) {
        String arn = Engine.dynamo().describeTable(b -> b.tableName(table)).table().latestStreamArn();
        String shard = Engine.dynamoStreams().describeStream(b -> b.streamArn(arn)).streamDescription().shards().get(0).shardId();
        String iterator = Engine.dynamoStreams().getShardIterator(b -> b.streamArn(arn).shardId(shard)
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        return Engine.dynamoStreams().getRecords(b -> b.shardIterator(iterator)).records().stream()
                .map(record -> record.dynamodb().approximateCreationDateTime())
                .toList();
    }

    /** Waits for the clock to pass {@code moment}: what a test needs when the engine stamps changes to the second. */
    static void awaitClockPast(Instant moment) throws InterruptedException {
        assertThat(moment).as("a moment within a few seconds").isBefore(Instant.now().plusSeconds(10));
        while (!Instant.now().isAfter(moment)) {
            Thread.sleep(10);
        }
    }
}
