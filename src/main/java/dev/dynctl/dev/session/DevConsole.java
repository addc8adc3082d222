package dev.dynctl.dev.session;

import dev.dynctl.dev.DevLog;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * A dev session's lines as a person follows them, interleaved as they come: each function's
 * output and REPORT lines after its name (padded so that the lines start in one column, and in
 * a colour of its own on a terminal), the gateway's request lines and the session's notes as
 * they are.
 */
public final class DevConsole implements DevLog {
    /** Cyan, magenta, yellow, green, blue, then their bright forms: never red, which reads as an error. */
    private static final String[] COLOURS = {"\u001b[36m", "\u001b[35m", "\u001b[33m", "\u001b[32m", "\u001b[34m",
        "\u001b[96m", "\u001b[95m", "\u001b[93m", "\u001b[92m", "\u001b[94m"};
    private static final String RESET = "\u001b[0m";

    private final PrintWriter out;
    private final boolean color;
    private final Map<String, String> colours = new HashMap<>();
    private int width;

    /** @param color ANSI colours (a terminal that allows them) */
    public DevConsole(PrintWriter out, boolean color) {
        this.out = out;
        this.color = color;
    }

    /**
     * Names the functions whose lines will come, in the file's order: the first gets the first
     * colour, and their lines line up from the first one.
     */
    public synchronized void expect(Collection<String> functions) {
        functions.forEach(this::colourOf);
    }

    @Override
    public synchronized void function(String function, String line) {
        String colour = colourOf(function);
        String prefix = function + " ".repeat(width - function.length()) + " |";
        print(color ? colour + prefix + RESET + " " + line : prefix + " " + line);
    }

    @Override
    public synchronized void request(String line) {
        print(line);
    }

    @Override
    public synchronized void note(String line) {
        print(line);
    }

    /** The function's colour; the first line of a function not named at the start widens the column from then on. */
    private String colourOf(String function) {
        width = Math.max(width, function.length());
        return colours.computeIfAbsent(function, f -> COLOURS[colours.size() % COLOURS.length]);
    }

    private void print(String line) {
        out.println(line);
        out.flush();
    }
}
