package dev.dynctl.shell;

import dev.dynctl.aws.ClientPool;
import dev.dynctl.aws.ClientSource;
import dev.dynctl.aws.Clients;
import dev.dynctl.aws.RequestMeter;
import dev.dynctl.cli.Context;
import dev.dynctl.cli.Dynctl;
import dev.dynctl.cli.Interrupts;
import dev.dynctl.cli.SessionHooks;
import dev.dynctl.error.ExitCode;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/**
 * The REPL: reads statements (typed at a terminal, or from a script) and runs each through the
 * CLI's own command tree with the session's context filled in. A failing statement prints its
 * error and the shell goes on.
 */
final class Shell implements AutoCloseable {
    /**
     * Where a statement's output goes and what it may ask of the terminal.
     *
     * @param pausedNanos how long the output has waited for a key at the pager so far (timing leaves it out)
     */
    record Io(PrintWriter out, PrintWriter err, Context.Terminal terminal, boolean script, LongSupplier pausedNanos) {
        /** Output that never waits at a pager. */
        Io(PrintWriter out, PrintWriter err, Context.Terminal terminal, boolean script) {
            this(out, err, terminal, script, () -> 0L);
        }
    }

    /** How a script ended: the first failing statement's exit code (0 when none failed), and where. */
    record Outcome(int code, int failed, int run, Statements.Statement firstFailure) {
    }

    private final Session session;
    /** The statements' clients: each statement borrows them with its own --debug log and timing. */
    private final ClientPool clients = new ClientPool(List.of(new RequestMeter(true)));
    private final ClientPool lookups = new ClientPool(List.of());
    private final Explain explain;
    private final StatementCancel cancel = new StatementCancel();
    private volatile boolean ended;

    Shell(Session session) {
        this.session = session;
        this.explain = new Explain(session);
    }

    Session session() {
        return session;
    }

    /** True while a typed statement runs (Ctrl-C is then for it, not for the prompt). */
    boolean running() {
        return cancel.running();
    }

