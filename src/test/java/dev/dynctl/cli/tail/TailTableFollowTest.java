package dev.dynctl.cli.tail;

import static dev.dynctl.cli.tail.StreamTables.delete;
import static dev.dynctl.cli.tail.StreamTables.inThread;
import static dev.dynctl.cli.tail.StreamTables.put;
import static dev.dynctl.cli.tail.StreamTables.result;
import static dev.dynctl.cli.tail.StreamTables.timeless;
import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.codec.Json;
import dev.dynctl.testing.Cli;
import dev.dynctl.testing.Engine;
import dev.dynctl.testing.MotoServer;
import dev.dynctl.testing.RecordingProxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** tail table --follow: writes made while it runs appear once each, in order, with their diffs. */
class TailTableFollowTest {
    /** The first three of six changes to three keys. */
    private static void writeFirstChanges(String table) {
        put(table, "{\"id\": \"u1\", \"name\": \"Ada\", \"nick\": \"a\", \"tags\": {\"$set\": [\"x\"]}}");
        put(table, "{\"id\": \"u2\", \"name\": \"Bob\"}");
        Engine.dynamo().updateItem(b -> b.tableName(table).key(Map.of("id", AttributeValue.fromS("u1")))
                .updateExpression("SET #n = :n, age = :a REMOVE nick")
                .expressionAttributeNames(Map.of("#n", "name"))
                .expressionAttributeValues(Map.of(":n", AttributeValue.fromS("Eve"), ":a", AttributeValue.fromN("36"))));
    }

    /** The last three. */
    private static void writeLastChanges(String table) {
        delete(table, "u2");
        put(table, "{\"id\": \"u1\", \"name\": \"Eve\", \"age\": 37, \"tags\": {\"$set\": [\"x\"]}}");
        put(table, "{\"id\": \"u3\", \"score\": 1.5}");
    }

    /**
     * Runs a tail through a proxy that counts its GetRecords: three changes are there when it
     * begins, the other three are written once it has read the first and asked again (and heard
     * nothing), so that they come while it follows.
     */
    private static Cli.Result followSixChanges(String table, String... format) throws Exception {
        writeFirstChanges(table);
        try (RecordingProxy proxy = new RecordingProxy(MotoServer.get().endpoint())) {
            List<String> args = new ArrayList<>(List.of("tail", "table", table, "--follow", "--from", "trim-horizon", "--max", "6",
                    "--endpoint-url", proxy.endpoint().toString(), "--region", Cli.REGION));
            args.addAll(List.of(format));
            CompletableFuture<Cli.Result> tail = inThread(() -> cli().run(args.toArray(String[]::new)));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (proxy.calls().stream().filter(call -> call.operation().equals("GetRecords")).count() < 2) {
                assertThat(tail).as("the tail ended early").isNotDone();
                assertThat(System.nanoTime()).as("the tail never polled twice").isLessThan(deadline);
                Thread.sleep(10);
            }
            writeLastChanges(table);
            return result(tail);
        }
    }

