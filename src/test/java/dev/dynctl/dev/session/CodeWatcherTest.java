package dev.dynctl.dev.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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

    /**
     * Writes {@code file} until a report comes: what comes while the watcher still handles the
     * last report (a rebuild) is not a change, and the test cannot see when that is over.
     */
    private Set<Path> writeUntilReported(Path file, String content) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            Files.writeString(file, content);
            Set<Path> report = reports.poll(1, TimeUnit.SECONDS);
            if (report != null) {
                return report;
            }
            assertThat(System.nanoTime()).as("no report of " + file).isLessThan(deadline);
        }
    }

    @Test
    void aChangedFileReportsItsRoot() throws Exception {
        Files.writeString(a.resolve("index.mjs"), "export const handler = async () => 1;");
        watch(List.of(), Duration.ofMillis(100));

        Files.writeString(a.resolve("index.mjs"), "export const handler = async () => 2;");

        assertThat(next()).containsExactly(a);
    }

    @Test
    void aBurstOfWritesIsReportedAndNothingOfItIsLeftOver() throws Exception {
        watch(List.of(), Duration.ofMillis(100));

        for (int i = 0; i < 5; i++) {
            Files.writeString(a.resolve("f" + i + ".py"), "x = " + i);
        }
        Files.writeString(b.resolve("app.py"), "y = 1");

        // how the writes fall into bursts depends on the machine's pace: wait until both roots were reported
        Set<Path> seen = new HashSet<>();
        while (!seen.containsAll(Set.of(a, b))) {
            seen.addAll(next());
        }
        assertThat(writeUntilReported(b.resolve("app.py"), "y = 2")).as("nothing of the burst was left over").containsExactly(b);
    }

    @Test
    void whatARebuildWritesIntoItsOwnFolderIsNoNewChange() throws Exception {
        Files.createDirectories(a.resolve("node_modules"));
        AtomicInteger rebuildsOfA = new AtomicInteger();
        watcher = CodeWatcher.start(List.of(a, b), List.of(), Duration.ofMillis(100), roots -> {
            if (roots.contains(a)) {
                // as npm install does in a build: node_modules/.package-lock.json is rewritten
                try {
                    Files.writeString(a.resolve("node_modules/.package-lock.json"), "{\"n\": " + rebuildsOfA.incrementAndGet() + "}");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            reports.add(roots);
        });

        Files.writeString(a.resolve("index.mjs"), "export const handler = async () => 1;");
        assertThat(next()).containsExactly(a);
        Files.writeString(b.resolve("app.py"), "y = 1");

        assertThat(next()).as("the build's own write was not a change of a").containsExactly(b);
        assertThat(rebuildsOfA).hasValue(1);
    }

    @Test
    void aFolderMadeAfterTheStartIsWatchedToo() throws Exception {
        watch(List.of(), Duration.ofMillis(100));
        Path lib = Files.createDirectories(a.resolve("lib/deep"));
        assertThat(next()).containsExactly(a);

        assertThat(writeUntilReported(lib.resolve("util.py"), "z = 1")).containsExactly(a);
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
        assertThat(writeUntilReported(b.resolve("app.py"), "y = 2")).as("inside a package only npm writes: not watched").containsExactly(b);

        Files.createDirectories(a.resolve("node_modules/right-pad/lib"));
        assertThat(next()).as("a package added is a change").containsExactly(a);
        Files.writeString(a.resolve("node_modules/right-pad/lib/index.js"), "module.exports = 2;");
        assertThat(writeUntilReported(b.resolve("app.py"), "y = 3")).as("nor is a new package's inside watched").containsExactly(b);
    }

    @Test
    void aTargetFolderWithoutAPomIsCode() throws Exception {
        Files.createDirectories(a.resolve("target"));
        watch(List.of(), Duration.ofMillis(100));

        Files.writeString(a.resolve("target/aim.py"), "x = 1");

        assertThat(next()).containsExactly(a);
    }
}