    /**
     * Reads and runs statements typed at {@code terminal} until exit or Ctrl-D. Ctrl-C at the
     * prompt clears the line; while a statement runs, it stops the statement.
     */
    void interactive(Terminal terminal, LineReader reader, Context.Terminal surroundings) {
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> {
            if (cancel.running()) {
                // after the ^C the terminal echoed: what the statement says next starts a line of its own
                terminal.writer().println();
                terminal.flush();
            }
            cancel.cancel();
        });
        try {
            while (!ended) {
                String line;
                try {
                    line = reader.readLine(session.prompt());
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    break;
                }
                runOn(terminal, line, surroundings);
            }
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
        }
    }

    /**
     * Runs a statement on a thread of its own, so that Ctrl-C can reach it while this one waits,
     * and a statement that will not stop can be left behind (silenced, its keyboard taken back).
     * Its results pause at each page unless the pager is off or the statement says --all.
     */
    private void runOn(Terminal terminal, String line, Context.Terminal surroundings) {
        StatementKeys keys = new StatementKeys(terminal);
        Pager pager = session.pager() && !AllOption.strip(line).all() ? Pager.of(terminal, keys, session.prompt(), line) : null;
        OpenLine open = new OpenLine();
        StatementWriter out = new StatementWriter(terminal, pager, true, open);
        StatementWriter err = new StatementWriter(terminal, pager, false, open);
        Io io = new Io(new PrintWriter(out), new PrintWriter(err), statementSurroundings(terminal, keys, surroundings), false,
                pager == null ? () -> 0L : pager::waitedNanos);
        StatementCancel.Statement statement = cancel.start(() -> {
            try {
                return run(line, io);
            } finally {
                io.out().flush();
                io.err().flush();
            }
        });
        boolean warned = false;
        while (true) {
            try {
                statement.done().get(100, TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException e) {
                if (statement.abandoned()) {
                    out.silence();
                    err.silence();
                    keys.abandon();
                    say(terminal, open, "Abandoned the statement: it may still finish in the background, unseen.");
                    return;
                }
                if (!warned && statement.overdue()) {
                    warned = true;
                    say(terminal, open, "Still stopping (a request may be waiting for its answer). Ctrl-C again abandons the statement.");
                }
            } catch (ExecutionException e) {
                // an error outside the command's own handling: one line, as for every other
                say(terminal, open, "Error: " + e.getCause());
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The terminal as a statement sees it: its width now, and keys that Ctrl-C stops waiting for. */
    private static Context.Terminal statementSurroundings(Terminal terminal, StatementKeys keys, Context.Terminal surroundings) {
        int width = terminal.getWidth() > 0 ? terminal.getWidth() : surroundings.width();
        return new Context.Terminal(new StatementInput(terminal, keys), surroundings.stdinIsTerminal(), surroundings.stdoutIsTerminal(),
                width, surroundings.env(), surroundings.stderrIsTerminal());
    }

    /** The shell's own word on the statement, on a line of its own. */
    private static void say(Terminal terminal, OpenLine open, String line) {
        terminal.writer().print(open.end());
        terminal.writer().println(line);
        terminal.flush();
    }

    /** Runs a script's statements; with {@code stopOnError} the first failure ends it. */
    Outcome script(BufferedReader source, String name, boolean stopOnError, Io io) {
        int code = 0;
        int failed = 0;
        int ran = 0;
        Statements.Statement first = null;
        for (Statements statements = new Statements(source, name); statements.hasNext(); ) {
            Statements.Statement statement = statements.next();
            int result = run(statement.text(), io);
            ran++;
            if (result == ExitCode.INTERRUPTED.code()) {
                // Ctrl-C stopped a job (which kept its resume point): the script ends there too
                return new Outcome(result, failed + 1, ran, statement);
            }
            if (result != 0) {
                failed++;
                io.err().println("  at " + name + ":" + statement.line() + ": " + statement.text().lines().findFirst().orElse(""));
                io.err().flush();
                if (first == null) {
                    first = statement;
                    code = result;
                }
                if (stopOnError) {
                    break;
                }
            }
            if (ended) {
                break;
            }
        }
        return new Outcome(code, failed, ran, first);
    }

    /** Runs one statement as typed; returns its exit code. With timing on, says what it took after it. */
    int run(String statement, Io io) {
        // the shell's --all (no pauses) is no option of the command's, in any mode: taken out here
        String text = AllOption.strip(statement).text().strip();
        if (ShellSyntax.isBlankOrComment(text)) {
            return 0;
        }
        if (!session.timing()) {
            return dispatch(text, io, null, clients.forStatement(null));
        }
        Timing timing = Timing.start(io.pausedNanos());
        int code = dispatch(text, io, timing.reading(), clients.forStatement(timing.reading()));
        if (session.timing() && !ended) {
            io.err().println(timing.line());
            io.err().flush();
        }
        return code;
    }

    /**
     * @param reading what the statement's requests are counted in (null: not timed)
     * @param statementClients the clients the statement's commands use, counting in {@code reading}
     */
    private int dispatch(String text, Io io, RequestMeter.Reading reading, ClientSource statementClients) {
        Explain.Request explained = Explain.parse(text);
        if (explained != null) {
            return explain.run(explained, io, reading, (statement, held, own) -> dispatch(statement, held, reading, own));
        }
        List<String> words = ShellSyntax.isPartiql(text) ? List.of("sql", ShellSyntax.partiql(text))
                : text.equals("\\q") ? List.of(text) : ShellSyntax.words(ShellSyntax.partiql(text));
        if (words.isEmpty()) {
            return 0;
        }
        if (ShellHelp.EXIT.contains(words.get(0))) {
            ended = true;
            return 0;
        }
        if (ShellHelp.HELP.contains(words.get(0))) {
            if (words.size() == 1) {
                io.out().print(ShellHelp.OVERVIEW);
                io.out().flush();
                return 0;
            }
            return help(words.subList(1, words.size()), io, statementClients);
        }
        return execute(words, io, statementClients);
    }

    /**
     * The clients of the session's target for completion's lookups: from a pool of their own, so
     * that explain and timing never see them, made once per target.
     */
    Clients clients(Context.Terminal surroundings) {
        try (Dynctl dynctl = new Dynctl().withTerminal(surroundings)
                .withHooks(new SessionHooks(lookups.forStatement(null), cancel, root -> ShellCommands.addTo(root, session)))) {
            // asked for while a line is typed: nothing (such as the local engine starting) may be printed over it
            dynctl.commandLine().setErr(new PrintWriter(Writer.nullWriter()));
            return dynctl.clients(session.globalArguments(List.of()));
        }
    }

    /** In a script, Ctrl-C is the process's own SIGINT (there is no prompt to return to); at a terminal, the shell's. */
    private SessionHooks hooks(boolean script, ClientSource statementClients) {
        return new SessionHooks(statementClients, script ? Interrupts.SIGNAL : cancel, root -> ShellCommands.addTo(root, session));
    }

    /** help COMMAND: the command's --help; PartiQL's verbs are the sql command's. */
    private int help(List<String> command, Io io, ClientSource statementClients) {
        List<String> asked = new ArrayList<>(ShellSyntax.isPartiql(String.join(" ", command)) || isPartiqlVerb(command.get(0))
                ? List.of("sql") : command);
        try (Dynctl dynctl = new Dynctl().withHooks(hooks(io.script(), statementClients))) {
            if (!dynctl.commandLine().getSubcommands().containsKey(asked.get(0))) {
                io.err().println("Error: Unknown command '" + asked.get(0) + "'.");
                io.err().println("Try 'help' for the commands.");
                io.err().flush();
                return ExitCode.USAGE.code();
            }
        }
        asked.add("--help");
        return execute(asked, io, statementClients);
    }

    private static boolean isPartiqlVerb(String word) {
        return ShellSyntax.isPartiql(word + " ");
    }

    private int execute(List<String> words, Io io, ClientSource statementClients) {
        try (Dynctl dynctl = new Dynctl().withTerminal(io.terminal()).withHooks(hooks(io.script(), statementClients))) {
            var commandLine = dynctl.commandLine().setOut(io.out()).setErr(io.err());
            List<String> filled = ContextArguments.apply(words, commandLine, session.table());
            List<String> arguments = new ArrayList<>(session.globalArguments(filled));
            if (io.script() && !filled.contains("--no-input") && !filled.contains("--yes") && !filled.contains("-y")) {
                // a script cannot answer a question: a statement that needs one fails and says --yes
                arguments.add("--no-input");
            }
            arguments.addAll(filled);
            int code = commandLine.execute(arguments.toArray(String[]::new));
            if (code == 0 && filled.size() > 2 && filled.subList(0, 2).equals(List.of("table", "delete")) && filled.contains(session.table())) {
                // the table in use is gone: the prompt must not go on naming it
                session.use(null);
            }
            return code;
        }
    }

    @Override
    public void close() {
        clients.close();
        lookups.close();
    }
}
