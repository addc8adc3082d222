package dev.dynctl.shell;

import dev.dynctl.error.DynctlException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A script's statements, as the shell would read them typed: a command per line (longer when a
 * quote or bracket is open or the line ends in a backslash), a PartiQL statement up to its ';'.
 * Lines that hold only a comment (# or --) are skipped. Each statement is handed out as soon as
 * its last line is read, so a pipe drives the shell line by line.
 */
final class Statements implements Iterator<Statements.Statement> {
    /** One statement and the line it starts on. */
    record Statement(String text, int line) {
    }

    private final BufferedReader script;
    private final String name;
    private int number;
    private Statement next;
    private boolean ended;

    /** @param name the script's name in messages: its file, or stdin */
    Statements(BufferedReader script, String name) {
        this.script = script;
        this.name = name;
    }

    @Override
    public boolean hasNext() {
        if (next == null && !ended) {
            next = read();
        }
        return next != null;
    }

    @Override
    public Statement next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Statement statement = next;
        next = null;
        return statement;
    }

    private Statement read() {
        StringBuilder pending = new StringBuilder();
        int start = 0;
        for (String line = readLine(); line != null; line = readLine()) {
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
                return new Statement(pending.toString(), start);
            }
        }
        ended = true;
        if (pending.isEmpty()) {
            return null;
        }
        if (!ShellSyntax.isComplete(pending + ";")) {
            throw DynctlException.usage(name + ":" + start + ": the statement is not finished: a quote or bracket is still open at the end.");
        }
        // the last statement may lack its ';': run it as it is, as a user at the prompt would
        return new Statement(pending.toString(), start);
    }

    private String readLine() {
        try {
            String line = script.readLine();
            if (line != null) {
                number++;
            }
            return line;
        } catch (CharacterCodingException e) {
            throw DynctlException.usage("Cannot read " + name + ": line " + (number + 1) + " is not UTF-8 text.");
        } catch (IOException e) {
            throw DynctlException.usage("Cannot read " + name + ": " + e.getMessage() + ".");
        }
    }
}
