package dev.dynctl.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.testing.Cli;
import dev.dynctl.testing.Engine;
import dev.dynctl.testing.StubEndpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * timing on: one line after each statement with its time, requests and consumed capacity. The
 * capacity figures are moto's, fixed per operation (docs/local-engine.md).
 */
class ShellTimingTest {
    private static final String TABLE = Engine.uniqueName("timing");
    /** More items than the virtual terminal's 40 rows. */
    private static final String ROWS = Engine.uniqueName("timing-rows");
    private static final Pattern MILLIS = Pattern.compile("Time: (\\d+) ms");

    @BeforeAll
    static void table() {
        assertThat(Cli.cli().aws("table", "create", TABLE, "--pk", "id:S", "--wait").code()).isZero();
        // in this JVM: dynctl remembers the table's key schema from now on, so no statement below describes it
        assertThat(Cli.cli().aws("item", "put", TABLE, "{\"id\": \"u0\"}").code()).isZero();
        assertThat(Cli.cli().aws("table", "create", ROWS, "--pk", "id:S", "--wait").code()).isZero();
        for (int batch = 0; batch < 4; batch++) {
            List<WriteRequest> puts = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                String id = "r" + (batch * 25 + i);
                puts.add(WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of("id", AttributeValue.fromS(id))).build()).build());
            }
            Engine.dynamo().batchWriteItem(b -> b.requestItems(Map.of(ROWS, puts)));
        }
    }

    private static Cli.Result shell(String script) {
        return Cli.cli().stdin(script).aws("shell", "-o", "json");
    }

    /** The timing lines, with the milliseconds (which vary) replaced by N. */
    private static List<String> timings(String err) {
        return err.lines().filter(line -> line.startsWith("Time: ")).map(line -> line.replaceFirst("^Time: \\d+ ms", "Time: N ms")).toList();
    }

    @Test
    void eachStatementSaysItsTimeRequestsAndCapacityUntilTimingIsOff() {
        Cli.Result r = shell("use " + TABLE + "\n"
                + "timing on\n"
                + "put {\"id\": \"u1\", \"n\": 1}\n"
                + "get id=u1\n"
                + "query id=u1\n"
                + "scan --segments 2\n"
                + "SELECT * FROM \"" + TABLE + "\";\n"
                + "timing\n"
                + "timing off\n"
                + "get id=u1\n");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).contains("Timing is on.", "Timing is off.");
        assertThat(timings(r.err())).containsExactly(
                "Time: N ms · 1 request (PutItem) · 1 WCU " + TABLE,
                "Time: N ms · 1 request (GetItem) · 0.5 RCU " + TABLE,
                "Time: N ms · 1 request (Query) · 1 RCU " + TABLE,
                "Time: N ms · 2 requests (Scan ×2) · 2 RCU " + TABLE,
                // moto leaves ConsumedCapacity out of every PartiQL answer
                "Time: N ms · 1 request (ExecuteStatement) · capacity not reported for ExecuteStatement",
                "Time: N ms · no requests");
    }

    @Test
    void aFailingStatementIsTimedWithTheLookupsItMade() {
        Cli.Result r = shell("timing on\nitem get " + TABLE + "-nope --key id=u1\n");

        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        // DescribeTable finds no table; ListTables (a page per 100 tables) looks for the names nearby
        assertThat(timings(r.err())).singleElement().asString().matches("Time: N ms · \\d+ requests \\(DescribeTable, ListTables( ×\\d+)?\\)");
    }

    @Test
    void explainShowsTheRequestsWithoutTimingsAddition() {
        Cli.Result r = shell("use " + TABLE + "\n"
                + "timing on\n"
                + "explain get id=u1\n"
                + "explain -o json query id=u1\n");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("GetItem", "Query").doesNotContain("ReturnConsumedCapacity");
        // the explained requests were not sent: nothing to count
        assertThat(timings(r.err())).containsExactly("Time: N ms · no requests", "Time: N ms · no requests");
    }

    @Test
    void theTimeLeavesOutTheWaitAtThePager() throws Exception {
        try (VirtualShell shell = VirtualShell.start()) {
            shell.waitFor("> ");
            shell.type("use " + ROWS + "\n");
            shell.waitFor(":" + ROWS + "> ");
            shell.type("timing on\n");
            shell.waitFor(":" + ROWS + "> ");
            long typed = System.nanoTime();
            shell.type("scan\n");
            shell.waitFor("-- more --");
            long toPager = (System.nanoTime() - typed) / 1_000_000;
            // a person reading the first page: longer than the statement took to reach it
            Thread.sleep(Math.max(600, 2 * toPager));
            shell.type("q");
            String after = shell.waitFor(":" + ROWS + "> ");
            Matcher time = MILLIS.matcher(after);
            assertThat(time.find()).as(after).isTrue();
            // the time up to the pager and the moment after q, not the reading
            assertThat(Long.parseLong(time.group(1))).isLessThan(toPager + 300);
        }
    }

    @Test
    void whatAnAbandonedStatementConsumesLaterIsNotTheNextStatements(@TempDir Path folder) throws Exception {
        Path items = folder.resolve("items.jsonl");
        Files.writeString(items, "{\"id\": \"x1\"}\n");
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch answered = new CountDownLatch(1);
        CountDownLatch writing = new CountDownLatch(1);
        // the abandoned import's write is answered, with the capacity it consumed, only once the next statement runs
        try (StubEndpoint slow = StubEndpoint.start(operation -> {
            if (!operation.equals("BatchWriteItem")) {
                return new StubEndpoint.Answer(200, "{\"Table\": {\"TableName\": \"slow\", \"TableStatus\": \"ACTIVE\", "
                        + "\"KeySchema\": [{\"AttributeName\": \"id\", \"KeyType\": \"HASH\"}], "
                        + "\"AttributeDefinitions\": [{\"AttributeName\": \"id\", \"AttributeType\": \"S\"}]}}");
            }
            writing.countDown();
            await(release);
            answered.countDown();
            return new StubEndpoint.Answer(200, "{\"UnprocessedItems\": {}, "
                    + "\"ConsumedCapacity\": [{\"TableName\": \"slow\", \"CapacityUnits\": 7}]}");
        });
             // the next statement's one request lets the abandoned one have its answer, and itself answers a moment later
             StubEndpoint next = StubEndpoint.start(operation -> {
                 release.countDown();
                 await(answered);
                 sleep(500);
                 return new StubEndpoint.Answer(200, "{\"TableNames\": []}");
             });
             VirtualShell shell = VirtualShell.start()) {
            try {
                shell.waitFor("> ");
                shell.type("timing on\n");
                shell.waitFor("Timing is on.");
                shell.type("import slow --from " + items + " --endpoint-url " + slow.endpoint() + "\n");
                assertThat(writing.await(20, TimeUnit.SECONDS)).as("the import's write reached the endpoint").isTrue();
                shell.ctrlC();
                shell.waitFor("Still stopping", Duration.ofSeconds(10));
                shell.ctrlC();
                shell.waitFor("Abandoned the statement", Duration.ofSeconds(5));
                shell.waitFor("> ");
                shell.type("tables --endpoint-url " + next.endpoint() + "\n");
                String timed = shell.waitFor("Time: ", Duration.ofSeconds(10)) + shell.waitFor("> ");
                assertThat(answered.getCount()).isZero();
                assertThat(timed).containsPattern("Time: \\d+ ms · 1 request \\(ListTables\\)\n").doesNotContain("WCU");
            } finally {
                release.countDown();
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void atTheTerminalTheLineFollowsTheResult() throws Exception {
        try (VirtualShell shell = VirtualShell.start()) {
            shell.waitFor("> ");
            shell.type("use " + TABLE + "\n");
            shell.waitFor(":" + TABLE + "> ");
            shell.type("timing on\n");
            shell.waitFor("Timing is on.");
            shell.waitFor(":" + TABLE + "> ");
            shell.type("put {\"id\": \"t2\"}\n");
            assertThat(shell.waitFor(":" + TABLE + "> ")).containsPattern("Time: \\d+ ms · 1 request \\(PutItem\\) · 1 WCU " + TABLE);
            shell.type("exit\n");
            assertThat(shell.ended(Duration.ofSeconds(5))).isTrue();
        }
    }
}
