package dev.dynctl.tail;

import java.util.Locale;

/** How {@code tail logs} prints an event (--format), spelled as users type it. */
public enum LogFormat {
    /** Time and message, as {@code aws logs tail --format short}. */
    SHORT,
    /** Time with microseconds and zone, stream and message, as {@code aws logs tail --format detailed}. */
    DETAILED,
    /** One JSON object a line (JSON Lines), for scripts. */
    JSON;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
