package dev.dynctl.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A script's statements, as the shell would read them typed: a command per line (longer when a
 * quote or bracket is open or the line ends in a backslash), a PartiQL statement up to its ';'.
 * Lines that hold only a comment (# or --) are skipped.
 */
final class Statements {
    /** One statement and the line it starts on. */
    record Statement(String text, int line) {
    }

    private Statements() {
    }

    static List<Statement> read(BufferedReader script) {
        List<Statement> statements = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        int start = 0;
        int number = 0;
        try {
            for (String line = script.readLine(); line != null; line = script.readLine()) {
                number++;
                if (pending.isEmpty()) {
                    if (ShellSyntax.isBlankOrComment(line)) {
                        continue;
                    }
                    start = number;
                } else {
                    pending.append('\n');
                }
                pending.append(line);
                if (ShellSyntax.isComplete(pending.toString())) {
                    statements.add(new Statement(pending.toString(), start));
                    pending.setLength(0);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!pending.isEmpty()) {
            // the last statement may lack its ';': run it as it is, as a user at the prompt would
            statements.add(new Statement(pending.toString(), start));
        }
        return statements;
    }
}
