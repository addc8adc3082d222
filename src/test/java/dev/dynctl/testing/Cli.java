package dev.dynctl.testing;

import dev.dynctl.cli.Context;
import dev.dynctl.cli.Dynctl;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the real command line in-process with captured output, as a user would type it. {@link
 * #aws} adds the options that point it at the test run's moto server.
 */
public final class Cli {
    static {
        // the SDK's default chain reads these; they only ever reach the local test engine
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
    }

    public static final String REGION = "us-east-1";

    private String stdin = "";
    private boolean stdinTerminal;
    private boolean stdoutTerminal;
    private int width = 120;
    private final Map<String, String> env = new HashMap<>();

    public static Cli cli() {
        return new Cli();
    }

    public Cli stdin(String text) {
        this.stdin = text;
        return this;
    }

    /** Standard input and output both a terminal (a person typing), or both not (a script). */
    public Cli interactive(boolean interactive) {
        return stdinTerminal(interactive).stdoutTerminal(interactive);
    }

    /** Standard input is a terminal: nothing is piped in. */
    public Cli stdinTerminal(boolean terminal) {
        this.stdinTerminal = terminal;
        return this;
    }

    /** Standard output is a terminal: tables and colours by default. */
    public Cli stdoutTerminal(boolean terminal) {
        this.stdoutTerminal = terminal;
        return this;
    }

    public Cli width(int width) {
        this.width = width;
        return this;
    }

    public Cli env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** Runs dynctl against the test run's moto server (DynamoDB and the control-plane APIs). */
    public Result aws(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--endpoint-url", MotoServer.get().endpoint().toString(), "--region", REGION));
        return run(all.toArray(String[]::new));
    }

    /** Runs dynctl with exactly these arguments. */
    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Context.Terminal terminal = new Context.Terminal(
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), stdinTerminal, stdoutTerminal, width,
                Map.copyOf(env));
        int code;
        try (Dynctl dynctl = new Dynctl().withTerminal(terminal)) {
            dynctl.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
            code = dynctl.commandLine().execute(args);
        }
        return new Result(code, out.toString(), err.toString());
    }

    public record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
        }
    }
}
