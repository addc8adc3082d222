package dev.dynctl.bulk;

import static dev.dynctl.bulk.ImportTables.checksum;
import static dev.dynctl.bulk.ImportTables.items;
import static dev.dynctl.bulk.ImportTables.scanAll;
import static dev.dynctl.bulk.ImportTables.writeDdbJsonLines;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.cli.Dynctl;
import dev.dynctl.testing.Cli;
import dev.dynctl.testing.Engine;
import dev.dynctl.testing.MotoServer;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Ctrl-C (SIGINT) while a shell script imports: the import keeps its checkpoint and the script ends there. */
class ShellScriptInterruptTest {
    private static final int ITEMS = 2000;

    @TempDir
    Path folder;

    @Test
    void ctrlCStopsTheImportWithItsResumePointAndEndsTheScript() throws Exception {
        String table = ImportTables.create("shell-int");
        List<Map<String, AttributeValue>> items = items(ITEMS);
        Path file = folder.resolve("items.ddb.jsonl");
        writeDdbJsonLines(file, items);
        Path script = folder.resolve("load.sql");
        Files.writeString(script, """
                use %s
                import --from %s --concurrency 4 --rate-limit 500
                put {"id": "after-the-import"}
                """.formatted(table, file));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Dynctl.class.getName(),
                "--endpoint-url", MotoServer.get().endpoint().toString(), "--region", Cli.REGION, "shell", "-f", script.toString())
                .redirectOutput(folder.resolve("out.txt").toFile())
                .redirectError(folder.resolve("err.txt").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("AWS_ACCESS_KEY_ID", "testing");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "testing");
        Process shell = builder.start();

        CheckpointFile checkpoint = CheckpointFile.besides(file);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!(checkpoint.exists() && checkpoint.read().watermark() >= 200)) {
            assertThat(shell.isAlive()).as("the script is still importing").isTrue();
            assertThat(Instant.now()).isBefore(deadline);
            Thread.sleep(20);
        }
        assertThat(new ProcessBuilder("kill", "-INT", Long.toString(shell.pid())).start().waitFor()).isZero();
        assertThat(shell.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(folder.resolve("err.txt"));

        assertThat(shell.exitValue()).as(err).isEqualTo(130);
        assertThat(err).contains("Interrupted after writing", "--resume", "Interrupted at " + script + ":2")
                .doesNotContain("Exception");
        assertThat(Engine.dynamo().getItem(b -> b.tableName(table).key(Map.of("id", AttributeValue.fromS("after-the-import")))).item())
                .as("the statement after the interrupted one did not run").isEmpty();
        assertThat(checkpoint.read().watermark()).isGreaterThanOrEqualTo(200);

        Cli.Result resumed = Cli.cli().aws("table", "import", table, "--from", file.toString(), "--resume");
        assertThat(resumed.code()).as(resumed.toString()).isZero();
        List<Map<String, AttributeValue>> stored = scanAll(table);
        assertThat(stored).hasSize(ITEMS);
        assertThat(checksum(stored)).isEqualTo(checksum(items));
    }
}
