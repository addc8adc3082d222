package dev.dynctl.cli;

import dev.dynctl.aws.Clients;
import dev.dynctl.aws.Target;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import dev.dynctl.local.LocalEngine;
import dev.dynctl.model.ProjectFile;
import dev.dynctl.output.Format;
import dev.dynctl.output.Output;
import dev.dynctl.output.Style;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one run of a command works with: the global options, the AWS clients for the chosen
 * target, the output, and the terminal. Built lazily so that --help and parse errors cost nothing.
 */
public final class Context implements AutoCloseable {
    private final GlobalOptions options;
    private final Terminal terminal;
    private final SessionHooks hooks;
    private final PrintWriter out;
    private final PrintWriter err;
    private Clients clients;
    private final List<Clients> otherClients = new ArrayList<>();
    private Output output;
    private ProjectFile project;

    Context(GlobalOptions options, Terminal terminal, SessionHooks hooks, PrintWriter out, PrintWriter err) {
        this.options = options;
        this.terminal = terminal;
        this.hooks = hooks;
        this.out = out;
        this.err = err;
    }

    public GlobalOptions options() {
        return options;
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    public InputStream in() {
        return terminal.in();
    }

    /** The environment variables this run sees (replaceable in tests). */
    public Map<String, String> env() {
        return terminal.env();
    }

    /** True when a person types on standard input: items and answers are then asked for, not piped. */
    public boolean stdinIsTerminal() {
        return terminal.stdinIsTerminal();
    }

    /** True when standard output is a terminal: tables and colours by default. */
    public boolean stdoutIsTerminal() {
        return terminal.stdoutIsTerminal();
    }

    /** True when standard error is a terminal: progress is drawn there, and only then. */
    public boolean stderrIsTerminal() {
        return terminal.stderrIsTerminal();
    }

    /** The terminal's width in columns (a default when output is not a terminal). */
    public int width() {
        return terminal.width();
    }

    public synchronized Clients clients() {
        if (clients == null) {
            PrintWriter requestLog = options.debug() ? err : null;
            clients = hooks.clients() != null ? hooks.clients().clients(target(), requestLog) : new Clients(target(), requestLog);
        }
        return clients;
    }

    /**
     * Ctrl-C runs {@code action} (a bulk job's stop) until the handle is closed, instead of ending
     * the process (or, in the shell, cancelling the statement).
     */
    public Interruption onInterrupt(Runnable action) {
        return hooks.interrupts().onInterrupt(action);
    }

    /** True once clients exist, so error messages can say where a request went. */
    synchronized String where() {
        return clients == null ? null : clients.where();
    }

    /**
     * The project file: --project, or dynctl.yaml in the current directory (an empty project when
     * there is none). Read on first use, so commands that need no schema never read it.
     */
    public synchronized ProjectFile project() {
        if (project == null) {
            try {
                project = options.project() != null ? ProjectFile.load(options.project()) : ProjectFile.find(Path.of(""));
            } catch (DynctlException e) {
                // a broken file stops item commands on every table: say how to go on without it
                throw e.hint() != null || e.exitCode() != ExitCode.USAGE ? e : new DynctlException(e.exitCode(), e.getMessage(),
                        "Fix the project file, or pass --no-schema to write and read items without it.", e);
            }
        }
        return project;
    }

    public synchronized Output output() {
        if (output == null) {
            output = new Output(format(), options.query(), style(), out);
        }
        return output;
    }

    /** The --output format; by default a table for a person at a terminal, JSON for a pipe or file. */
    private Format format() {
        if (options.output() != null) {
            return options.output();
        }
        return terminal.stdoutIsTerminal() ? Format.TABLE : Format.JSON;
    }

    public Style style() {
        return new Style(colorAllowed(terminal, options.noColor()), terminal.width());
    }

    /** Colours only on a terminal, and never with --no-color or NO_COLOR (https://no-color.org). */
    static boolean colorAllowed(Terminal terminal, boolean noColorOption) {
        String noColor = terminal.env().get("NO_COLOR");
        return terminal.stdoutIsTerminal() && !noColorOption && (noColor == null || noColor.isEmpty());
    }

    private Target target() {
        // the local engine's region is --region or its own default, never the environment's
        return target(options.profile(), options.local() ? options.region() : region(), options.endpointUrl(), options.local(), "");
    }

    /**
     * Clients for a second target (`table copy --to-…`), closed with this context. Each null or
     * false choice is taken from the run's own target; an endpoint or --to-local replaces the
     * other.
     */
    public synchronized Clients otherClients(String profile, String region, String endpointUrl, boolean local) {
        boolean otherLocal = local || (endpointUrl == null && options.local());
        String otherEndpoint = endpointUrl != null ? endpointUrl : local ? null : options.endpointUrl();
        Target other = target(profile != null ? profile : options.profile(), region != null ? region : otherLocal ? options.region() : region(),
                otherEndpoint,
                otherLocal, "--to-");
        PrintWriter requestLog = options.debug() ? err : null;
        if (hooks.clients() != null) {
            // the session's: with its interceptors and the statement's scope (explain must stop a copy's writes to the other target too)
            return hooks.clients().clients(other, requestLog);
        }
        Clients made = new Clients(other, requestLog);
        otherClients.add(made);
        return made;
    }

    /** @param prefix "" for the global options, "--to-" for a second target: the options' names in messages */
    private Target target(String profile, String region, String endpointUrl, boolean local, String prefix) {
        String endpointOption = prefix.isEmpty() ? "--endpoint-url" : "--to-endpoint";
        if (local) {
            if (endpointUrl != null) {
                throw DynctlException.usage(prefix + "local and " + endpointOption + " both choose the endpoint; pass one of them.");
            }
            URI endpoint = LocalEngine.fromEnvironment(terminal.env()).ensureRunning(err);
            return Target.local(endpoint, region);
        }
        URI endpoint = null;
        if (endpointUrl != null) {
            String shown = Target.redacted(endpointUrl);
            try {
                endpoint = URI.create(endpointUrl);
            } catch (IllegalArgumentException e) {
                throw DynctlException.usage(endpointOption + " '" + shown + "' is not a URL.");
            }
            if (endpoint.getScheme() == null || endpoint.getHost() == null) {
                throw DynctlException.usage(endpointOption + " '" + shown + "' needs a scheme and host, e.g. http://localhost:8000.");
            }
        }
        return new Target(profile, region, endpoint, false);
    }

    /**
     * --region, else AWS_REGION (read by the SDK), else AWS_DEFAULT_REGION as the AWS CLI reads it
     * (the SDK does not), else the profile's.
     */
    private String region() {
        Map<String, String> env = terminal.env();
        if (options.region() != null || env.get("AWS_REGION") != null) {
            return options.region();
        }
        String fallback = env.get("AWS_DEFAULT_REGION");
        return fallback == null || fallback.isBlank() ? null : fallback;
    }

    /**
     * Asks the user to type {@code expected} to go on. --yes skips the question; --no-input, or no
     * answer on standard input, refuses with a usage error that names the flag.
     *
     * @param question what is asked, e.g. "Delete table 'x' and its items?"
     * @param action what would be done, as a phrase for the refusal under --no-input, e.g. "deleting table 'x'"
     */
    public void confirm(String question, String action, String expected) {
        if (options.yes()) {
            return;
        }
        if (options.noInput()) {
            throw new DynctlException(ExitCode.USAGE, "Not confirmed: --no-input is set and " + action + " needs confirmation.",
                    "Pass --yes to confirm in scripts.");
        }
        err.print(question + " Type '" + expected + "' to confirm: ");
        err.flush();
        String answer = readLine();
        if (answer == null || !terminal.stdinIsTerminal()) {
            // a terminal echoes the answer and its Enter; Ctrl-D or a piped answer leave the cursor after the prompt
            err.println();
        }
        if (answer == null) {
            throw new DynctlException(ExitCode.USAGE, "No confirmation was given (standard input is closed).",
                    "Pass --yes to confirm in scripts.");
        }
        if (!answer.trim().equals(expected)) {
            throw new DynctlException(ExitCode.USAGE, "Not confirmed: expected '" + expected + "', got '" + answer.trim() + "'. Nothing was changed.",
                    "Type it exactly, or pass --yes to skip the question.");
        }
    }

    private String readLine() {
        try {
            return new BufferedReader(new InputStreamReader(terminal.in(), StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public synchronized void close() {
        if (clients != null && hooks.clients() == null) {
            clients.close();
        }
        clients = null;
        otherClients.forEach(Clients::close);
        otherClients.clear();
        out.flush();
        err.flush();
    }

    /**
     * The process's surroundings, replaceable in tests. Standard input and output are told apart:
     * {@code dynctl item scan t > out.json} is typed at a terminal but writes to a file, and
     * {@code cat items.json | dynctl item put t} prints to a terminal but reads a pipe.
     */
    public record Terminal(InputStream in, boolean stdinIsTerminal, boolean stdoutIsTerminal, int width,
                           Map<String, String> env, boolean stderrIsTerminal) {
        /** Surroundings whose standard error is not a terminal (no progress bars). */
        public Terminal(InputStream in, boolean stdinIsTerminal, boolean stdoutIsTerminal, int width, Map<String, String> env) {
            this(in, stdinIsTerminal, stdoutIsTerminal, width, env, false);
        }

        /**
         * The launcher tells which of stdin and stdout are terminals ([ -t 0 ], [ -t 1 ]) as
         * -Ddynctl.tty.in and -Ddynctl.tty.out (and stderr, [ -t 2 ], as -Ddynctl.tty.err); without them (java -cp …) the JVM's console, which
         * exists only when both are, stands for both.
         */
        public static Terminal system() {
            boolean console = System.console() != null;
            boolean stdin = flag("dynctl.tty.in", console);
            boolean stdout = flag("dynctl.tty.out", console);
            boolean stderr = flag("dynctl.tty.err", console);
            return new Terminal(System.in, stdin, stdout, TerminalWidth.detect(stdout), System.getenv(), stderr);
        }

        private static boolean flag(String property, boolean fallback) {
            String value = System.getProperty(property);
            return value == null || value.isBlank() ? fallback : Boolean.parseBoolean(value.trim());
        }
    }
}
