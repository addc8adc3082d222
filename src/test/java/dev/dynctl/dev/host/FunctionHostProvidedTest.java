package dev.dynctl.dev.host;

import static dev.dynctl.dev.host.HostFixtures.event;
import static dev.dynctl.dev.host.HostFixtures.function;
import static dev.dynctl.dev.host.HostFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.dev.LocalInvocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** provided runtimes: the code's own bootstrap speaks the Runtime API (here a shell script with curl). */
class FunctionHostProvidedTest {
    private static final RecordingLog LOG = new RecordingLog();
    private static FunctionHost host;

    @TempDir
    static Path temporary;

    @BeforeAll
    static void start() throws IOException {
        Path code = HostFixtures.copy("provided", temporary);
        // Maven copies test resources without their file modes
        Files.setPosixFilePermissions(code.resolve("bootstrap"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Path zipped = zip(code, temporary.resolve("provided.zip"));
        Path noBootstrap = Files.createDirectories(temporary.resolve("empty"));
        Path notExecutable = Files.createDirectories(temporary.resolve("plain"));
        Files.copy(code.resolve("bootstrap"), notExecutable.resolve("bootstrap"));
        Files.setPosixFilePermissions(notExecutable.resolve("bootstrap"), PosixFilePermissions.fromString("rw-r--r--"));
        Path crashing = Files.createDirectories(temporary.resolve("crashing"));
        Files.writeString(crashing.resolve("bootstrap"), "#!/bin/sh\necho cannot start >&2\nexit 2\n");
        Files.setPosixFilePermissions(crashing.resolve("bootstrap"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Path exiting = Files.createDirectories(temporary.resolve("exiting"));
        Files.writeString(exiting.resolve("bootstrap"), "#!/bin/sh\nexit 4\n");
        Files.setPosixFilePermissions(exiting.resolve("bootstrap"), PosixFilePermissions.fromString("rwxr-xr-x"));
        host = new FunctionHost(List.of(
                function("custom", "provided.al2023", "my.handler", code, 3, Map.of()),
                function("zipped", "provided.al2023", "zipped.handler", zipped, 3, Map.of()),
                function("nobootstrap", "provided.al2023", "x", noBootstrap, 3, Map.of()),
                function("plain", "provided.al2", "x", notExecutable, 3, Map.of()),
                function("crashing", "provided.al2023", "x", crashing, 3, Map.of()),
                function("exiting", "provided.al2023", "x", exiting, 3, Map.of())),
                HostFixtures.settings(1), LOG);
    }

    @AfterAll
    static void stop() {
        host.close();
        HostFixtures.assertNoRuntimeLeft();
    }

    @Test
    void theBootstrapAnswersEachEvent() throws Exception {
        LocalInvocation first = host.invoke("custom", event("{\"n\": 1}"));
        LocalInvocation second = host.invoke("custom", event("{\"n\": 2}"));

        assertThat(first.failed()).as(new String(first.payload(), java.nio.charset.StandardCharsets.UTF_8) + LOG.lines("custom")).isFalse();
        JsonNode answer = json(first);
        assertThat(answer.get("handler").asText()).isEqualTo("my.handler");
        assertThat(answer.at("/event/n").asInt()).isEqualTo(1);
        assertThat(json(second).at("/event/n").asInt()).isEqualTo(2);
        assertThat(json(second).get("pid").asLong()).isEqualTo(answer.get("pid").asLong());
        List<String> lines = LOG.lastInvocation("custom");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo("provided bootstrap got {\"n\": 2}");
        assertThat(lines.get(1)).startsWith("REPORT RequestId: ");
    }

    @Test
    void zippedCodeIsUnpackedWithItsBootstrapExecutable() throws Exception {
        LocalInvocation invocation = host.invoke("zipped", event("{\"z\": true}"));

        assertThat(invocation.failed()).isFalse();
        assertThat(json(invocation).get("handler").asText()).isEqualTo("zipped.handler");
    }

    @Test
    void aMissingOrPlainBootstrapIsAnInitError() throws Exception {
        LocalInvocation missing = host.invoke("nobootstrap", event("{}"));
        LocalInvocation plain = host.invoke("plain", event("{}"));

        assertThat(missing.errorType()).isEqualTo("Runtime.InitError");
        assertThat(missing.errorMessage()).startsWith("Function nobootstrap has no bootstrap: a provided runtime runs the executable file named bootstrap");
        assertThat(plain.errorType()).isEqualTo("Runtime.InitError");
        assertThat(plain.errorMessage()).startsWith("The bootstrap of function plain is not executable: chmod +x ");
    }

    @Test
    void aBootstrapThatExitsBeforeItAsksForAnEventIsAnExitError() throws Exception {
        LocalInvocation invocation = host.invoke("crashing", event("{}"));

        assertThat(invocation.errorType()).isEqualTo("Runtime.ExitError");
        assertThat(invocation.errorMessage()).isEqualTo("Runtime exited with error: exit status 2");
        assertThat(invocation.coldStart()).isTrue();
        List<String> lines = LOG.lastInvocation("crashing");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("cannot start");
        assertThat(lines.get(1)).matches("RequestId: [0-9a-f-]{36} Error: Runtime exited with error: exit status 2");
        assertThat(lines.get(2)).startsWith("REPORT RequestId: ");
    }

    /** However soon the process ends (before or after the host hands it the event), the invocation is an exit, never a timeout. */
    @Test
    void aBootstrapThatExitsAtOnceIsAnExitErrorEveryTime() throws Exception {
        for (int i = 0; i < 5; i++) {
            LocalInvocation invocation = host.invoke("exiting", event("{}"));

            assertThat(invocation.errorType()).isEqualTo("Runtime.ExitError");
            assertThat(invocation.errorMessage()).isEqualTo("Runtime exited with error: exit status 4");
        }
    }

    /** A zip with Unix modes, as dynctl's own packaging writes it. */
    private static Path zip(Path folder, Path target) {
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(target)) {
            ZipArchiveEntry entry = new ZipArchiveEntry("bootstrap");
            entry.setUnixMode(0100755);
            entry.setMethod(ZipEntry.DEFLATED);
            zip.putArchiveEntry(entry);
            zip.write(Files.readAllBytes(folder.resolve("bootstrap")));
            zip.closeArchiveEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }
}
