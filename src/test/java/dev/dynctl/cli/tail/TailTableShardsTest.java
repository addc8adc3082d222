package dev.dynctl.cli.tail;

import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.codec.Json;
import dev.dynctl.testing.Cli;
import dev.dynctl.testing.StubEndpoint;
import dev.dynctl.testing.StubEndpoint.Answer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What moto cannot show of a stream, from a stub that answers DynamoDB Streams as AWS does: a
 * shard that splits (a closed parent and its child), empty pages amid changes, a call that is
 * under way when Ctrl-C comes, more open shards than the tail reads at once.
 */
class TailTableShardsTest {
    private static final String TABLE = "orders";
    private static final String ARN = "arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/2026-05-01T00:00:00.000";
    /** An hour before the test: changes made long before any tail began. */
    private static final long AN_HOUR_AGO = Instant.now().minusSeconds(3600).getEpochSecond();

    @TempDir
    Path folder;

    @Test
    void withoutFollowEmptyPagesAmidChangesEndNeitherAClosedParentNorAnOpenChild() {
        FakeStream stream = new FakeStream();
        // AWS may answer a page with nothing and a next iterator while changes still follow
        stream.shard("shardId-parent", null, true, List.of(), List.of(change("101", "a")), List.of());
        stream.shard("shardId-child", "shardId-parent", false, List.of(), List.of(change("201", "b")));

        try (StubEndpoint stub = StubEndpoint.start(stream::answer)) {
            Cli.Result r = tail(stub, "--format", "json");

            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.out().lines().map(line -> json(line).get("keys").get("id").asText()).toList()).containsExactly("a", "b");
            assertThat(r.err()).isEmpty();
        }
    }

    @Test
    void ctrlCWhileACallIsUnderWayIsExit130EvenWhenTheCallThenFails() throws Exception {
        CountDownLatch asked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        FakeStream stream = new FakeStream();
        stream.shard("shardId-1", null, false);
        StubEndpoint.Answer failure = new Answer(400, "{\"__type\": \"com.amazon.coral.validate#ValidationException\", "
                + "\"message\": \"cut short\"}");

        try (StubEndpoint stub = StubEndpoint.start((operation, body) -> {
            if (!operation.equals("GetRecords")) {
                return stream.answer(operation, body);
            }
            asked.countDown();
            await(release);
            return failure;
        })) {
            TailTableInterruptTest.CtrlC ctrlC = new TailTableInterruptTest.CtrlC();
            CompletableFuture<Cli.Result> run = CompletableFuture.supplyAsync(() -> ctrlC.run("tail", "table", TABLE,
                    "--follow", "--endpoint-url", stub.endpoint().toString(), "--region", Cli.REGION));
            assertThat(asked.await(30, TimeUnit.SECONDS)).as("the tail never asked for records").isTrue();
            ctrlC.pressHere();
            release.countDown();

            Cli.Result r = run.get(30, TimeUnit.SECONDS);
            assertThat(r.code()).as(r.toString()).isEqualTo(130);
            assertThat(r.err()).isEqualTo("Interrupted after 0 changes.\n");
        }
    }

    @Test
    void aShardNotYetReadWhenCtrlCCameIsNotReadFromItsOldestChangeOnARestart() throws Exception {
        // more open shards than the tail reads at once (8), each with a change made an hour ago
        FakeStream stream = new FakeStream();
        for (int i = 1; i <= 9; i++) {
            stream.shard("shardId-" + i, null, false, List.of(change("10" + i, "old" + i)));
        }
        CountDownLatch asked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Path checkpoint = folder.resolve("orders.tail");

        try (StubEndpoint stub = StubEndpoint.start((operation, body) -> {
            if (operation.equals("GetShardIterator")) {
                // the endpoint is slow: every reader is busy when Ctrl-C comes, and the ninth shard has not begun
                asked.countDown();
                await(release);
            }
            return stream.answer(operation, body);
        })) {
            TailTableInterruptTest.CtrlC ctrlC = new TailTableInterruptTest.CtrlC();
            CompletableFuture<Cli.Result> first = CompletableFuture.supplyAsync(() -> ctrlC.run("tail", "table", TABLE,
                    "--follow", "--checkpoint", checkpoint.toString(), "--endpoint-url", stub.endpoint().toString(),
                    "--region", Cli.REGION));
            assertThat(asked.await(30, TimeUnit.SECONDS)).as("the tail never asked for an iterator").isTrue();
            ctrlC.pressHere();
            release.countDown();
            Cli.Result stopped = first.get(30, TimeUnit.SECONDS);
            assertThat(stopped.code()).as(stopped.toString()).isEqualTo(130);
            JsonNode shards = Json.MAPPER.readTree(checkpoint.toFile()).get("shards");
            assertThat(shards).as("every shard begins where the tail began").hasSize(9);
            shards.forEach(shard -> assertThat(shard.has("since")).as(shard.toString()).isTrue());

            Cli.Result restart = tail(stub, "--checkpoint", checkpoint.toString(), "--format", "json");

            assertThat(restart.code()).as(restart.toString()).isZero();
            assertThat(restart.out()).as("changes made before the first run began").isEmpty();
        }
    }

    @Test
    void fromIsSaidToBeLeftOutWhenTheCheckpointSaysWhereToGoOn() {
        FakeStream stream = new FakeStream();
        stream.shard("shardId-1", null, false, List.of(change("101", "a")));
        Path checkpoint = folder.resolve("from.tail");

        try (StubEndpoint stub = StubEndpoint.start(stream::answer)) {
            assertThat(tail(stub, "--checkpoint", checkpoint.toString()).code()).isZero();

            Cli.Result again = tail(stub, "--checkpoint", checkpoint.toString(), "--from", "trim-horizon");

            assertThat(again.code()).as(again.toString()).isZero();
            assertThat(again.out()).isEmpty();
            assertThat(again.err()).isEqualTo("Warning: --from ignored: resuming from " + checkpoint.toAbsolutePath() + ".\n");
        }
    }

    private static Cli.Result tail(StubEndpoint stub, String... args) {
        List<String> all = new ArrayList<>(List.of("tail", "table", TABLE));
        all.addAll(List.of(args));
        all.addAll(List.of("--endpoint-url", stub.endpoint().toString(), "--region", Cli.REGION));
        return cli().run(all.toArray(String[]::new));
    }

    /** An INSERT of the item {id}, made an hour ago. */
    private static JsonNode change(String sequenceNumber, String id) {
        return json("{\"eventID\": \"e" + sequenceNumber + "\", \"eventName\": \"INSERT\", \"eventVersion\": \"1.1\", "
                + "\"eventSource\": \"aws:dynamodb\", \"awsRegion\": \"us-east-1\", \"dynamodb\": {\"ApproximateCreationDateTime\": "
                + AN_HOUR_AGO + ", \"Keys\": {\"id\": {\"S\": \"" + id + "\"}}, \"NewImage\": {\"id\": {\"S\": \"" + id + "\"}}, "
                + "\"SequenceNumber\": \"" + sequenceNumber + "\", \"SizeBytes\": 10, \"StreamViewType\": \"NEW_AND_OLD_IMAGES\"}}");
    }

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A table's stream as the stub answers it: shards, each a list of pages of records. An iterator
     * is "SHARD/PAGE"; a closed shard's last page has no next iterator; an open shard's pages go
     * on, empty, for ever. LATEST is past the pages there are; after a change, the page after its
     * own (a page holds one change where that matters).
     */
    private static final class FakeStream {
        private record Shard(String parent, boolean closed, List<List<JsonNode>> pages) {
        }

        private final Map<String, Shard> shards = new LinkedHashMap<>();

        @SafeVarargs
        final void shard(String id, String parent, boolean closed, List<JsonNode>... pages) {
            shards.put(id, new Shard(parent, closed, List.of(pages)));
        }

        Answer answer(String operation, String body) {
            JsonNode request = json(body.isEmpty() ? "{}" : body);
            ObjectNode answer = Json.MAPPER.createObjectNode();
            switch (operation) {
                case "DescribeTable" -> {
                    ObjectNode table = answer.putObject("Table");
                    table.put("TableName", TABLE).put("TableStatus", "ACTIVE").put("LatestStreamArn", ARN);
                    table.putArray("KeySchema").addObject().put("AttributeName", "id").put("KeyType", "HASH");
                    table.putArray("AttributeDefinitions").addObject().put("AttributeName", "id").put("AttributeType", "S");
                    table.putObject("StreamSpecification").put("StreamEnabled", true).put("StreamViewType", "NEW_AND_OLD_IMAGES");
                }
                case "DescribeStream" -> {
                    ObjectNode description = answer.putObject("StreamDescription");
                    description.put("StreamArn", ARN).put("StreamStatus", "ENABLED").put("StreamViewType", "NEW_AND_OLD_IMAGES")
                            .put("TableName", TABLE);
                    ArrayNode listed = description.putArray("Shards");
                    shards.forEach((id, shard) -> {
                        ObjectNode item = listed.addObject().put("ShardId", id);
                        if (shard.parent() != null) {
                            item.put("ParentShardId", shard.parent());
                        }
                        ObjectNode range = item.putObject("SequenceNumberRange").put("StartingSequenceNumber", "1");
                        if (shard.closed()) {
                            range.put("EndingSequenceNumber", "999");
                        }
                    });
                }
                case "GetShardIterator" -> {
                    String id = request.get("ShardId").asText();
                    answer.put("ShardIterator", id + "/" + firstPage(shards.get(id), request));
                }
                case "GetRecords" -> {
                    String[] iterator = request.get("ShardIterator").asText().split("/");
                    Shard shard = shards.get(iterator[0]);
                    int page = Integer.parseInt(iterator[1]);
                    ArrayNode records = answer.putArray("Records");
                    if (page < shard.pages().size()) {
                        records.addAll(shard.pages().get(page));
                    }
                    if (!shard.closed() || page + 1 < shard.pages().size()) {
                        answer.put("NextShardIterator", iterator[0] + "/" + (page + 1));
                    }
                }
                default -> {
                    return new Answer(400, "{\"__type\": \"com.amazon.coral.validate#ValidationException\", \"message\": \"unexpected "
                            + operation + "\"}");
                }
            }
            return new Answer(200, answer.toString());
        }

        /** Where an iterator of the request's type begins: the first page, past the last (LATEST), or the page after a change's. */
        private static int firstPage(Shard shard, JsonNode request) {
            return switch (request.get("ShardIteratorType").asText()) {
                case "LATEST" -> shard.pages().size();
                case "AFTER_SEQUENCE_NUMBER" -> {
                    String after = request.get("SequenceNumber").asText();
                    int page = 0;
                    while (page < shard.pages().size() && shard.pages().get(page).stream()
                            .noneMatch(record -> record.get("dynamodb").get("SequenceNumber").asText().equals(after))) {
                        page++;
                    }
                    yield page + 1;
                }
                default -> 0;
            };
        }
    }
}
