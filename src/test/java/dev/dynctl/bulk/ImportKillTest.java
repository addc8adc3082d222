package dev.dynctl.bulk;

import static dev.dynctl.bulk.ImportTables.checksum;
import static dev.dynctl.bulk.ImportTables.items;
import static dev.dynctl.bulk.ImportTables.scanAll;
import static dev.dynctl.bulk.ImportTables.writeDdbJsonLines;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.cli.Dynctl;
import dev.dynctl.testing.Cli;
import dev.dynctl.testing.MotoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Imports in a separate process, killed (SIGKILL) or interrupted (SIGINT) part-way: resuming must
 * leave exactly the input in the table, each item once.
 */
class ImportKillTest {
    private static final int ITEMS = 4000;
    private static final Duration LIMIT = Duration.ofSeconds(90);

    @TempDir
    Path folder;

    private Process start(String table, Path file, String... extra) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Dynctl.class.getName(),
                // paced, so that the checkpoint (saved about once a second) passes each kill point well before the end
                "table", "import", table, "--from", file.toString(), "--concurrency", "4", "--rate-limit", "500",
                "--endpoint-url", MotoServer.get().endpoint().toString(), "--region", Cli.REGION, "-o", "json"));
        command.addAll(List.of(extra));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(folder.resolve("out.txt").toFile())
                .redirectError(folder.resolve("err.txt").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().put("AWS_ACCESS_KEY_ID", "testing");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "testing");
        return builder.start();
    }

    /** Waits until the process's checkpoint says at least {@code watermark} items are in. */
    private void awaitWatermark(Process process, CheckpointFile checkpoint, long watermark) throws Exception {
        Instant deadline = Instant.now().plus(LIMIT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("the import ended before item " + watermark + ": exit " + process.exitValue() + "\n" + err());
            }
            if (checkpoint.exists() && checkpoint.read().watermark() >= watermark) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the checkpoint did not reach " + watermark + " in " + LIMIT);
    }

    private int finish(Process process) throws Exception {
        assertThat(process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)).as("the import ended").isTrue();
        return process.exitValue();
    }

    private String err() throws IOException {
        return Files.readString(folder.resolve("err.txt"));
    }

    @Test
    void killedThreeTimesThenResumedTheTableHoldsEachItemOnce() throws Exception {
        String table = ImportTables.create("import-kill");
        List<Map<String, AttributeValue>> items = items(ITEMS);
        Path file = folder.resolve("items.ddb.jsonl");
        writeDdbJsonLines(file, items);
        CheckpointFile checkpoint = CheckpointFile.besides(file);
        long reached = 0;
        for (int kill = 0; kill < 3; kill++) {
            // somewhere in the first three quarters, each run further than the last, well before the end
            // (a checkpoint read after the kill can be a second's writes past the point)
            long point = Math.max(reached + 25, kill * ITEMS / 4 + ThreadLocalRandom.current().nextLong(50, ITEMS * 7 / 40));
            Process process = kill == 0 ? start(table, file) : start(table, file, "--resume");
            awaitWatermark(process, checkpoint, point);
            process.destroyForcibly();
            finish(process);
            reached = checkpoint.read().watermark();
            assertThat(reached).isGreaterThanOrEqualTo(point);
        }
        Process last = start(table, file, "--resume");
        assertThat(finish(last)).as(err()).isZero();
        assertThat(Files.readString(folder.resolve("out.txt"))).contains("\"skipped\": " + reached);
        List<Map<String, AttributeValue>> stored = scanAll(table);
        assertThat(stored).hasSize(ITEMS);
        assertThat(checksum(stored)).isEqualTo(checksum(items));
        assertThat(checkpoint.exists()).isFalse();
    }

    @Test
    void ctrlCStopsWithACheckpointAndExit130ThenResumeCompletes() throws Exception {
        String table = ImportTables.create("import-int");
        List<Map<String, AttributeValue>> items = items(ITEMS / 2);
        Path file = folder.resolve("items.ddb.jsonl");
        writeDdbJsonLines(file, items);
        CheckpointFile checkpoint = CheckpointFile.besides(file);
        Process process = start(table, file);
        awaitWatermark(process, checkpoint, 200);
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start();
        assertThat(kill.waitFor()).isZero();
        assertThat(finish(process)).as(err()).isEqualTo(130);
        assertThat(err()).contains("Interrupted after writing").contains("--resume");
        long watermark = checkpoint.read().watermark();
        assertThat(watermark).isGreaterThanOrEqualTo(200);
        assertThat(scanAll(table).size()).isGreaterThanOrEqualTo((int) watermark);

        Process resumed = start(table, file, "--resume");
        assertThat(finish(resumed)).as(err()).isZero();
        List<Map<String, AttributeValue>> stored = scanAll(table);
        assertThat(stored).hasSize(ITEMS / 2);
        assertThat(checksum(stored)).isEqualTo(checksum(items));
        assertThat(checkpoint.exists()).isFalse();
    }
}
