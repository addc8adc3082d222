package dev.dynctl.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.cli.Dynctl;
import dev.dynctl.codec.Json;
import dev.dynctl.testing.Cli;
import dev.dynctl.testing.Engine;
import dev.dynctl.testing.MotoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An export in a process of its own, interrupted (SIGINT) part-way: it stops, exits 130, says how
 * many items the file holds, writes no manifest, and leaves a file that reads to its end (here a
 * JSON array, closed).
 */
class ExportInterruptTest {
    private static final int ITEMS = 3000;

    @TempDir
    Path folder;

    @Test
    void ctrlCStopsWithAWellFormedPartialFileAndNoManifest() throws Exception {
        String table = Engine.uniqueName("export-int");
        List<String> lines = new ArrayList<>();
        String padding = "x".repeat(1000);
        for (int i = 0; i < ITEMS; i++) {
            lines.add("{\"id\": \"e" + i + "\", \"pad\": \"" + padding + "\"}");
        }
        Path items = folder.resolve("items.jsonl");
        Files.write(items, lines);
        assertThat(Cli.cli().aws("table", "import", table, "--from", items.toString(), "--create", "--pk", "id:S").code()).isZero();

        Path file = folder.resolve("export.json");
        // 3 MB in pages of 1 MB, read at a twentieth of a capacity unit a second: each page waits long for the one before
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Dynctl.class.getName(),
                "table", "export", table, "--to", file.toString(), "--segments", "1", "--rate-limit", "0.05",
                "--endpoint-url", MotoServer.get().endpoint().toString(), "--region", Cli.REGION)
                .redirectError(folder.resolve("err.txt").toFile())
                .redirectOutput(folder.resolve("out.txt").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().put("AWS_ACCESS_KEY_ID", "testing");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "testing");
        Process export = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!(Files.exists(file) && Files.size(file) > 0)) {
            assertThat(export.isAlive()).as("the export ended before Ctrl-C: %s", Files.readString(folder.resolve("err.txt"))).isTrue();
            assertThat(System.nanoTime()).as("the export wrote nothing").isLessThan(deadline);
            Thread.sleep(20);
        }
        assertThat(new ProcessBuilder("kill", "-INT", Long.toString(export.pid())).start().waitFor()).isZero();
        assertThat(export.waitFor(60, TimeUnit.SECONDS)).isTrue();

        String err = Files.readString(folder.resolve("err.txt"));
        assertThat(export.exitValue()).as(err).isEqualTo(130);
        assertThat(err).startsWith("Interrupted: " + file + " holds the first ").contains("(no manifest)", "Run the export again")
                .doesNotContain("\tat ");
        // a JSON array: it reads only if the export closed it
        long written = Json.MAPPER.readTree(file.toFile()).size();
        assertThat(written).isPositive().isLessThan(ITEMS);
        assertThat(err).contains("the first " + written + " items");
        assertThat(folder.resolve("export.json.manifest.json")).doesNotExist();
    }
}
