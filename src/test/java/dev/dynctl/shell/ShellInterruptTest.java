package dev.dynctl.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.testing.Cli;
import dev.dynctl.testing.Engine;
import dev.dynctl.testing.MotoServer;
import dev.dynctl.testing.StubEndpoint;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C in the shell: it stops the running statement (a bulk job keeps its resume point) and the
 * shell goes on; at the prompt it clears the line; a statement that will not stop is abandoned by
 * a second Ctrl-C, and reads no more keys.
 */
class ShellInterruptTest {
    private static final String TABLE = Engine.uniqueName("shellint");
    /** The prompt without a table in use. */
    private static final String PROMPT = "127.0.0.1:" + MotoServer.get().port() + "> ";

    @TempDir
    Path folder;

    @BeforeAll
    static void table() {
        assertThat(Cli.cli().aws("table", "create", TABLE, "--pk", "id:S", "--wait").code()).isZero();
        assertThat(Cli.cli().aws("item", "put", TABLE, "{\"id\": \"u1\", \"name\": \"Ada\"}").code()).isZero();
    }

    @Test
    void ctrlCStopsALongStatementWithOneLineAndTheShellGoesOn() throws Exception {
        try (VirtualShell shell = VirtualShell.start()) {
            shell.waitFor("> ");
            shell.type("use " + TABLE + "\n");
            shell.waitFor(":" + TABLE + "> ");
            // the table exists: this waits until its timeout
            shell.type("table wait " + TABLE + " --until deleted --timeout 5m\n");
            // the statement runs (a Ctrl-C before that would clear the typed line, not stop it)
            shell.waitUntilRunning();
            shell.ctrlC();
            String stopped = shell.waitFor(":" + TABLE + "> ");
            assertThat(stopped).contains("Interrupted.").doesNotContain("Error", "Exception", "\tat ");
            shell.type("get id=u1\n");
            assertThat(shell.waitFor(":" + TABLE + "> ")).contains("Ada");
            shell.type("exit\n");
            assertThat(shell.ended(Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void ctrlCAtAQuestionAnswersNothingAndTheNextLineGoesToThePrompt() throws Exception {
        String doomed = Engine.uniqueName("shellconfirm");
        assertThat(Cli.cli().aws("table", "create", doomed, "--pk", "id:S", "--wait").code()).isZero();
        try (VirtualShell shell = VirtualShell.start()) {
            shell.waitFor(PROMPT);
            shell.type("table delete " + TABLE + "\n");
            shell.waitFor("to confirm: ");
            shell.ctrlC();
            assertThat(shell.waitFor(PROMPT)).contains("Interrupted.").doesNotContain("Error");
            shell.type("use " + TABLE + "\n");
            shell.waitFor(":" + TABLE + "> ");

            // an answer is typed and edited as at the prompt
            shell.type("table delete " + doomed + "\n");
            shell.waitFor("to confirm: ");
            shell.type(doomed + "x\u007f\n");
            assertThat(shell.waitFor(":" + TABLE + "> ")).contains("Deleting table '" + doomed + "'");
        }
        assertThat(Engine.dynamo().listTables().tableNames()).contains(TABLE);
    }

    @Test
    void ctrlCAtThePromptClearsTheLineAndCtrlDLeaves() throws Exception {
        try (VirtualShell shell = VirtualShell.start()) {
            shell.waitFor("> ");
            shell.type("use " + TABLE);
            shell.waitForLine("use " + TABLE);
            shell.ctrlC();
            shell.waitFor(PROMPT);
            shell.type("tables --all\n");
            shell.waitFor(TABLE);
            shell.waitFor(PROMPT);
            // the cleared line never ran: no table is in use
            assertThat(shell.screen()).doesNotContain(":" + TABLE + "> ");
            shell.type("\u0004");
            assertThat(shell.ended(Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void anErrorPrintsItsLinesAndTheShellGoesOn() throws Exception {
        try (VirtualShell shell = VirtualShell.start()) {
            shell.waitFor("> ");
            shell.type("get " + TABLE + "-missing --key id=u1\n");
            String failed = shell.waitFor("> ");
            assertThat(failed).contains("Error: ", "not found").doesNotContain("Exception", "\tat ");
            shell.type("get " + TABLE + " --key id=u1\n");
            assertThat(shell.waitFor("> ")).contains("Ada");
        }
    }

    @Test
    void aRequestCutShortByTheInterruptIsOneLineAndExit130() {
        // what Ctrl-C does to a statement's thread in the shell: the SDK answers AbortedException
        Thread.currentThread().interrupt();
        Cli.Result result;
        try {
            result = Cli.cli().aws("item", "get", TABLE, "--key", "id=u1");
        } finally {
            Thread.interrupted();
        }
        assertThat(result.code()).as(result.toString()).isEqualTo(130);
        assertThat(result.err()).isEqualTo("Interrupted.\n");
    }

    @Test
    void aStatementThatDoesNotStopIsAbandonedByASecondCtrlC() throws Exception {
        CountDownLatch answer = new CountDownLatch(1);
        CountDownLatch asked = new CountDownLatch(1);
        // every request waits for an answer that comes only when the test ends: Ctrl-C cannot end a socket read
        try (StubEndpoint silent = StubEndpoint.start(operation -> {
            asked.countDown();
            await(answer);
            return new StubEndpoint.Answer(200, "{\"TableNames\": []}");
        }); VirtualShell shell = VirtualShell.start()) {
            try {
                shell.waitFor("> ");
                shell.type("connect --endpoint-url " + silent.endpoint() + " --region us-east-1\n");
                assertThat(asked.await(20, TimeUnit.SECONDS)).as("the request reached the endpoint").isTrue();
                shell.ctrlC();
                shell.waitFor("Still stopping", Duration.ofSeconds(10));
                shell.ctrlC();
                String abandoned = shell.waitFor("> ", Duration.ofSeconds(5));
                assertThat(abandoned).contains("Abandoned the statement");
                // the shell goes on where it was
                shell.type("get " + TABLE + " --key id=u1\n");
                assertThat(shell.waitFor("> ")).contains("Ada");
            } finally {
                answer.countDown();
            }
        }
    }

    @Test
    void ctrlCDuringJsonOutputSaysInterruptedOnALineOfItsOwn() throws Exception {
        String describe = "{\"Table\": {\"TableName\": \"slow\", \"TableStatus\": \"ACTIVE\","
                + " \"KeySchema\": [{\"AttributeName\": \"id\", \"KeyType\": \"HASH\"}],"
                + " \"AttributeDefinitions\": [{\"AttributeName\": \"id\", \"AttributeType\": \"S\"}]}}";
        CountDownLatch secondPageAsked = new CountDownLatch(1);
        // the first page at once, the next after a while: Ctrl-C comes while it is awaited
        try (StubEndpoint slow = StubEndpoint.start((operation, body) -> switch (operation) {
            case "DescribeTable" -> new StubEndpoint.Answer(200, describe);
            case "Scan" -> {
                if (body.contains("ExclusiveStartKey")) {
                    secondPageAsked.countDown();
                    pause(2000);
                    yield new StubEndpoint.Answer(200, "{\"Items\": [{\"id\": {\"S\": \"b\"}}], \"Count\": 1, \"ScannedCount\": 1}");
                }
                yield new StubEndpoint.Answer(200, "{\"Items\": [{\"id\": {\"S\": \"a\"}}], \"Count\": 1, \"ScannedCount\": 1,"
                        + " \"LastEvaluatedKey\": {\"id\": {\"S\": \"a\"}}}");
            }
            default -> new StubEndpoint.Answer(200, "{\"TableNames\": []}");
        }); VirtualShell shell = VirtualShell.start()) {
            shell.waitFor("> ");
            shell.type("connect --endpoint-url " + slow.endpoint() + " --region us-east-1\n");
            shell.waitFor("> ");
            shell.type("scan slow -o json\n");
            shell.waitFor("\"id\": \"a\"");
            assertThat(secondPageAsked.await(10, TimeUnit.SECONDS)).as("the second page was asked for").isTrue();
            shell.ctrlC();
            String stopped = shell.waitFor("> ", Duration.ofSeconds(15));
            // the list closes on its own line ("}" then "]"), and what is said after it starts a line
            assertThat(stopped).contains("]\nInterrupted.\n").doesNotContain("]Interrupted", "\"b\"");
        }
    }

    @Test
    void anAbandonedStatementReadsNoMoreKeysAndGivesTheTerminalBack() throws Exception {
        PipedOutputStream typing = new PipedOutputStream();
        try (Terminal terminal = TerminalBuilder.builder().system(false).streams(new PipedInputStream(typing), OutputStream.nullOutputStream())
                .type("xterm-256color").build()) {
            StatementKeys keys = new StatementKeys(terminal);
            StatementInput input = new StatementInput(terminal, keys);
            CompletableFuture<Integer> read = new CompletableFuture<>();
            Thread statement = new Thread(() -> {
                try {
                    read.complete(input.read());
                } catch (IOException | RuntimeException e) {
                    read.completeExceptionally(e);
                }
            });
            statement.start();
            // the statement waits for an answer, keys raw (no line editing by the terminal)
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (terminal.getAttributes().getLocalFlag(Attributes.LocalFlag.ICANON)) {
                assertThat(System.nanoTime()).as("the statement never read a key").isLessThan(deadline);
                Thread.sleep(10);
            }

            keys.abandon();
            assertThat(terminal.getAttributes().getLocalFlag(Attributes.LocalFlag.ICANON)).as("the terminal's modes back at once").isTrue();
            assertThat(read.get(5, TimeUnit.SECONDS)).as("the end of input").isEqualTo(-1);
            statement.join(5000);

            // the next prompt's keys are its own: the statement takes none, and sets no mode again
            Attributes prompt = terminal.enterRawMode();
            typing.write('x');
            typing.flush();
            assertThat(terminal.reader().read(5000)).isEqualTo('x');
            assertThat(input.read()).isEqualTo(-1);
            assertThat(terminal.getAttributes().getLocalFlag(Attributes.LocalFlag.ICANON)).isFalse();
            terminal.setAttributes(prompt);
        }
    }

    @Test
    void ctrlCStopsAnImportWithACheckpointAndResumeWritesTheRest() throws Exception {
        String table = Engine.uniqueName("shellimport");
        int count = 3000;
        Path file = folder.resolve("items.jsonl");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add("{\"id\": \"i" + i + "\", \"n\": " + i + "}");
        }
        Files.write(file, lines);
        try (VirtualShell shell = VirtualShell.start()) {
            shell.waitFor("> ");
            // paced, so that Ctrl-C comes well before the end
            shell.type("import " + table + " --from " + file + " --create --pk id:S --rate-limit 400\n");
            shell.waitFor("items written", Duration.ofSeconds(30));
            shell.ctrlC();
            String stopped = shell.waitFor("> ", Duration.ofSeconds(30));
            assertThat(stopped).contains("Interrupted after writing", "Checkpoint:", "--resume").doesNotContain("Error", "\tat ");
            assertThat(scanIds(table).size()).isLessThan(count);

            shell.type("import " + table + " --from " + file + " --resume\n");
            assertThat(shell.waitFor("> ", Duration.ofSeconds(60))).contains("written").doesNotContain("Error");
        }
        Set<String> ids = scanIds(table);
        assertThat(ids).hasSize(count);
        assertThat(Files.exists(folder.resolve("items.jsonl.import-checkpoint.json"))).isFalse();
    }

    @Test
    void ctrlCStopsAnExportThatLeavesNoManifestAndSaysTheFileIsPartial() throws Exception {
        String table = Engine.uniqueName("shellexport");
        int count = 3000;
        Path items = folder.resolve("items.jsonl");
        List<String> lines = new ArrayList<>();
        String padding = "x".repeat(1000);
        for (int i = 0; i < count; i++) {
            lines.add("{\"id\": \"e" + i + "\", \"pad\": \"" + padding + "\"}");
        }
        Files.write(items, lines);
        assertThat(Cli.cli().aws("table", "import", table, "--from", items.toString(), "--create", "--pk", "id:S").code()).isZero();
        Path file = folder.resolve("export.jsonl");
        try (VirtualShell shell = VirtualShell.start()) {
            shell.waitFor("> ");
            // 3 MB in pages of 1 MB, read at a twentieth of a capacity unit a second: each page waits long for the one before
            shell.type("export " + table + " --to " + file + " --segments 1 --rate-limit 0.05\n");
            awaitBytes(file);
            shell.ctrlC();
            String stopped = shell.waitFor("> ", Duration.ofSeconds(15));
            assertThat(stopped).contains("Interrupted: " + file + " holds the first", "(no manifest)", "Run the export again")
                    .doesNotContain("Error", "\tat ");
            shell.type("tables --all\n");
            assertThat(shell.waitFor("> ")).contains(table);
        }
        long written;
        try (var read = Files.lines(file)) {
            written = read.count();
        }
        assertThat(written).isPositive().isLessThan(count);
        assertThat(folder.resolve("export.jsonl.manifest.json")).doesNotExist();
    }

    private static Set<String> scanIds(String table) {
        Set<String> ids = new HashSet<>();
        Engine.dynamo().scanPaginator(b -> b.tableName(table).consistentRead(true)).items()
                .forEach(item -> ids.add(item.get("id").s()));
        return ids;
    }

    /** Waits until the export has written its first items (the first page). */
    private static void awaitBytes(Path file) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!(Files.exists(file) && Files.size(file) > 0)) {
            assertThat(System.nanoTime()).as("the export wrote nothing").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
