package dev.dynctl.shell;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.atomic.AtomicLong;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.jline.utils.InfoCmp.Capability;
import org.jline.utils.NonBlockingReader;
import org.jline.utils.Status;
import org.jline.utils.WCWidth;

/**
 * Follows where a statement's output lands on the terminal (lines, wrapped rows, wide characters;
 * colour codes take no room) and, once a screenful is shown, asks before the next row: space for
 * the next page, Enter for the next line, q to stop.
 */
final class Pager {
    /** What the reader asked for at "-- more --". */
    enum Answer {
        PAGE, LINE, STOP
    }

    private static final String PROMPT = "-- more --  space: next page · Enter: next line · q: stop";
    private static final int ESC = 0x1B;

    private final Terminal terminal;
    private final StatementKeys keys;
    private final int width;
    /** Rows of output per page: the screen above the status bar, less the row of the prompt. */
    private final int pageRows;
    /** Rows completed since the page began. */
    private int rows;
    private int column;
    /** 0 outside an escape sequence; else ESC, '[' (a CSI sequence) or '(' (a charset). */
    private char escape;
    private char highSurrogate;
    /** How long the reader has been asked so far: the statement's timing leaves it out. */
    private final AtomicLong waitedNanos = new AtomicLong();

    private Pager(Terminal terminal, StatementKeys keys, int width, int rows) {
        this.terminal = terminal;
        this.keys = keys;
        this.width = width;
        this.pageRows = rows - 1;
    }

    /**
     * A pager for the terminal's size now, below the statement {@code typed} after {@code prompt};
     * null when the size is unknown or too small to page. The output scrolls above JLine's status
     * bar (the tail-tips' rows and their border, {@link ShellLineReader}), which stays where it is
     * while a statement runs: only the rows above it are a page's. (Erasing the bar instead gives
     * the rows back, but JLine's drawing it again at the next prompt moves the cursor up by the
     * bar's height, over the output, unless the cursor was on the screen's last row.)
     */
    static Pager of(Terminal terminal, StatementKeys keys, String prompt, String typed) {
        int width = terminal.getWidth();
        int rows = terminal.getHeight() - Status.getExistingStatus(terminal).map(Status::size).orElse(0);
        if (width < 1 || rows < 3) {
            return null;
        }
        Pager pager = new Pager(terminal, keys, width, rows);
        pager.below(prompt, typed);
        return pager;
    }

    /**
     * Counts the rows of the statement as the reader shows it (its lines after the prompt, or
     * after a continuation prompt as wide), so that the first page keeps it in sight; a statement
     * taller than that leaves a row of output at least.
     */
    private void below(String prompt, String typed) {
        String indent = " ".repeat(prompt.length());
        typed.lines().forEach(line -> (indent + line + "\n").chars().forEach(c -> place((char) c)));
        rows = Math.min(rows, pageRows - 1);
    }

    /**
     * Moves past {@code c}, which is about to be written; true when it lands on a row beyond the
     * page, so that the reader should be asked before it is.
     */
    boolean place(char c) {
        if (escape != 0) {
            endOfEscape(c);
            return false;
        }
        switch (c) {
            case ESC -> {
                escape = ESC;
                return false;
            }
            case '\r' -> {
                column = 0;
                return false;
            }
            case '\n' -> {
                boolean beyond = rows >= pageRows;
                rows++;
                column = 0;
                return beyond;
            }
            case '\t' -> {
                return advance(8 - column % 8);
            }
            default -> {
                return advance(width(c));
            }
        }
    }

    private boolean advance(int columns) {
        if (columns == 0) {
            return false;
        }
        if (column + columns > width) {
            rows++;
            column = 0;
        }
        column += columns;
        return rows >= pageRows;
    }

    private void endOfEscape(char c) {
        if (escape == ESC) {
            escape = c == '[' ? '[' : c == '(' || c == ')' ? '(' : 0;
        } else if (escape == '(' || c >= '@' && c <= '~') {
            escape = 0;
        }
    }

    private int width(char c) {
        if (Character.isHighSurrogate(c)) {
            highSurrogate = c;
            return 0;
        }
        int codePoint = Character.isLowSurrogate(c) && highSurrogate != 0 ? Character.toCodePoint(highSurrogate, c) : c;
        highSurrogate = 0;
        return Math.max(0, WCWidth.wcwidth(codePoint));
    }

    /** Nanoseconds spent at "-- more --", waiting for a key, since the pager was made. */
    long waitedNanos() {
        return waitedNanos.get();
    }

    /**
     * Shows the prompt on the row the next output would take and waits for a key; the prompt is
     * erased again, whatever the answer. Ctrl-C stops, as q does; so does the statement's abandon.
     */
    Answer ask() {
        long asked = System.nanoTime();
        // Ctrl-C comes as a key here, and stops as q does, without a signal's new line; the keys
        // are raw before the prompt shows, so that none typed as it appears is taken otherwise
        if (!keys.raw(false)) {
            return Answer.STOP;
        }
        try {
            terminal.writer().print(new AttributedString(PROMPT, AttributedStyle.INVERSE).toAnsi(terminal));
            terminal.flush();
            Answer answer = read();
            if (answer == Answer.PAGE) {
                rows = 0;
            } else if (answer == Answer.LINE) {
                rows = pageRows - 1;
            }
            return answer;
        } finally {
            keys.release();
            erasePrompt();
            waitedNanos.addAndGet(System.nanoTime() - asked);
        }
    }

    private Answer read() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                int key = keys.read(100);
                switch (key) {
                    case ' ', 'f' -> {
                        return Answer.PAGE;
                    }
                    case '\r', '\n', 'j' -> {
                        return Answer.LINE;
                    }
                    case 'q', 'Q', 3, NonBlockingReader.EOF -> {
                        return Answer.STOP;
                    }
                    default -> {
                        // no key yet, or another one (an arrow, a letter): wait on, looking at the interrupt
                    }
                }
            }
        } catch (InterruptedIOException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the terminal is gone: nobody reads the rest
        }
        return Answer.STOP;
    }

    private void erasePrompt() {
        terminal.puts(Capability.carriage_return);
        if (!terminal.puts(Capability.clr_eol)) {
            terminal.writer().print(" ".repeat(Math.min(PROMPT.length(), width - 1)) + "\r");
        }
        terminal.flush();
    }
}
