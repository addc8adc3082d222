package dev.dynctl.output;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.codec.Json;
import java.io.PrintWriter;
import java.util.Iterator;
import java.util.List;

/** JSON Lines: one compact JSON value per line, each row printed as it arrives. A document is one line. */
final class JsonLinesRenderer implements Renderer {
    private final PrintWriter out;

    JsonLinesRenderer(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void document(JsonNode document) {
        out.println(compact(document));
        out.flush();
    }

    @Override
    public void list(Iterator<? extends JsonNode> rows, List<String> leadingColumns) {
        while (rows.hasNext()) {
            out.println(compact(rows.next()));
            out.flush();
        }
    }

    private static String compact(JsonNode node) {
        return Json.write(Json.MAPPER.writer(), node);
    }
}
