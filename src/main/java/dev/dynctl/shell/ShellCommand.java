package dev.dynctl.shell;

import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.cli.GlobalOptions;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.LineReader;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = ShellCommand.NAME, mixinStandardHelpOptions = true,
        description = {"An interactive shell: every dynctl command without 'dynctl', PartiQL statements typed "
                + "directly (until ';'), 'use TABLE' so that get, put, query and scan need no table name, "
                + "completion of commands, options, tables, indexes and attributes, and a history searched "
                + "with Ctrl-R. Type 'help' in it for more.",
            "",
            "With --file, or statements piped in, it runs them without a prompt: a failing statement is "
                    + "reported with its line and the rest still run (--stop-on-error ends at the first), and "
                    + "the exit code is the first failure's. Questions are not asked in a script: pass --yes.",
            "",
            "The history is kept in $XDG_STATE_HOME/dynctl/history (else ~/.local/state/dynctl/history), "
                    + "readable by you only; DYNCTL_HISTORY names another file, or, set empty, keeps none. Lines that "
                    + "may hold a secret (keys, tokens, passwords) and lines typed with a leading space are not kept."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl --local shell",
            "  dynctl --profile prod --region eu-west-1 shell",
            "  dynctl --local shell -f seed.sql --stop-on-error",
            "  echo 'SELECT * FROM users;' | dynctl --local shell -o json"})
public final class ShellCommand extends DynctlCommand {
    public static final String NAME = "shell";

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Run the statements in FILE, then exit.")
    Path file;

    @Option(names = "--stop-on-error", description = "In a script, stop at the first statement that fails.")
    boolean stopOnError;

    @Override
    protected void run(Context context) throws IOException {
        GlobalOptions options = context.options();
        Session session = new Session(new Connection(options.profile(), options.region(), options.endpointUrl(), options.local()),
                options.output(), flags(options));
        try (Shell shell = new Shell(session)) {
            if (file != null) {
                try (BufferedReader script = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    finish(shell.script(script, file.toString(), stopOnError, scriptIo(context, context.in())), file.toString());
                } catch (NoSuchFileException e) {
                    throw DynctlException.usage("There is no file '" + file + "'.");
                }
            } else if (!context.stdinIsTerminal()) {
                BufferedReader script = new BufferedReader(new InputStreamReader(context.in(), StandardCharsets.UTF_8));
                // the statements are on standard input: a statement that reads it (put -) gets nothing
                finish(shell.script(script, "stdin", stopOnError, scriptIo(context, new ByteArrayInputStream(new byte[0]))), "stdin");
            } else {
                interactive(context, shell);
            }
        }
    }

    private void interactive(Context context, Shell shell) throws IOException {
        if (stopOnError) {
            throw DynctlException.usage("--stop-on-error is for scripts: pass --file FILE, or pipe the statements in.");
        }
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            Context.Terminal surroundings = new Context.Terminal(terminal.input(), true, true, terminal.getWidth(), context.env(), true);
            LineReader reader = ShellLineReader.build(terminal, shell, surroundings);
            shell.interactive(terminal, reader, surroundings);
        }
    }

    private static Shell.Io scriptIo(Context context, java.io.InputStream in) {
        Context.Terminal surroundings = new Context.Terminal(in, false, context.stdoutIsTerminal(), context.width(), context.env(),
                context.stderrIsTerminal());
        return new Shell.Io(context.out(), context.err(), surroundings, true);
    }

    private static void finish(Shell.Outcome outcome, String name) {
        if (outcome.failed() == 0) {
            return;
        }
        String where = name + ":" + outcome.firstFailure().line();
        if (outcome.code() == ExitCode.INTERRUPTED.code()) {
            throw new DynctlException(ExitCode.INTERRUPTED, "Interrupted at " + where + "; the statements after it did not run.");
        }
        throw new DynctlException(ExitCode.of(outcome.code()), outcome.failed() == 1
                ? "1 of " + outcome.run() + (outcome.run() == 1 ? " statement" : " statements") + " failed (" + where + ")."
                : outcome.failed() + " of " + outcome.run() + " statements failed; the first at " + where + ".");
    }

    /** The shell's own switches that every statement keeps. */
    private static List<List<String>> flags(GlobalOptions options) {
        List<List<String>> flags = new ArrayList<>();
        if (options.yes()) {
            flags.add(List.of("--yes"));
        }
        if (options.debug()) {
            flags.add(List.of("--debug"));
        }
        if (options.noColor()) {
            flags.add(List.of("--no-color"));
        }
        if (options.noInput()) {
            flags.add(List.of("--no-input"));
        }
        if (options.project() != null) {
            flags.add(List.of("--project", options.project().toString()));
        }
        if (options.query() != null) {
            flags.add(List.of("--query", options.query()));
        }
        return flags;
    }
}
