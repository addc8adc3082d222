package dev.dynctl.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.testing.Cli;
import dev.dynctl.testing.Engine;
import dev.dynctl.testing.MotoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged launcher's shell in a real pseudo-terminal (tmux, 120 × 40), against moto: a
 * session as a person has it, with the terminal's own Ctrl-C.
 */
class ShellTerminalIT {
    private static final Path LAUNCHER = Path.of(System.getProperty("dynctl.home", "target/dynctl"), "bin", "dynctl").toAbsolutePath();
    private static final Duration STEP = Duration.ofSeconds(30);

    @TempDir
    Path home;

    @Test
    void useGetAPagedQueryCtrlCAndExit() throws Exception {
        String table = Engine.uniqueName("tmuxshell");
        createTableOfRows(table, 200);
        String prompt = "127.0.0.1:" + MotoServer.get().port() + ">";
        String tablePrompt = "127.0.0.1:" + MotoServer.get().port() + ":" + table + ">";
        String shell = LAUNCHER + " --endpoint-url " + MotoServer.get().endpoint() + " --region " + Cli.REGION + " shell";
        Map<String, String> env = Map.of("AWS_ACCESS_KEY_ID", "testing", "AWS_SECRET_ACCESS_KEY", "testing",
                "AWS_EC2_METADATA_DISABLED", "true", "HOME", home.toString());

        try (Tmux tmux = Tmux.start("cd " + home + " && " + shell + "; echo \"shell exited with $?\"; sleep 600", env, 120, 40)) {
            // the first run of a new HOME also records the launcher's class archive
            tmux.waitForLastLine(prompt, Duration.ofSeconds(90));

            tmux.text("use " + table).keys("Enter");
            tmux.waitForLastLine(tablePrompt, STEP);

            tmux.text("get pk=a,sk=7").keys("Enter");
            tmux.waitFor("the item", screen -> screen.contains("row 7") && Tmux.lastLine(screen).equals(tablePrompt), STEP);

            // 200 items: a screenful (a header and 38 rows), then the pager asks
            tmux.text("query pk=a").keys("Enter");
            String page = tmux.waitFor("the pager's prompt", screen -> Tmux.lastLine(screen).startsWith("-- more --"), STEP);
            assertThat(page).contains("row 0\n", "row 37\n").doesNotContain("row 38");
            tmux.keys("Space");
            page = tmux.waitFor("the second page", screen -> screen.contains("row 76\n") && Tmux.lastLine(screen).startsWith("-- more --"), STEP);
            assertThat(page).doesNotContain("row 77");
            tmux.keys("q");
            String stopped = tmux.waitForLastLine(tablePrompt, STEP);
            assertThat(stopped).doesNotContain("row 77", "-- more --");

            // the table exists, so this waits (for ten minutes) until Ctrl-C
            tmux.text("table wait " + table + " --until deleted").keys("Enter");
            tmux.waitFor("the statement running", screen -> Tmux.lastLine(screen).endsWith("--until deleted"), STEP);
            Thread.sleep(1500);
            tmux.keys("C-c");
            String interrupted = tmux.waitFor("the interruption", screen -> screen.contains("Interrupted.")
                    && Tmux.lastLine(screen).equals(tablePrompt), STEP);
            assertThat(interrupted).doesNotContain("Error", "Exception", "\tat ");

            tmux.text("exit").keys("Enter");
            tmux.waitFor("the shell's end", screen -> screen.contains("shell exited with 0"), STEP);
        }
    }

    /** A table of {@code count} items under one partition key: pk a, sk 0…, v "row 0"…. */
    private void createTableOfRows(String table, int count) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add("{\"pk\": \"a\", \"sk\": " + i + ", \"v\": \"row " + i + "\"}");
        }
        Path file = home.resolve("rows.jsonl");
        Files.write(file, lines);
        assertThat(Cli.cli().aws("table", "create", table, "--pk", "pk:S", "--sk", "sk:N", "--wait").code()).isZero();
        assertThat(Cli.cli().aws("table", "import", table, "--from", file.toString()).code()).isZero();
        Files.delete(file);
    }
}
