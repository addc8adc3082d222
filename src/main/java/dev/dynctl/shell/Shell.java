package dev.dynctl.shell;

import dev.dynctl.aws.ClientPool;
import dev.dynctl.aws.Clients;
import dev.dynctl.cli.Context;
import dev.dynctl.cli.Dynctl;
import dev.dynctl.cli.SessionHooks;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
    /** Where a statement's output goes and what it may ask of the terminal. */
    record Io(PrintWriter out, PrintWriter err, Context.Terminal terminal, boolean script) {
    }

    /** How a script ended: the first failing statement's exit code (0 when none failed), and where. */
    record Outcome(int code, int failed, int run, Statements.Statement firstFailure) {
    }

    private final Session session;
    private final ClientPool clients = new ClientPool(List.of());
    private final StatementCancel cancel = new StatementCancel();
    private volatile boolean ended;

    Shell(Session session) {
        this.session = session;
    }

    Session session() {
        return session;
    }

    /** Reads and runs statements typed at {@code terminal} until exit or Ctrl-D. */
    void interactive(Terminal terminal, LineReader reader, Context.Terminal surroundings) {
        Io io = new Io(terminal.writer(), terminal.writer(), surroundings, false);
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> cancel.cancel());
        ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "dynctl-statement");
            thread.setDaemon(true);
            return thread;
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
                runOn(worker, line, io);
            }
        } finally {
            worker.shutdownNow();
            terminal.handle(Terminal.Signal.INT, previous);
        }
    }

    /** Runs a statement on the worker thread, so that Ctrl-C can reach it while this one waits. */
    private void runOn(ExecutorService worker, String statement, Io io) {
        Future<Integer> done = worker.submit(() -> {
            cancel.running(Thread.currentThread());
            try {
                return run(statement, io);
            } finally {
                cancel.running(null);
                Thread.interrupted();
            }
        });
        while (true) {
            try {
                done.get();
                return;
            } catch (InterruptedException e) {
                cancel.cancel();
            } catch (ExecutionException e) {
                io.err().println("Error: " + e.getCause());
                io.err().flush();
                return;
            }
        }
    }

    /** Runs a script's statements; with {@code stopOnError} the first failure ends it. */
    Outcome script(BufferedReader source, String name, boolean stopOnError, Io io) {
        int code = 0;
        int failed = 0;
        int ran = 0;
        Statements.Statement first = null;
        for (Statements.Statement statement : Statements.read(source)) {
            int result = run(statement.text(), io);
            ran++;
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

    /** Runs one statement as typed; returns its exit code. */
    int run(String statement, Io io) {
        String text = statement.strip();
        if (ShellSyntax.isBlankOrComment(text)) {
            return 0;
        }
        List<String> words = ShellSyntax.isPartiql(text) ? List.of("sql", ShellSyntax.partiql(text))
                : ShellSyntax.words(ShellSyntax.partiql(text));
        if (words.isEmpty()) {
            return 0;
        }
        switch (words.get(0)) {
            case "exit", "quit", "\\q" -> {
                ended = true;
                return 0;
            }
            case "help", "?" -> {
                if (words.size() == 1) {
                    io.out().print(ShellHelp.OVERVIEW);
                    io.out().flush();
                    return 0;
                }
                List<String> asked = new ArrayList<>(words.subList(1, words.size()));
                asked.add("--help");
                return execute(asked, io);
            }
            default -> {
                return execute(words, io);
            }
        }
    }

    /** The clients of the session's target (for completion), from the pool: made once per target. */
    Clients clients(Context.Terminal surroundings) {
        try (Dynctl dynctl = new Dynctl().withTerminal(surroundings).withHooks(hooks())) {
            // asked for while a line is typed: nothing (such as the local engine starting) may be printed over it
            dynctl.commandLine().setErr(new PrintWriter(Writer.nullWriter()));
            return dynctl.clients(session.globalArguments(List.of()));
        }
    }

    private SessionHooks hooks() {
        return new SessionHooks(clients, cancel, root -> ShellCommands.addTo(root, session));
    }

    private int execute(List<String> words, Io io) {
        try (Dynctl dynctl = new Dynctl().withTerminal(io.terminal()).withHooks(hooks())) {
            var commandLine = dynctl.commandLine().setOut(io.out()).setErr(io.err());
            List<String> filled = ContextArguments.apply(words, commandLine, session.table());
            List<String> arguments = new ArrayList<>(session.globalArguments(filled));
            if (io.script() && !filled.contains("--no-input") && !filled.contains("--yes") && !filled.contains("-y")) {
                // a script cannot answer a question: a statement that needs one fails and says --yes
                arguments.add("--no-input");
            }
            arguments.addAll(filled);
            return commandLine.execute(arguments.toArray(String[]::new));
        }
    }

    @Override
    public void close() {
        clients.close();
    }
}
