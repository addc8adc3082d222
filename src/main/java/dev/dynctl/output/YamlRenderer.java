package dev.dynctl.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SequenceWriter;
import dev.dynctl.codec.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;

/**
 * YAML. A list is one YAML sequence written entry by entry ("- ..."), so it streams; an empty
 * list is {@code []}.
 */
final class YamlRenderer implements Renderer {
    private final PrintWriter out;

    YamlRenderer(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void document(JsonNode document) {
        out.print(Json.write(Json.YAML.writer(), document));
        out.flush();
    }

    @Override
    public void list(Iterator<? extends JsonNode> rows, List<String> leadingColumns) {
        // one generator for the whole sequence: starting a YAML emitter per row costs more than the row
        try (SequenceWriter sequence = Json.YAML.writer().writeValuesAsArray(new NonClosingWriter(out))) {
            while (rows.hasNext()) {
                sequence.write(rows.next());
                sequence.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }
}
