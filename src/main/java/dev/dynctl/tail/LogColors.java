package dev.dynctl.tail;

import dev.dynctl.output.Colors;
import java.util.Locale;

/**
 * The styles of log lines on a terminal, in {@link Colors}: the time, the stream, levels by
 * severity, JSON's parts. Off (every method returns its text unchanged) when colours are not
 * allowed: not a terminal, --no-color or NO_COLOR.
 */
final class LogColors {
    private final Colors colors;

    LogColors(boolean enabled) {
        this.colors = new Colors(enabled);
    }

    /** The event's time (green, as aws logs tail). */
    String time(String text) {
        return colors.green(text);
    }

    /** The log stream (cyan, as aws logs tail). */
    String stream(String text) {
        return colors.cyan(text);
    }

    /** What a reader may skip: request ids, START and END lines. */
    String faint(String text) {
        return colors.faint(text);
    }

    String bold(String text) {
        return colors.bold(text);
    }

    /** Something to notice that is not an error: a cold start, memory nearly full. */
    String notice(String text) {
        return colors.yellow(text);
    }

    /** A failure: a timeout, an error status. */
    String failure(String text) {
        return colors.red(text);
    }

    /** A level word by its severity: errors red, warnings yellow, debug and trace faint, the rest as they are. */
    String level(String level) {
        return level(level, level);
    }

    /** {@code text} in the colour of {@code level}'s severity (a JSON value shown quoted). */
    String level(String level, String text) {
        return switch (level.toUpperCase(Locale.ROOT)) {
            case "ERROR", "FATAL", "CRITICAL", "SEVERE", "EMERGENCY", "ALERT" -> colors.red(text);
            case "WARN", "WARNING" -> colors.yellow(text);
            case "DEBUG", "TRACE" -> colors.faint(text);
            default -> text;
        };
    }

    /** A JSON object's key. */
    String key(String text) {
        return colors.blue(text);
    }

    /** A JSON string value. */
    String string(String text) {
        return colors.green(text);
    }

    /** A JSON number. */
    String number(String text) {
        return colors.cyan(text);
    }

    /** JSON's true, false and null. */
    String literal(String text) {
        return colors.magenta(text);
    }
}
