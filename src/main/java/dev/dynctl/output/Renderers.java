package dev.dynctl.output;

import java.io.PrintWriter;

/** Picks the renderer for a format. */
final class Renderers {
    private Renderers() {
    }

    static Renderer forFormat(Format format, Style style, PrintWriter out) {
        return switch (format) {
            case TABLE -> new TableRenderer(out, style);
            // Output has already turned items into DynamoDB JSON for ddb-json
            case JSON, DDB_JSON -> new JsonRenderer(out);
            case JSONL -> new JsonLinesRenderer(out);
            case YAML -> new YamlRenderer(out);
            case CSV -> new CsvRenderer(out);
            case TEXT -> new TextRenderer(out);
        };
    }
}
