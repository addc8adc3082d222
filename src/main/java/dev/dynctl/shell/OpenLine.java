package dev.dynctl.shell;

/**
 * Whether a statement's results left the cursor in the middle of a line, as a JSON list cut short
 * by Ctrl-C does (its closing "]"): what is said after them (an error, "Interrupted.", the shell's
 * own word) then starts a line of its own rather than running on after the results.
 */
final class OpenLine {
    private boolean open;

    /** The results just written ended with {@code last}. */
    synchronized void wrote(char last) {
        open = last != '\n';
    }

    /** The cursor is at the start of a line (the pager's prompt was erased there). */
    synchronized void atStart() {
        open = false;
    }

    /** The line end to write before a message: "\n" when results left a line open, else nothing. */
    synchronized String end() {
        String end = open ? "\n" : "";
        open = false;
        return end;
    }
}
