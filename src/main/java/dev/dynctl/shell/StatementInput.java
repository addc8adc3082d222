package dev.dynctl.shell;

import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import org.jline.terminal.Terminal;
import org.jline.utils.NonBlockingReader;

/**
 * The keys a statement reads (the answer to "Type 'users' to confirm"), a line at a time, echoed
 * and edited (backspace) here rather than by the terminal: a read from a terminal in line mode
 * waits for Enter whatever happens, so Ctrl-C could not stop it, and a statement given up on
 * would take the next line typed at the prompt. Ctrl-C ends the read with "Interrupted."; Ctrl-D
 * on an empty line is the end of input, and so is everything once the statement is abandoned
 * ({@link StatementKeys}).
 */
final class StatementInput extends InputStream {
    private static final int CTRL_D = 4;
    private static final int BACKSPACE = 8;
    private static final int DELETE = 127;

    private final Terminal terminal;
    private final StatementKeys keys;
    private byte[] line = new byte[0];
    private int next;
    private boolean ended;

    StatementInput(Terminal terminal, StatementKeys keys) {
        this.terminal = terminal;
        this.keys = keys;
    }

    @Override
    public int read() throws IOException {
        if (next == line.length) {
            if (ended) {
                return -1;
            }
            line = readLine();
            next = 0;
            if (line.length == 0) {
                ended = true;
                return -1;
            }
        }
        return line[next++] & 0xFF;
    }

    /** What is left of the line, after waiting for one if none is; never more. */
    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        int first = read();
        if (first < 0) {
            return -1;
        }
        bytes[offset] = (byte) first;
        int more = Math.min(length - 1, line.length - next);
        System.arraycopy(line, next, bytes, offset + 1, more);
        next += more;
        return 1 + more;
    }

    /** The next line with its newline; empty at the end of input. */
    private byte[] readLine() throws IOException {
        if (!keys.raw(true)) {
            return new byte[0];
        }
        try {
            StringBuilder text = new StringBuilder();
            while (true) {
                int key = next();
                if (key == NonBlockingReader.EOF || key == CTRL_D && text.isEmpty()) {
                    return new byte[0];
                }
                if (key == '\r' || key == '\n') {
                    echo(System.lineSeparator());
                    return (text + "\n").getBytes(StandardCharsets.UTF_8);
                }
                if ((key == DELETE || key == BACKSPACE) && !text.isEmpty()) {
                    text.setLength(text.length() - 1);
                    echo("\b \b");
                } else if (key >= ' ' && key != DELETE) {
                    text.append((char) key);
                    echo(String.valueOf((char) key));
                }
            }
        } finally {
            keys.release();
        }
    }

    /** The next key; Ctrl-C (which interrupts the statement) ends the read. */
    private int next() throws IOException {
        try {
            while (true) {
                if (Thread.interrupted()) {
                    throw new InterruptedIOException();
                }
                int key = keys.read(100);
                if (key != NonBlockingReader.READ_EXPIRED) {
                    return key;
                }
            }
        } catch (InterruptedIOException e) {
            // unchecked: a reader of this stream would take an IOException for the end of input
            throw new DynctlException(ExitCode.INTERRUPTED, "Interrupted.");
        }
    }

    private void echo(String text) {
        terminal.writer().print(text);
        terminal.flush();
    }
}
