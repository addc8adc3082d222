package dev.dynctl.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.testing.Cli;
import dev.dynctl.testing.Engine;
import dev.dynctl.testing.FaultProxy;
import dev.dynctl.testing.MotoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Long results on the shell's terminal (40 rows): a page at a time, "-- more --" between pages;
 * q stops the statement and the fetching of its pages; pager off, --all, scripts and pipes stream.
 */
class ShellPagerTest {
    private static final String MORE = "-- more --";
    private static final String TABLE = Engine.uniqueName("shellpager");
    private static final int ROWS = 600;

    @BeforeAll
    static void table(@TempDir Path folder) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            lines.add("{\"pk\": \"a\", \"sk\": " + i + ", \"v\": \"row " + i + "\"}");
        }
        Path file = folder.resolve("rows.jsonl");
        Files.write(file, lines);
        assertThat(Cli.cli().aws("table", "create", TABLE, "--pk", "pk:S", "--sk", "sk:N", "--wait").code()).isZero();
        assertThat(Cli.cli().aws("table", "import", TABLE, "--from", file.toString()).code()).isZero();
    }

    @Test
    void aLongResultShowsAPageAtATimeAndQStopsFetchingPages() throws Exception {
        try (FaultProxy counting = FaultProxy.to(MotoServer.get().endpoint()).share(0).start();
             VirtualShell shell = VirtualShell.start()) {
            shell.waitFor("> ");
            shell.type("connect --endpoint-url " + counting.endpoint() + " --region " + Cli.REGION + "\n");
            shell.waitFor("> ");
            shell.type("use " + TABLE + "\n");
            shell.waitFor(":" + TABLE + "> ");
            shell.type("get pk=a,sk=5\n");
            shell.waitFor(":" + TABLE + "> ");
            long before = counting.requests();
            shell.type("query pk=a --page-size 20\n");

            // 40 rows less the status bar's 4 (the tail-tips and their border): 35 rows of output
            // and the pager's prompt; the first page keeps the statement's row, the header and 33 items
            String first = shell.waitFor(MORE);
            assertThat(first).contains("pk  sk   v\n", "row 0\n", "row 32\n").doesNotContain("row 33");
            shell.type(" ");
            String second = shell.waitFor(MORE);
            assertThat(second).contains("row 33\n", "row 67\n").doesNotContain("row 32\n", "row 68");
            shell.type("\n");
            assertThat(shell.waitFor(MORE)).contains("row 68\n").doesNotContain("row 69");
            shell.type("q");
            String after = shell.waitFor(":" + TABLE + "> ");
            assertThat(after).doesNotContain("row 69", "Error");

            // 30 pages of 20 in all; the table's first 200 rows (10 pages) were read to size its columns
            long queried = counting.requests() - before;
            assertThat(queried).isBetween(10L, 15L);
            shell.type("get pk=a,sk=599\n");
            assertThat(shell.waitFor(":" + TABLE + "> ")).contains("row 599");
        }
    }

    @Test
    void ctrlCAtThePromptOfThePagerStopsAsQDoes() throws Exception {
        try (VirtualShell shell = VirtualShell.start()) {
            shell.waitFor("> ");
            shell.type("scan " + TABLE + "\n");
            shell.waitFor(MORE);
            shell.type("\u0003");
            assertThat(shell.waitFor("> ")).doesNotContain("row", "Error", "Interrupted");
            shell.type("get " + TABLE + " --key pk=a,sk=7\n");
            assertThat(shell.waitFor("> ")).contains("row 7");
        }
    }

    @Test
    void withAllOrThePagerOffResultsStreamWithoutPausing() throws Exception {
        try (VirtualShell shell = VirtualShell.start()) {
            shell.waitFor("> ");
            shell.type("use " + TABLE + "\n");
            shell.waitFor(":" + TABLE + "> ");
            shell.type("query pk=a --all\n");
            assertThat(shell.waitFor(":" + TABLE + "> ")).contains("row 599\n").doesNotContain(MORE);
            shell.type("SELECT * FROM \"" + TABLE + "\" WHERE pk = 'a' --all\n;\n");
            assertThat(shell.waitFor(":" + TABLE + "> ")).contains("row 599").doesNotContain(MORE);

            shell.type("pager off\n");
            assertThat(shell.waitFor(":" + TABLE + "> ")).contains("The pager is off.");
            shell.type("scan\n");
            assertThat(shell.waitFor(":" + TABLE + "> ")).contains("row 599").doesNotContain(MORE);
        }
    }

    @Test
    void onlyStatementsThatPrintResultsTakeAll() throws Exception {
        try (VirtualShell shell = VirtualShell.start()) {
            shell.waitFor("> ");
            shell.type("use " + TABLE + "\n");
            shell.waitFor(":" + TABLE + "> ");
            shell.type("put {\"pk\": \"b\", \"sk\": 1, \"note\": \"--all\"} --all\n");
            assertThat(shell.waitFor(":" + TABLE + "> ")).contains("Unknown option '--all'");
            shell.type("put {\"pk\": \"b\", \"sk\": 1, \"note\": \"--all\"}\n");
            shell.waitFor(":" + TABLE + "> ");
            shell.type("get pk=b,sk=1 --all\n");
            assertThat(shell.waitFor(":" + TABLE + "> ")).contains("--all").doesNotContain("Error");
        }
    }

    @Test
    void scriptsAndExplainTakeAllAsTheTerminalDoes() {
        Cli.Result piped = Cli.cli().stdin("scan " + TABLE + " --all\nuse " + TABLE + "\nquery pk=a --limit 3 --all\n").aws("shell");
        assertThat(piped.code()).as(piped.toString()).isZero();
        assertThat(piped.out()).contains("\"row 599\"", "\"row 2\"");
        assertThat(piped.err()).doesNotContain("Unknown option");

        Cli.Result explained = Cli.cli().stdin("explain scan " + TABLE + " --all\n").aws("shell");
        assertThat(explained.code()).as(explained.toString()).isZero();
        assertThat(explained.out()).contains("Scan", TABLE);
        assertThat(explained.err()).doesNotContain("Unknown option");
    }

    @Test
    void scriptsAndPipesNeverPage() {
        Cli.Result piped = Cli.cli().stdin("use " + TABLE + "\nquery pk=a\n").stdoutTerminal(true).aws("shell");
        assertThat(piped.code()).as(piped.toString()).isZero();
        assertThat(piped.out()).contains("row 599").doesNotContain(MORE);
    }
}
