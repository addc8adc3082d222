package dev.dynctl.cli;

/**
 * The terminal's width in columns: what the launcher measured (-Ddynctl.columns), else $COLUMNS,
 * else what the terminal reports, else 120.
 */
final class TerminalWidth {
    private static final int FALLBACK = 120;

    private TerminalWidth() {
    }

    static int detect(boolean tty) {
        String columns = System.getProperty("dynctl.columns", "");
        if (columns.isBlank()) {
            columns = System.getenv("COLUMNS");
        }
        if (columns != null && !columns.isBlank()) {
            try {
                return Math.max(20, Integer.parseInt(columns.trim()));
            } catch (NumberFormatException ignored) {
                // fall through to the terminal
            }
        }
        if (!tty) {
            return FALLBACK;
        }
        try (org.jline.terminal.Terminal terminal = org.jline.terminal.TerminalBuilder.builder()
                .system(true).dumb(true).build()) {
            int width = terminal.getWidth();
            return width > 0 ? width : FALLBACK;
        } catch (Exception e) {
            return FALLBACK;
        }
    }
}
