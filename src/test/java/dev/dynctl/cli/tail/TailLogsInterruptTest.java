package dev.dynctl.cli.tail;

import static dev.dynctl.tail.LogFixtures.event;
import static dev.dynctl.tail.LogFixtures.put;
import static dev.dynctl.tail.LogFixtures.secondsAgo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.cli.Dynctl;
import dev.dynctl.tail.LogFixtures;
import dev.dynctl.testing.Cli;
import dev.dynctl.testing.Engine;
import dev.dynctl.testing.MotoServer;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C (SIGINT) on a follow in a process of its own: it stops, prints one line and exits 130. */
class TailLogsInterruptTest {
    @TempDir
    Path folder;

    @Test
    void ctrlCEndsAFollowWithOneLineAndExit130() throws Exception {
        String group = "/test/" + Engine.uniqueName("tailint");
        LogFixtures.group(group, "s");
        put(group, "s", event(secondsAgo(5), "already there"));
        Path out = folder.resolve("out.txt");
        Path err = folder.resolve("err.txt");
        // stderr "a terminal": the follow says on it that it is following, which is when Ctrl-C is its own
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Ddynctl.tty.err=true", "-cp", System.getProperty("java.class.path"), Dynctl.class.getName(),
                "tail", "logs", group, "--follow",
                "--endpoint-url", MotoServer.get().endpoint().toString(), "--region", Cli.REGION)
                .redirectError(err.toFile())
                .redirectOutput(out.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("AWS_ACCESS_KEY_ID", "testing");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "testing");
        Process tail = builder.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.readString(err).contains("Ctrl-C to stop") || !Files.readString(out).contains("already there")) {
                assertThat(tail.isAlive()).as("the follow ended before Ctrl-C: %s", Files.readString(err)).isTrue();
                assertThat(System.nanoTime()).as("the follow did not start").isLessThan(deadline);
                Thread.sleep(20);
            }
            assertThat(new ProcessBuilder("kill", "-INT", Long.toString(tail.pid())).start().waitFor()).isZero();
            assertThat(tail.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            tail.destroyForcibly();
        }

        String said = Files.readString(err);
        assertThat(tail.exitValue()).as(said).isEqualTo(130);
        assertThat(said).isEqualTo("Following " + group + "… Ctrl-C to stop.\nInterrupted after 1 event.\n");
        assertThat(Files.readString(out)).endsWith(" already there\n").hasLineCount(1);
    }
}
