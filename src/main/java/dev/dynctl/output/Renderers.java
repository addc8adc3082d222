package dev.dynctl.output;

import java.io.PrintWriter;

/** Picks the renderer for a format. */
final class Renderers {
    private Renderers() {
    }

    static Renderer forFormat(Format format, Style style, PrintWriter out) {
        return switch (format) {
            case JSON, DDB_JSON -> new JsonRenderer(out);
            default -> new JsonRenderer(out); // replaced as each format's renderer lands
        };
    }
}
