package dev.dynctl.shell;

import java.io.IOException;
import java.io.Writer;
import org.jline.terminal.Terminal;

/**
 * One of a statement's outputs (standard output or error) on the shell's terminal. With a pager,
 * results pause at each screenful, and once the reader stops (q) every further write fails, as it
 * does on a closed pipe: the PrintWriter over this reports checkError(), and a list of items ends
 * there without fetching more pages. Errors are not paused but take their rows of the page. An
 * abandoned statement is silenced the same way, so it cannot write over the next one. Errors
 * start on a line of their own when the results before them did not end one ({@link OpenLine}).
 */
final class StatementWriter extends Writer {
    private final Terminal terminal;
    private final Pager pager;
    private final boolean pauses;
    private final OpenLine line;
    private volatile boolean closed;

    /**
     * @param pager null for no pages
     * @param pauses true for the results (standard output); false for standard error: its rows
     *     count, but it never waits
     * @param line shared by the statement's two writers
     */
    StatementWriter(Terminal terminal, Pager pager, boolean pauses, OpenLine line) {
        this.terminal = terminal;
        this.pager = pager;
        this.pauses = pauses;
        this.line = line;
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        if (closed) {
            throw new IOException("the output was closed");
        }
        if (length == 0) {
            return;
        }
        if (!pauses) {
            String end = line.end();
            show(end.toCharArray(), 0, end.length());
        }
        show(chars, offset, length);
        if (pauses) {
            line.wrote(chars[offset + length - 1]);
        }
    }

    private void show(char[] chars, int offset, int length) throws IOException {
        Writer screen = terminal.writer();
        if (pager == null) {
            screen.write(chars, offset, length);
            return;
        }
        synchronized (pager) {
            int start = offset;
            for (int i = offset; i < offset + length; i++) {
                if (pager.place(chars[i]) && pauses) {
                    screen.write(chars, start, i - start);
                    start = i;
                    if (pager.ask() == Pager.Answer.STOP) {
                        line.atStart();
                        closed = true;
                        throw new IOException("the reader stopped the pager");
                    }
                }
            }
            screen.write(chars, start, offset + length - start);
        }
    }

    /** Nothing more is written: the statement was abandoned. */
    void silence() {
        closed = true;
    }

    @Override
    public void flush() {
        terminal.flush();
    }

    @Override
    public void close() {
        flush();
    }
}
