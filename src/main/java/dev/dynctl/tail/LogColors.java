package dev.dynctl.tail;

import java.util.Locale;

/**
 * The ANSI styles of log lines on a terminal: the time, the stream, levels by severity, JSON's
 * parts. Off (every method returns its text unchanged) when colours are not allowed: not a
 * terminal, --no-color or NO_COLOR.
 */
final class LogColors {
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

    LogColors(boolean enabled) {
        this.enabled = enabled;
    }

    /** The event's time (green, as aws logs tail). */
    String time(String text) {
        return paint(GREEN, text);
    }

    /** The log stream (cyan, as aws logs tail). */
    String stream(String text) {
        return paint(CYAN, text);
    }

    /** What a reader may skip: request ids, START and END lines. */
    String faint(String text) {
        return paint(FAINT, text);
    }

    String bold(String text) {
        return paint(BOLD, text);
    }

    /** Something to notice that is not an error: a cold start, memory nearly full. */
    String notice(String text) {
        return paint(YELLOW, text);
    }

    /** A failure: a timeout, an error status. */
    String failure(String text) {
        return paint(RED, text);
    }

    /** A level word by its severity: errors red, warnings yellow, debug and trace faint, the rest as they are. */
    String level(String level) {
        return level(level, level);
    }

    /** {@code text} in the colour of {@code level}'s severity (a JSON value shown quoted). */
    String level(String level, String text) {
        return switch (level.toUpperCase(Locale.ROOT)) {
            case "ERROR", "FATAL", "CRITICAL", "SEVERE", "EMERGENCY", "ALERT" -> paint(RED, text);
            case "WARN", "WARNING" -> paint(YELLOW, text);
            case "DEBUG", "TRACE" -> paint(FAINT, text);
            default -> text;
        };
    }

    /** A JSON object's key. */
    String key(String text) {
        return paint(BLUE, text);
    }

    /** A JSON string value. */
    String string(String text) {
        return paint(GREEN, text);
    }

    /** A JSON number. */
    String number(String text) {
        return paint(CYAN, text);
    }

    /** JSON's true, false and null. */
    String literal(String text) {
        return paint(MAGENTA, text);
    }

    private String paint(String code, String text) {
        return enabled && !text.isEmpty() ? code + text + RESET : text;
    }
}