    @Test
    void writesMadeWhileFollowingAppearOnceInOrderWithTheirDiffs() throws Exception {
        String table = StreamTables.create(StreamViewType.NEW_AND_OLD_IMAGES);
        Cli.Result r = followSixChanges(table);
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).matches("(?s)\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d  INSERT.*");
        assertThat(timeless(r.out())).isEqualTo("""
                TIME  INSERT  id=u1  {"id":"u1","name":"Ada","nick":"a","tags":{"$set":["x"]}}
                TIME  INSERT  id=u2  {"id":"u2","name":"Bob"}
                TIME  MODIFY  id=u1
                  +age: 36
                  name: "Ada" → "Eve"
                  -nick: "a"
                TIME  REMOVE  id=u2  {"id":"u2","name":"Bob"}
                TIME  MODIFY  id=u1
                  age: 36 → 37
                TIME  INSERT  id=u3  {"id":"u3","score":1.5}
                """);
        assertThat(r.err()).isEmpty();
    }

    @Test
    void jsonLinesCarryEventKeysImagesAndTheChangedAttributes() throws Exception {
        String table = StreamTables.create(StreamViewType.NEW_AND_OLD_IMAGES);
        Cli.Result r = followSixChanges(table, "--format", "json");
        assertThat(r.code()).as(r.toString()).isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : r.out().split("\n")) {
            lines.add(Json.MAPPER.readTree(line));
        }
        assertThat(lines).extracting(l -> l.get("event").asText())
                .containsExactly("INSERT", "INSERT", "MODIFY", "REMOVE", "MODIFY", "INSERT");
        assertThat(lines).extracting(l -> l.get("keys").toString())
                .containsExactly("{\"id\":\"u1\"}", "{\"id\":\"u2\"}", "{\"id\":\"u1\"}", "{\"id\":\"u2\"}", "{\"id\":\"u1\"}",
                        "{\"id\":\"u3\"}");
        JsonNode modify = lines.get(2);
        assertThat(modify.fieldNames()).toIterable().containsExactly("event", "time", "sequenceNumber", "keys", "old", "new", "changed");
        assertThat(modify.get("old").toString()).isEqualTo("{\"id\":\"u1\",\"name\":\"Ada\",\"nick\":\"a\",\"tags\":{\"$set\":[\"x\"]}}");
        assertThat(modify.get("new").get("age").decimalValue()).isEqualByComparingTo("36");
        assertThat(modify.get("changed").toString()).isEqualTo("[\"age\",\"name\",\"nick\"]");
        assertThat(lines.get(0).get("old").isNull()).isTrue();
        assertThat(lines.get(0).get("changed").toString()).isEqualTo("[\"id\",\"name\",\"nick\",\"tags\"]");
        assertThat(lines.get(3).get("new").isNull()).isTrue();
        assertThat(lines.get(4).get("changed").toString()).isEqualTo("[\"age\"]");
        assertThat(lines.get(5).get("new").get("score").decimalValue()).isEqualByComparingTo("1.5");
        // sequence numbers grow, and the times are ISO-8601 instants
        for (int i = 1; i < lines.size(); i++) {
            assertThat(new java.math.BigInteger(lines.get(i).get("sequenceNumber").asText()))
                    .isGreaterThan(new java.math.BigInteger(lines.get(i - 1).get("sequenceNumber").asText()));
        }
        assertThat(java.time.Instant.parse(lines.get(0).get("time").asText())).isBefore(java.time.Instant.now().plusSeconds(1));
    }

    @Test
    void followingFromNowPrintsAnUnbrokenRunOfTheWritesMadeMeanwhile() throws Exception {
        String table = StreamTables.create(StreamViewType.NEW_AND_OLD_IMAGES);
        put(table, "{\"id\": \"before\"}");
        CompletableFuture<Cli.Result> tail = inThread(() -> cli().aws("tail", "table", table, "--follow", "--max", "5", "-o", "json"));
        // the tail begins at the latest change at a moment the test cannot see: write until it has its five
        AtomicBoolean writing = new AtomicBoolean(true);
        tail.whenComplete((r, e) -> writing.set(false));
        int written = 0;
        while (writing.get() && written < 2000) {
            put(table, "{\"id\": \"k\", \"n\": " + written++ + "}");
        }

        Cli.Result r = result(tail);
        assertThat(r.code()).as(r.toString()).isZero();
        List<Integer> seen = new ArrayList<>();
        for (String line : r.out().split("\n")) {
            JsonNode change = Json.MAPPER.readTree(line);
            assertThat(change.get("keys").get("id").asText()).isEqualTo("k");
            seen.add(change.get("new").get("n").asInt());
        }
        assertThat(seen).hasSize(5);
        for (int i = 1; i < seen.size(); i++) {
            assertThat(seen.get(i)).as("one after the other, none lost or twice: %s", seen).isEqualTo(seen.get(0) + i);
        }
    }

    @Test
    void untilEndsAFollowThatSeesNothing() throws Exception {
        String table = StreamTables.create(StreamViewType.NEW_AND_OLD_IMAGES);
        put(table, "{\"id\": \"old\"}");

        Cli.Result r = cli().aws("tail", "table", table, "--follow", "--until", "1s");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).isEmpty();
    }

    @Test
    void untilLeavesOutTheChangesStampedAfterIt() throws Exception {
        String table = StreamTables.create(StreamViewType.NEW_AND_OLD_IMAGES);
        put(table, "{\"id\": \"a\"}");
        put(table, "{\"id\": \"b\"}");
        // the engine may stamp to the millisecond or (as DynamoDB) to the second: --until is the last moment of b's second,
        // and the next change is made once the clock is past it
        java.time.Instant until = StreamTables.stamps(table).get(1).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusMillis(999);
        StreamTables.awaitClockPast(until);
        put(table, "{\"id\": \"after\"}");

        Cli.Result r = cli().aws("tail", "table", table, "--follow", "--from", "trim-horizon", "--until", until.toString(), "-o", "json");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out().lines().map(l -> l.replaceAll(".*\"keys\":\\{\"id\":\"(\\w+)\".*", "$1")).toList())
                .containsExactly("a", "b");
    }
}
