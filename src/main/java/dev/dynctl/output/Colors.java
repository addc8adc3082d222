package dev.dynctl.output;

/**
 * The few ANSI styles the renderers use. Off unless the Style allows colour, which already folds
 * in terminal detection, --no-color and NO_COLOR; when off every method returns its text unchanged.
 */
final class Colors {
    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String CYAN = "\u001b[36m";
    private static final String FAINT = "\u001b[2m";

    private final boolean enabled;

    Colors(boolean enabled) {
        this.enabled = enabled;
    }

    /** Column headers. */
    String header(String text) {
        return paint(BOLD, text);
    }

    /** Attribute names in a document's key/value table. */
    String key(String text) {
        return paint(CYAN, text);
    }

    /** Placeholders that are not data: null, omitted columns. */
    String faint(String text) {
        return paint(FAINT, text);
    }

    private String paint(String code, String text) {
        return enabled && !text.isEmpty() ? code + text + RESET : text;
    }
}
