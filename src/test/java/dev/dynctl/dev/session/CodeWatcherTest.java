package dev.dynctl.dev.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The code watcher reports the roots whose code changed, once per burst, and never what tools
 * write beside the code. A change that must not be reported is followed by one in another root:
 * the watcher reads events in order, so once the second is reported the first was seen and passed over.
 */
class CodeWatcherTest {
    @TempDir
    Path temp;

    private Path a;
    private Path b;
    private final BlockingQueue<Set<Path>> reports = new LinkedBlockingQueue<>();
    private CodeWatcher watcher;

    @BeforeEach
    void roots() throws IOException {
        a = Files.createDirectories(temp.toRealPath().resolve("a"));
        b = Files.createDirectories(temp.toRealPath().resolve("b"));
    }

    @AfterEach
    void close() {
        if (watcher != null) {
            watcher.close();
        }
    }

    private void watch(List<Path> ignored, Duration quiet) throws IOException {
        watcher = CodeWatcher.start(List.of(a, b), ignored, quiet, reports::add);
    }

    private Set<Path> next() throws InterruptedException {
        Set<Path> report = reports.poll(30, TimeUnit.SECONDS);
        assertThat(report).as("a change reported within 30 s").isNotNull();
        return report;
    }

    @Test
    void aChangedFileReportsItsRoot() throws Exception {
        Files.writeString(a.resolve("index.mjs"), "export const handler = async () => 1;");
        watch(List.of(), Duration.ofMillis(100));

        Files.writeString(a.resolve("index.mjs"), "export const handler = async () => 2;");

        assertThat(next()).containsExactly(a);
    }

    @Test
    void aBurstOfWritesIsOneReport() throws Exception {
        watch(List.of(), Duration.ofMillis(500));

        for (int i = 0; i < 5; i++) {
            Files.writeString(a.resolve("f" + i + ".py"), "x = " + i);
        }
        Files.writeString(b.resolve("app.py"), "y = 1");

        assertThat(next()).containsExactlyInAnyOrder(a, b);
        Files.writeString(b.resolve("app.py"), "y = 2");
        assertThat(next()).as("nothing of the burst was left over").containsExactly(b);
    }

    @Test
    void aFolderMadeAfterTheStartIsWatchedToo() throws Exception {
        watch(List.of(), Duration.ofMillis(100));
        Path lib = Files.createDirectories(a.resolve("lib/deep"));
        assertThat(next()).containsExactly(a);

        Files.writeString(lib.resolve("util.py"), "z = 1");

        assertThat(next()).containsExactly(a);
    }

    @Test
    void whatToolsWriteBesideTheCodeIsNoChange() throws Exception {
        Files.writeString(a.resolve("pom.xml"), "<project/>");
        Files.createDirectories(a.resolve("target/classes"));
        Files.createDirectories(a.resolve("node_modules/.cache"));
        Files.createDirectories(a.resolve("node_modules/left-pad"));
        Files.createDirectories(a.resolve("__pycache__"));
        Files.createDirectories(a.resolve(".dynctl/backups"));
        Files.createDirectories(a.resolve("dist"));
        Files.createDirectories(a.resolve("sub"));
        watch(List.of(a.resolve("dist")), Duration.ofMillis(100));

        Files.writeString(a.resolve("target/classes/Handler.class"), "cafebabe");
        Files.writeString(a.resolve("target/items.jar"), "jar");
        Files.writeString(a.resolve("node_modules/.cache/x"), "cache");
        Files.writeString(a.resolve("__pycache__/app.cpython-312.pyc"), "pyc");
        Files.createDirectories(a.resolve("sub/__pycache__"));
        Files.writeString(a.resolve(".dynctl/backups/t.jsonl.gz"), "backup");
        Files.writeString(a.resolve("dist/index.js"), "built");
        Files.writeString(a.resolve(".index.mjs.swp"), "swap");
        Files.writeString(a.resolve("index.mjs~"), "backup");
        Files.writeString(b.resolve("app.py"), "y = 1");

        assertThat(next()).containsExactly(b);

        Files.writeString(a.resolve("node_modules/left-pad/index.js"), "module.exports = 1;");
        assertThat(next()).as("a package's code is code").containsExactly(a);
    }

    @Test
    void aTargetFolderWithoutAPomIsCode() throws Exception {
        Files.createDirectories(a.resolve("target"));
        watch(List.of(), Duration.ofMillis(100));

        Files.writeString(a.resolve("target/aim.py"), "x = 1");

        assertThat(next()).containsExactly(a);
    }
}
