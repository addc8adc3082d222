package dev.dynctl.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.codec.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;

/** Pretty JSON; a list is written as one array, element by element, so it streams. */
final class JsonRenderer implements Renderer {
    private final PrintWriter out;

    JsonRenderer(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void document(JsonNode document) {
        out.println(Json.pretty(document));
        out.flush();
    }

    @Override
    public void list(Iterator<? extends JsonNode> rows, List<String> leadingColumns) {
        try (JsonGenerator gen = Json.MAPPER.getFactory().createGenerator(new NonClosingWriter(out))) {
            gen.setPrettyPrinter(Json.prettyPrinter());
            gen.writeStartArray();
            while (rows.hasNext()) {
                Json.MAPPER.writeTree(gen, rows.next());
                gen.flush();
            }
            gen.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
        out.flush();
    }
}
