package dev.dynctl.shell;

import java.io.IOException;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.utils.NonBlockingReader;

/**
 * A statement's hold on the keyboard: raw mode while it reads keys (its pager, its questions) and
 * the keys themselves. Once the statement is abandoned the hold is gone for good: raw mode ends
 * there and then (the statement's thread, finishing later, must not set the terminal's modes
 * under the next prompt), and every read is the end of input, so that no key typed at the next
 * prompt goes to the statement. A read in progress finishes before the abandon does.
 */
final class StatementKeys {
    private final Terminal terminal;
    /** The terminal's modes before raw mode, while the statement holds it; else null. */
    private Attributes typed;
    private boolean abandoned;

    StatementKeys(Terminal terminal) {
        this.terminal = terminal;
    }

    /**
     * Raw mode, with Ctrl-C a signal or (signals false) a key like the others; false, and the
     * terminal left as it is, once the statement is abandoned.
     */
    synchronized boolean raw(boolean signals) {
        if (abandoned) {
            return false;
        }
        Attributes before = terminal.enterRawMode();
        if (typed == null) {
            typed = before;
        }
        if (!signals) {
            Attributes keys = terminal.getAttributes();
            keys.setLocalFlag(Attributes.LocalFlag.ISIG, false);
            terminal.setAttributes(keys);
        }
        return true;
    }

    /** The terminal's modes as they were before {@link #raw}; nothing when they were given back already. */
    synchronized void release() {
        if (typed != null) {
            terminal.setAttributes(typed);
            typed = null;
        }
    }

    /**
     * The next key, or {@link NonBlockingReader#READ_EXPIRED} after {@code millis}; {@link
     * NonBlockingReader#EOF} once the statement is abandoned.
     */
    synchronized int read(long millis) throws IOException {
        return abandoned ? NonBlockingReader.EOF : terminal.reader().read(millis);
    }

    /** The statement was given up on: the keyboard goes back to the shell, now. */
    synchronized void abandon() {
        abandoned = true;
        release();
    }
}
