package dev.dynctl.cli.tail;

import static dev.dynctl.cli.tail.StreamTables.inThread;
import static dev.dynctl.cli.tail.StreamTables.put;
import static dev.dynctl.cli.tail.StreamTables.result;
import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.codec.Json;
import dev.dynctl.testing.Cli;
import dev.dynctl.testing.Engine;
import dev.dynctl.testing.MotoServer;
import dev.dynctl.testing.RecordingProxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** --checkpoint: a tail run again with the same file goes on exactly after the last change printed. */
class TailTableCheckpointTest {
    @TempDir
    Path folder;

    /** The ids of the changes a json tail printed, in order. */
    private static List<String> ids(Cli.Result r) {
        assertThat(r.code()).as(r.toString()).isZero();
        return r.out().lines().map(line -> {
            try {
                JsonNode change = Json.MAPPER.readTree(line);
                JsonNode item = change.get("new").isNull() ? change.get("keys") : change.get("new");
                return item.get("id").asText() + (item.has("n") ? "=" + item.get("n").asText() : "");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList();
    }

    @Test
    void aRestartGoesOnExactlyAfterTheLastChangePrintedAndReplaysNothing() throws Exception {
        String table = StreamTables.create(StreamViewType.NEW_AND_OLD_IMAGES);
        for (int i = 1; i <= 5; i++) {
            put(table, "{\"id\": \"i" + i + "\"}");
        }
        String checkpoint = folder.resolve("orders.tail").toString();

        assertThat(ids(cli().aws("tail", "table", table, "--checkpoint", checkpoint, "--max", "3", "--format", "json")))
                .containsExactly("i1", "i2", "i3");
        JsonNode saved = Json.MAPPER.readTree(Path.of(checkpoint).toFile());
        assertThat(saved.get("table").asText()).isEqualTo(table);
        assertThat(saved.get("streamArn").asText())
                .isEqualTo(Engine.dynamo().describeTable(b -> b.tableName(table)).table().latestStreamArn());
        assertThat(saved.get("shards")).hasSize(1);
        assertThat(Files.getPosixFilePermissions(Path.of(checkpoint))).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(folder.resolve("orders.tail.tmp")).doesNotExist();

        put(table, "{\"id\": \"i6\"}");
        put(table, "{\"id\": \"i7\"}");
        assertThat(ids(cli().aws("tail", "table", table, "--checkpoint", checkpoint, "--format", "json")))
                .containsExactly("i4", "i5", "i6", "i7");
        assertThat(ids(cli().aws("tail", "table", table, "--checkpoint", checkpoint, "--format", "json"))).isEmpty();
    }

    @Test
    void aFollowStoppedAndStartedAgainLosesNothingWrittenWhileItWasNotRunning() throws Exception {
        String table = StreamTables.create(StreamViewType.NEW_AND_OLD_IMAGES);
        put(table, "{\"id\": \"before\"}");
        String checkpoint = folder.resolve("follow.tail").toString();
        // from now on: write until the first run has its three
        CompletableFuture<Cli.Result> first = inThread(() -> cli().aws("tail", "table", table, "--follow", "--max", "3",
                "--checkpoint", checkpoint, "--format", "json"));
        AtomicBoolean running = new AtomicBoolean(true);
        first.whenComplete((r, e) -> running.set(false));
        int n = 0;
        while (running.get() && n < 2000) {
            put(table, "{\"id\": \"k\", \"n\": " + n++ + "}");
        }
        List<String> printed = new ArrayList<>(ids(result(first)));
        assertThat(printed).hasSize(3);
        // written while no tail ran
        put(table, "{\"id\": \"k\", \"n\": " + n++ + "}");

        List<String> rest = ids(cli().aws("tail", "table", table, "--checkpoint", checkpoint, "--format", "json"));
        int firstN = Integer.parseInt(printed.get(0).substring("k=".length()));
        List<String> expected = new ArrayList<>();
        for (int i = firstN; i < n; i++) {
            expected.add("k=" + i);
        }
        printed.addAll(rest);
        assertThat(printed).as("every write from the first printed on, once").isEqualTo(expected);
    }

    @Test
    void aTailThatBeganAtTheLatestChangeAndPrintedNothingGoesOnFromWhereItBegan() throws Exception {
        String table = StreamTables.create(StreamViewType.NEW_AND_OLD_IMAGES);
        put(table, "{\"id\": \"old\"}");
        // DynamoDB stamps changes to the second, and the tail takes those of the second before it began too: the change
        // above must be stamped over a second before the tail begins
        StreamTables.awaitClockPast(StreamTables.stamps(table).get(0).plusSeconds(2));
        String checkpoint = folder.resolve("latest.tail").toString();
        Cli.Result first = cli().aws("tail", "table", table, "--follow", "--until", "1s", "--checkpoint", checkpoint);
        assertThat(first.code()).as(first.toString()).isZero();
        assertThat(first.out()).isEmpty();
        assertThat(Json.MAPPER.readTree(Path.of(checkpoint).toFile()).get("shards").elements().next().has("since")).isTrue();

        put(table, "{\"id\": \"new\"}");

        assertThat(ids(cli().aws("tail", "table", table, "--checkpoint", checkpoint, "--format", "json"))).containsExactly("new");
    }

    @Test
    void aSecondTailOnTheSameCheckpointAtTheSameTimeIsExit2() throws Exception {
        String table = StreamTables.create(StreamViewType.NEW_AND_OLD_IMAGES);
        Path checkpoint = folder.resolve("busy.tail");
        try (RecordingProxy proxy = new RecordingProxy(MotoServer.get().endpoint())) {
            CompletableFuture<Cli.Result> first = inThread(() -> cli().run("tail", "table", table, "--follow", "--max", "1",
                    "--checkpoint", checkpoint.toString(), "--format", "json", "--endpoint-url", proxy.endpoint().toString(),
                    "--region", Cli.REGION));
            // it holds the checkpoint once it reads
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (proxy.calls().stream().noneMatch(call -> call.operation().equals("GetRecords"))) {
                assertThat(first).as("the first tail ended early").isNotDone();
                assertThat(System.nanoTime()).as("the first tail never read").isLessThan(deadline);
                Thread.sleep(10);
            }
            String before = Files.readString(checkpoint);

            Cli.Result second = cli().aws("tail", "table", table, "--checkpoint", checkpoint.toString());

            assertThat(second.code()).as(second.toString()).isEqualTo(2);
            assertThat(second.out()).isEmpty();
            assertThat(second.err()).isEqualTo("Error: The checkpoint " + checkpoint + " is in use by another dynctl tail (it holds "
                    + checkpoint + ".lock).\nHint: Let that one end first, or pass another --checkpoint file.\n");
            assertThat(Files.readString(checkpoint)).isEqualTo(before);

            put(table, "{\"id\": \"a\"}");
            assertThat(ids(result(first))).containsExactly("a");
            // once the first is over, the file is free
            assertThat(ids(cli().aws("tail", "table", table, "--checkpoint", checkpoint.toString(), "--format", "json"))).isEmpty();
        }
    }

    @Test
    void aCheckpointOfAnotherTableIsExit2AndNothingIsPrinted() throws Exception {
        String first = StreamTables.create(StreamViewType.NEW_AND_OLD_IMAGES);
        String second = StreamTables.create(StreamViewType.NEW_AND_OLD_IMAGES);
        put(first, "{\"id\": \"a\"}");
        put(second, "{\"id\": \"b\"}");
        Path checkpoint = folder.resolve("first.tail");
        assertThat(cli().aws("tail", "table", first, "--checkpoint", checkpoint.toString()).code()).isZero();
        String before = Files.readString(checkpoint);

        Cli.Result r = cli().aws("tail", "table", second, "--checkpoint", checkpoint.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("The checkpoint " + checkpoint + " is not for the stream of table " + second + ": it is for table "
                + first + ", not " + second, "Hint: Pass another --checkpoint file, or delete this one to start over.");
        assertThat(Files.readString(checkpoint)).isEqualTo(before);
    }

    @Test
    void aCheckpointOfAnEarlierStreamOfTheTableIsExit2() throws Exception {
        String table = StreamTables.create(StreamViewType.NEW_AND_OLD_IMAGES);
        put(table, "{\"id\": \"a\"}");
        Path checkpoint = folder.resolve("t.tail");
        assertThat(cli().aws("tail", "table", table, "--checkpoint", checkpoint.toString()).code()).isZero();
        // moto cannot turn a stream off and on again (which gives it a new label, and so a new ARN): the
        // checkpoint is made to name the table's stream of an earlier day instead
        String arn = Engine.dynamo().describeTable(b -> b.tableName(table)).table().latestStreamArn();
        String earlier = arn.substring(0, arn.lastIndexOf("/stream/")) + "/stream/2020-01-01T00:00:00.000";
        Files.writeString(checkpoint, Files.readString(checkpoint).replace(arn, earlier));

        Cli.Result r = cli().aws("tail", "table", table, "--checkpoint", checkpoint.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("it is for the stream " + earlier + ", and the table's stream now is " + arn
                + " (turned off and on again since, or in another region or account)");
    }

    @Test
    void aCheckpointInAFolderThatDoesNotExistIsExit2BeforeAnythingIsPrinted() {
        String table = StreamTables.create(StreamViewType.NEW_AND_OLD_IMAGES);
        put(table, "{\"id\": \"a\"}");
        put(table, "{\"id\": \"b\"}");
        Path missing = folder.resolve("nodir");
        Path checkpoint = missing.resolve("x.tail");

        Cli.Result r = cli().aws("tail", "table", table, "--checkpoint", checkpoint.toString(), "--max", "2");

        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("Error: Cannot keep the checkpoint " + checkpoint + ": folder " + missing + " does not exist.\n"
                + "Hint: Make it (mkdir -p " + missing + "), or pass another --checkpoint file.\n");
        assertThat(missing).doesNotExist();

        // nor is anything asked of the engine: not even whether the table exists
        Cli.Result noTable = cli().aws("tail", "table", "no-such-table", "--checkpoint", checkpoint.toString());
        assertThat(noTable.code()).isEqualTo(2);
        assertThat(noTable.err()).contains("folder " + missing + " does not exist");
    }

    @Test
    void aFolderGivenAsTheCheckpointIsExit2SayingToPassAFile() {
        String table = StreamTables.create(StreamViewType.NEW_AND_OLD_IMAGES);
        put(table, "{\"id\": \"a\"}");

        Cli.Result r = cli().aws("tail", "table", table, "--checkpoint", folder.toString());

        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("Error: The checkpoint " + folder + " is a folder: --checkpoint takes a file.\n"
                + "Hint: Pass a file, e.g. --checkpoint " + folder.resolve("orders.tail") + ".\n");
    }

    @Test
    void aCheckpointInAFolderThatCannotBeWrittenIsExit2() throws Exception {
        String table = StreamTables.create(StreamViewType.NEW_AND_OLD_IMAGES);
        Path locked = Files.createDirectory(folder.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-x------"));
        // root writes anywhere: there is nothing to refuse then
        Assumptions.assumeFalse(Files.isWritable(locked), "the tests run as a user who may write anywhere");

        Cli.Result r = cli().aws("tail", "table", table, "--checkpoint", locked.resolve("x.tail").toString());

        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("folder " + locked + " cannot be written");
    }

    @Test
    void aFileThatIsNotACheckpointIsExit2() throws Exception {
        String table = StreamTables.create(StreamViewType.NEW_AND_OLD_IMAGES);
        Path notes = folder.resolve("notes.txt");
        Files.writeString(notes, "{\"hello\": 1}");

        Cli.Result r = cli().aws("tail", "table", table, "--checkpoint", notes.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Cannot read the checkpoint " + notes + ": it is not a checkpoint of dynctl tail table.");
    }

    @Test
    void changesTrimmedBeforeTheyWereReadAreAWarningAndTheTailGoesOnFromTheOldestKept() throws Exception {
        String table = StreamTables.create(StreamViewType.NEW_AND_OLD_IMAGES);
        put(table, "{\"id\": \"a\"}");
        Path checkpoint = folder.resolve("trim.tail");
        assertThat(cli().aws("tail", "table", table, "--checkpoint", checkpoint.toString()).code()).isZero();
        put(table, "{\"id\": \"b\"}");

        try (RecordingProxy proxy = new RecordingProxy(MotoServer.get().endpoint())) {
            // what DynamoDB answers for a sequence number older than the 24 hours it keeps
            proxy.failOnce(call -> call.operation().equals("GetShardIterator"), 400, "TrimmedDataAccessException",
                    "The operation attempted to read past the oldest stream record in a shard.");
            Cli.Result r = cli().run("tail", "table", table, "--checkpoint", checkpoint.toString(), "--format", "json",
                    "--endpoint-url", proxy.endpoint().toString(), "--region", Cli.REGION);

            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.err()).startsWith("Warning: the changes of shard ").contains(" hours ago) were trimmed before they were read "
                    + "(DynamoDB keeps a stream's changes for 24 hours), and some were lost. Going on from the oldest change kept.");
            // moto trims nothing: the oldest kept is the first
            assertThat(ids(r)).containsExactly("a", "b");
        }
    }

    @Test
    void anIteratorThatExpiredIsReplacedWithoutLosingOrRepeatingAChange() throws Exception {
        String table = StreamTables.create(StreamViewType.NEW_AND_OLD_IMAGES);
        put(table, "{\"id\": \"a\"}");
        Path checkpoint = folder.resolve("expired.tail");
        assertThat(ids(cli().aws("tail", "table", table, "--checkpoint", checkpoint.toString(), "--format", "json")))
                .containsExactly("a");
        put(table, "{\"id\": \"b\"}");
        put(table, "{\"id\": \"c\"}");

        try (RecordingProxy proxy = new RecordingProxy(MotoServer.get().endpoint())) {
            proxy.failOnce(call -> call.operation().equals("GetRecords"), 400, "ExpiredIteratorException", "Iterator expired.");
            Cli.Result r = cli().run("tail", "table", table, "--checkpoint", checkpoint.toString(), "--format", "json",
                    "--endpoint-url", proxy.endpoint().toString(), "--region", Cli.REGION);

            assertThat(ids(r)).containsExactly("b", "c");
            assertThat(r.err()).isEmpty();
            assertThat(proxy.calls().stream().filter(call -> call.operation().equals("GetShardIterator")).count()).isEqualTo(2);
        }
    }
}
