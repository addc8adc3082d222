package dev.dynctl.output;

/**
 * dynctl's ANSI styles, the one place their codes are written. Off unless the Style allows colour,
 * which already folds in terminal detection, --no-color and NO_COLOR; when off every method
 * returns its text unchanged, and so does every method for an empty text.
 */
public final class Colors {
    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String FAINT = "\u001b[2m";
    private static final String RED = "\u001b[31m";
    private static final String GREEN = "\u001b[32m";
    private static final String YELLOW = "\u001b[33m";
    private static final String BLUE = "\u001b[34m";
    private static final String MAGENTA = "\u001b[35m";
    private static final String CYAN = "\u001b[36m";

    private final boolean enabled;

    public Colors(boolean enabled) {
        this.enabled = enabled;
    }

    /** Column headers. */
    String header(String text) {
        return bold(text);
    }

    /** Attribute names in a document's key/value table. */
    String key(String text) {
        return cyan(text);
    }

    public String bold(String text) {
        return paint(BOLD, text);
    }

    /** What a reader may skip: placeholders that are not data (null, omitted columns), request ids, times. */
    public String faint(String text) {
        return paint(FAINT, text);
    }

    public String red(String text) {
        return paint(RED, text);
    }

    public String green(String text) {
        return paint(GREEN, text);
    }

    public String yellow(String text) {
        return paint(YELLOW, text);
    }

    public String blue(String text) {
        return paint(BLUE, text);
    }

    public String magenta(String text) {
        return paint(MAGENTA, text);
    }

    public String cyan(String text) {
        return paint(CYAN, text);
    }

    private String paint(String code, String text) {
        return enabled && !text.isEmpty() ? code + text + RESET : text;
    }
}
