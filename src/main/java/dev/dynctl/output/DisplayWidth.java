package dev.dynctl.output;

import java.util.ArrayList;
import java.util.List;
import org.jline.utils.WCWidth;

/**
 * Terminal columns taken by text: East Asian wide characters and emoji take two, combining marks
 * none. Cells are measured, cut and padded here so that wide characters never break alignment.
 */
final class DisplayWidth {
    static final String ELLIPSIS = "…";

    private DisplayWidth() {
    }

    static int of(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            width += columns(cp);
            i += Character.charCount(cp);
        }
        return width;
    }

    /** The text cut to at most {@code width} columns, ending in an ellipsis when something was cut. */
    static String truncate(String text, int width) {
        if (of(text) <= width) {
            return text;
        }
        if (width <= 0) {
            return "";
        }
        return prefix(text, width - 1) + ELLIPSIS;
    }

    /** The longest start of {@code text} that fits in {@code width} columns. */
    static String prefix(String text, int width) {
        int used = 0;
        int end = 0;
        while (end < text.length()) {
            int cp = text.codePointAt(end);
            int w = columns(cp);
            if (used + w > width) {
                break;
            }
            used += w;
            end += Character.charCount(cp);
        }
        return text.substring(0, end);
    }

    /**
     * The text in lines of at most {@code width} columns (one line for empty text), broken after a
     * space when one falls in the second half of the line, else wherever the width runs out.
     */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        String rest = text;
        if (rest.isEmpty()) {
            return List.of("");
        }
        do {
            String line = prefix(rest, width);
            if (line.isEmpty()) {
                // a character wider than the whole line still has to go somewhere
                line = rest.substring(0, Character.charCount(rest.codePointAt(0)));
            } else if (line.length() < rest.length() && line.lastIndexOf(' ') >= line.length() / 2) {
                line = line.substring(0, line.lastIndexOf(' ') + 1);
            }
            lines.add(line.stripTrailing());
            rest = rest.substring(line.length());
        } while (!rest.isEmpty());
        return lines;
    }

    private static int columns(int codePoint) {
        // wcwidth says -1 for control characters; CellText has already escaped those
        return Math.max(0, WCWidth.wcwidth(codePoint));
    }
}
