package dev.dynctl.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.testing.Cli;
import dev.dynctl.testing.Engine;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * timing on: one line after each statement with its time, requests and consumed capacity. The
 * capacity figures are moto's, fixed per operation (docs/local-engine.md).
 */
class ShellTimingTest {
    private static final String TABLE = Engine.uniqueName("timing");

    @BeforeAll
    static void table() {
        assertThat(Cli.cli().aws("table", "create", TABLE, "--pk", "id:S", "--wait").code()).isZero();
        // in this JVM: dynctl remembers the table's key schema from now on, so no statement below describes it
        assertThat(Cli.cli().aws("item", "put", TABLE, "{\"id\": \"u0\"}").code()).isZero();
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
    void capacityIsAskedForOnlyWhileTimingIsOn() {
        Cli.Result r = shell("use " + TABLE + "\n"
                + "explain get id=u1\n"
                + "timing on\n"
                + "explain get id=u1\n");

        assertThat(r.code()).as(r.toString()).isZero();
        String[] explanations = r.out().split("(?m)^\\]$");
        assertThat(explanations[0]).doesNotContain("ReturnConsumedCapacity");
        assertThat(explanations[1]).contains("\"ReturnConsumedCapacity\": \"TOTAL\"");
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
