package dev.dynctl.cli.tail;

import static dev.dynctl.cli.tail.StreamTables.put;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.cli.Context;
import dev.dynctl.cli.Dynctl;
import dev.dynctl.cli.Interrupts;
import dev.dynctl.cli.Interruption;
import dev.dynctl.cli.SessionHooks;
import dev.dynctl.codec.Json;
import dev.dynctl.testing.Cli;
import dev.dynctl.testing.MotoServer;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * Ctrl-C while following: the command's Ctrl-C handler (what SIGINT runs, or the shell's Ctrl-C)
 * is called from another thread, as the signal's would be.
 */
class TailTableInterruptTest {
    @TempDir
    Path folder;

    /** Ctrl-C as the process's SIGINT would deliver it: the handler the command holds, run from another thread. */
    static final class CtrlC implements Interrupts {
        private final AtomicReference<Runnable> held = new AtomicReference<>();

        @Override
        public Interruption onInterrupt(Runnable action) {
            held.set(action);
            return new Interruption() {
                @Override
                public boolean received() {
                    return false;
                }

                @Override
                public void close() {
                    held.set(null);
                }
            };
        }

        void press() {
            new Thread(held.get()).start();
        }

        /** Ctrl-C from the test's thread: once it returns, the tail knows it is to stop. */
        void pressHere() {
            held.get().run();
        }

        /** Runs dynctl with this Ctrl-C, standard output and error captured (neither a terminal). */
        Cli.Result run(String... args) {
            // loads Cli, which gives the run the test engine's credentials
            Cli.cli();
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code;
            try (Dynctl dynctl = new Dynctl()
                    .withTerminal(new Context.Terminal(new ByteArrayInputStream(new byte[0]), false, false, 120, Map.of()))
                    .withHooks(new SessionHooks(null, this, root -> { }))) {
                dynctl.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
                code = dynctl.commandLine().execute(args);
            }
            return new Cli.Result(code, out.toString(), err.toString());
        }
    }

    @Test
    void ctrlCKeepsTheCheckpointAndExits130WithOneLine() throws Exception {
        String table = StreamTables.create(StreamViewType.NEW_AND_OLD_IMAGES);
        put(table, "{\"id\": \"a\"}");
        put(table, "{\"id\": \"b\"}");
        Path checkpoint = folder.resolve("int.tail");
        // loads Cli, which gives the run the test engine's credentials
        Cli.cli();
        CtrlC ctrlC = new CtrlC();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try (Dynctl dynctl = new Dynctl()
                .withTerminal(new Context.Terminal(new ByteArrayInputStream(new byte[0]), false, false, 120, Map.of()))
                .withHooks(new SessionHooks(null, ctrlC, root -> { }))) {
            dynctl.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
            CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> dynctl.commandLine().execute("tail", "table", table,
                    "--follow", "--from", "trim-horizon", "--checkpoint", checkpoint.toString(), "--format", "json",
                    "--endpoint-url", MotoServer.get().endpoint().toString(), "--region", Cli.REGION));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (out.toString().lines().count() < 2) {
                assertThat(run).as("ended before Ctrl-C: %s", err).isNotDone();
                assertThat(System.nanoTime()).as("nothing printed").isLessThan(deadline);
                Thread.sleep(10);
            }
            ctrlC.press();

            assertThat(run.get(30, TimeUnit.SECONDS)).isEqualTo(130);
        }
        assertThat(err.toString()).isEqualTo("Interrupted after 2 changes; " + checkpoint + " holds where to go on.\n");
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(2);
        String last = Json.MAPPER.readTree(lines.get(1)).get("sequenceNumber").asText();
        JsonNode shard = Json.MAPPER.readTree(checkpoint.toFile()).get("shards").elements().next();
        assertThat(shard.get("after").asText()).isEqualTo(last);
    }
}
