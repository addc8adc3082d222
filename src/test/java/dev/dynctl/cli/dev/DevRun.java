package dev.dynctl.cli.dev;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.cli.Context;
import dev.dynctl.cli.Dynctl;
import dev.dynctl.cli.Interruption;
import dev.dynctl.cli.SessionHooks;
import dev.dynctl.codec.Json;
import dev.dynctl.testing.Cli;
import dev.dynctl.testing.MotoServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * {@code dynctl dev} on a thread of the test against the test run's moto, with a Ctrl-C of the
 * test's own: the Interrupts hook the command line uses for SIGINT, here pressed by {@link #ctrlC()}.
 */
final class DevRun implements AutoCloseable {
    static {
        // the SDK's default chain reads these (as Cli sets them); they only ever reach the test engine
        Cli.cli();
    }

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final AtomicReference<Runnable> ctrlC = new AtomicReference<>();
    private final Thread thread;
    private volatile Integer code;

    private DevRun(Map<String, String> env, List<String> args, boolean stdoutIsTerminal) {
        Context.Terminal terminal = new Context.Terminal(new ByteArrayInputStream(new byte[0]), false, stdoutIsTerminal, 120, env);
        SessionHooks hooks = new SessionHooks(null, action -> {
            ctrlC.set(action);
            return new Interruption() {
                @Override
                public boolean received() {
                    return false;
                }

                @Override
                public void close() {
                    ctrlC.set(null);
                }
            };
        }, root -> { });
        thread = new Thread(() -> {
            try (Dynctl dynctl = new Dynctl().withTerminal(terminal).withHooks(hooks)) {
                dynctl.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
                code = dynctl.commandLine().execute(args.toArray(String[]::new));
            }
        }, "dynctl-dev-under-test");
        thread.start();
    }

    /** {@code dynctl ARGS --endpoint-url MOTO --region us-east-1} with this environment. */
    static DevRun start(Map<String, String> env, String... args) {
        return new DevRun(env, withEngine(args), false);
    }

    /** {@link #start}, its standard output a terminal: what a person sees. */
    static DevRun startOnTerminal(Map<String, String> env, String... args) {
        return new DevRun(env, withEngine(args), true);
    }

    private static List<String> withEngine(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--endpoint-url", MotoServer.get().endpoint().toString(), "--region", Cli.REGION, "--no-color"));
        return all;
    }

    /** What -o json prints once everything serves: {"service", "stage", "endpoints": [{"api", "type", "url"}]}. */
    JsonNode ready(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            String printed = out.toString();
            if (!printed.isBlank()) {
                try {
                    return Json.MAPPER.readTree(printed);
                } catch (IOException incomplete) {
                    // still being written
                }
            }
            assertThat(code).as("dev ended before it served:\n%s", err).isNull();
            assertThat(System.nanoTime()).as("dev did not serve within %s:\n%s", within, err).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /** The URL of the API with this key. */
    static String url(JsonNode ready, String api) {
        for (JsonNode endpoint : ready.path("endpoints")) {
            if (endpoint.path("api").asText().equals(api)) {
                return endpoint.path("url").asText();
            }
        }
        throw new AssertionError("no API " + api + " in " + ready);
    }

    /** Waits until stderr shows a line that passes {@code test}. */
    String awaitLine(Predicate<String> test, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            String found = err.toString().lines().filter(test).findFirst().orElse(null);
            if (found != null) {
                return found;
            }
            assertThat(System.nanoTime()).as("no such line within %s:\n%s", within, err).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }

    /** Presses Ctrl-C, as SIGINT would, once the command holds it. */
    void ctrlC() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (ctrlC.get() == null) {
            assertThat(code).as("dev ended before Ctrl-C:\n%s", err).isNull();
            assertThat(System.nanoTime()).as("dev never took Ctrl-C").isLessThan(deadline);
            Thread.sleep(10);
        }
        ctrlC.get().run();
    }

    /** The exit code, once the command ended. */
    int exit(Duration within) throws InterruptedException {
        thread.join(within.toMillis());
        assertThat(thread.isAlive()).as("dev still running after %s:\n%s", within, err).isFalse();
        return code;
    }

    /** Ends the command if a test failed half-way. */
    @Override
    public void close() throws InterruptedException {
        if (thread.isAlive()) {
            Runnable stop = ctrlC.get();
            if (stop != null) {
                stop.run();
            } else {
                thread.interrupt();
            }
            thread.join(Duration.ofSeconds(60).toMillis());
        }
    }
}
