package dev.dynctl.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.codec.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Renders through a real Output into a string, as a command would print it. */
final class Rendering {
    /** No colours, 120 columns: what a test compares against. */
    static final Style PLAIN = new Style(false, 120);

    private Rendering() {
    }

    static String render(Format format, Consumer<Output> use) {
        return render(format, PLAIN, null, use);
    }

    static String render(Format format, Style style, String query, Consumer<Output> use) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        use.accept(new Output(format, query, style, out));
        out.flush();
        return text.toString();
    }

    /** JSON written with single quotes for readability in tests. */
    static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> rows(String jsonArray) {
        List<JsonNode> rows = new ArrayList<>();
        json(jsonArray).forEach(rows::add);
        return rows;
    }

    static List<String> lines(String text) {
        return text.lines().toList();
    }
}
