package dev.dynctl.shell;

import dev.dynctl.output.Format;
import java.util.ArrayList;
import java.util.List;

/**
 * What the shell remembers between statements: the target, the table in use, the output format,
 * and the switches (timing, pager). Each statement runs with these as its defaults; what the
 * statement says itself wins.
 */
final class Session {
    private volatile Connection connection;
    private volatile String table;
    private volatile Format output;
    private volatile boolean timing;
    private volatile boolean pager = true;
    private final List<List<String>> flags;

    /**
     * @param flags global options every statement gets unless it gives them itself, from the
     *     shell's own command line: each an option and its value, if any (--yes; --project FILE)
     */
    Session(Connection connection, Format output, List<List<String>> flags) {
        this.connection = connection;
        this.output = output;
        this.flags = List.copyOf(flags);
    }

    Connection connection() {
        return connection;
    }

    /** A new target; the table in use belonged to the old one. */
    void connect(Connection connection) {
        this.connection = connection;
        this.table = null;
    }

    /** The table in use, or null. */
    String table() {
        return table;
    }

    void use(String table) {
        this.table = table;
    }

    /** The output format every statement gets unless it says -o; null for the default (table on a terminal). */
    Format output() {
        return output;
    }

    void output(Format output) {
        this.output = output;
    }

    boolean timing() {
        return timing;
    }

    void timing(boolean timing) {
        this.timing = timing;
    }

    boolean pager() {
        return pager;
    }

    void pager(boolean pager) {
        this.pager = pager;
    }

    /** "local:users> ": the target, and the table when one is in use. */
    String prompt() {
        return connection.label() + (table == null ? "" : ":" + table) + "> ";
    }

    /**
     * The global options a statement runs with: the session's target and output format, except
     * where the statement gives its own. {@code connect} with options chooses a new target, so it
     * gets none of the old one.
     */
    List<String> globalArguments(List<String> words) {
        List<String> arguments = new ArrayList<>();
        boolean connecting = !words.isEmpty() && words.get(0).equals(ConnectCommand.NAME)
                && Words.hasOption(words, Connection.OPTIONS.toArray(String[]::new));
        if (!connecting) {
            arguments.addAll(connection.arguments(words));
        }
        if (output != null && !Words.hasOption(words, "-o", "--output")) {
            arguments.addAll(List.of("--output", output.toString()));
        }
        flags.stream().filter(flag -> !Words.hasOption(words, flag.get(0))).forEach(arguments::addAll);
        return arguments;
    }
}
