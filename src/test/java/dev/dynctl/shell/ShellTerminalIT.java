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
 * The packaged launcher's shell in a real pseudo-terminal (tmux, 120 × 24), against moto: a
 * session as a person has it, with the status bar under the prompt and the terminal's own Ctrl-C.
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

        try (Tmux tmux = Tmux.start("cd " + home + " && " + shell + "; echo \"shell exited with $?\"; sleep 600", env, 120, 24)) {
            // the first run of a new HOME also records the launcher's class archive
            assertThat(statusBar(tmux.waitForPrompt(prompt, Duration.ofSeconds(90)))).as("the status bar under the prompt").isTrue();

            tmux.typed(prompt, "use " + table, STEP).keys("Enter");
            tmux.waitForPrompt(tablePrompt, STEP);

            tmux.typed(tablePrompt, "get pk=a,sk=7", STEP).keys("Enter");
            assertThat(tmux.waitForPrompt(tablePrompt, STEP)).contains("row 7");

            // 200 items; the output scrolls above the status bar (4 of the 24 rows): 20 rows, the last
            // for the pager's prompt, and the first page keeps the statement in sight
            tmux.typed(tablePrompt, "query pk=a", STEP).keys("Enter");
            String page = tmux.waitForCursorLine("the pager's prompt", line -> line.startsWith("-- more --"), STEP);
            assertThat(page).contains(tablePrompt + " query pk=a\npk  sk   v\na   0    row 0\n", "row 16\n").doesNotContain("row 17");
            tmux.keys("Space");
            page = tmux.waitForCursorLine("the second page", line -> line.startsWith("-- more --"), STEP);
            assertThat(page).contains("row 17\n", "row 35\n").doesNotContain("row 16\n", "row 36");
            tmux.keys("q");
            String stopped = tmux.waitForPrompt(tablePrompt, STEP);
            assertThat(stopped).doesNotContain("row 36", "-- more --");
            assertThat(statusBar(stopped)).as("the status bar back under the prompt").isTrue();

            // the table exists, so this waits (for ten minutes) until Ctrl-C
            tmux.text("table wait " + table + " --until deleted").keys("Enter");
            tmux.waitFor("the statement typed", screen -> screen.contains("--until deleted\n"), STEP);
            // a Ctrl-C before the statement starts finds nothing to stop: press until it has stopped one
            long deadline = System.nanoTime() + STEP.toNanos();
            do {
                tmux.keys("C-c");
            } while (!stopped(tmux) && System.nanoTime() < deadline);
            String interrupted = tmux.waitForPrompt(tablePrompt, STEP);
            assertThat(interrupted).contains("Interrupted.").doesNotContain("Error", "Exception", "\tat ");

            tmux.text("exit").keys("Enter");
            tmux.waitFor("the shell's end", screen -> screen.contains("shell exited with 0"), STEP);
        }
    }

    /**
     * True when the screen ends with the status bar's border: a row of one character (a line
     * drawing character, or its alternate character set letter where the locale has no UTF-8).
     */
    /** True when, within half a second, the screen says a statement was interrupted. */
    private static boolean stopped(Tmux tmux) {
        try {
            tmux.waitFor("Interrupted.", screen -> screen.contains("Interrupted."), Duration.ofMillis(500));
            return true;
        } catch (AssertionError notYet) {
            return false;
        }
    }

    private static boolean statusBar(String screen) {
        List<String> lines = screen.lines().filter(l -> !l.isBlank()).toList();
        String last = lines.get(lines.size() - 1);
        return last.length() == 120 && last.chars().distinct().count() == 1;
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
