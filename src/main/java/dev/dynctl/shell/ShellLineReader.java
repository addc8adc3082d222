package dev.dynctl.shell;

import dev.dynctl.cli.Context;
import dev.dynctl.cli.Dynctl;
import dev.dynctl.cli.Interrupts;
import dev.dynctl.cli.SessionHooks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.impl.completer.SystemCompleter;
import org.jline.terminal.Terminal;
import org.jline.widget.TailTipWidgets;
import picocli.CommandLine;
import picocli.shell.jline3.PicocliCommands;

/**
 * The JLine reader of the interactive shell: how statements are read, completed, coloured and
 * remembered. picocli-shell-jline3's PicocliCommands over the shell's command tree gives command
 * and option names and the tail-tips; the shell's own completer adds what the target knows
 * (tables, indexes, attributes) and files. Statements are run by {@link Shell}, not by JLine.
 */
final class ShellLineReader {
    /** Lines of the status bar under the prompt where tail-tips describe the command and its options. */
    static final int TIP_LINES = 3;

    private ShellLineReader() {
    }

    /**
     * @param surroundings the terminal and environment of the session (history file, NO_COLOR)
     */
    static LineReader build(Terminal terminal, Shell shell, Context.Terminal surroundings) {
        Session session = shell.session();
        CommandLine tree = commandTree(session);
        PicocliCommands commands = new PicocliCommands(tree);
        SystemCompleter names = commands.compileCompleters();
        names.compile();
        SessionCatalog catalog = new SessionCatalog(session, () -> shell.clients(surroundings).dynamo());
        // the first catalog starts reading the target's tables while the person types
        catalog.current();
        Optional<Path> historyFile = HistoryFile.of(surroundings.env());
        LineReaderBuilder builder = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("dynctl")
                .parser(new PartiqlQuoting(new ShellParser()))
                .completer(new ShellCompleter(tree, names, catalog, session))
                .highlighter(new ShellHighlighter(tree, color(session, surroundings.env())))
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, "%P.> ")
                .variable(LineReader.HISTORY_SIZE, 2000)
                .option(LineReader.Option.HISTORY_IGNORE_SPACE, true)
                // '!' belongs to values and conditions (--set note=wow!!, a != b): it is never a history event
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true);
        Path kept = historyFile.filter(file -> ready(file, terminal)).orElse(null);
        if (kept != null) {
            builder.variable(LineReader.HISTORY_FILE, kept);
        }
        LineReader reader = builder.history(new ShellHistory(kept)).build();
        TailTipWidgets tips = new TailTipWidgets(reader, new ShellTailTips(tree, commands), TIP_LINES, TailTipWidgets.TipType.TAIL_TIP);
        tips.enable();
        // a line left with Ctrl-C keeps its description: each prompt starts without one
        reader.getWidgets().put(LineReader.CALLBACK_INIT, () -> {
            tips.clearDescription();
            return true;
        });
        return reader;
    }

    /** The tree statements run on (the CLI's, the short forms and the shell's commands), for names and descriptions. */
    private static CommandLine commandTree(Session session) {
        Dynctl root = new Dynctl().withHooks(new SessionHooks(null, Interrupts.SIGNAL, tree -> ShellCommands.addTo(tree, session)));
        return root.commandLine();
    }

    /** Colours unless the shell was started with --no-color or NO_COLOR is set (https://no-color.org). */
    private static boolean color(Session session, Map<String, String> env) {
        String noColor = env.get("NO_COLOR");
        return (noColor == null || noColor.isEmpty()) && !session.globalArguments(List.of()).contains("--no-color");
    }

    /** True when the history file can be used; says so once on the terminal when it cannot. */
    private static boolean ready(Path file, Terminal terminal) {
        try {
            HistoryFile.prepare(file);
            return true;
        } catch (IOException | RuntimeException e) {
            terminal.writer().println("History is not saved: " + file + " cannot be written (" + e.getMessage() + ").");
            terminal.writer().flush();
            return false;
        }
    }
}
