package dev.dynctl.output;

/** How the terminal looks: colours allowed and the width to fit tables into. */
public record Style(boolean color, int width) {
}
