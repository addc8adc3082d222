package dev.dynctl.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.codec.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;

/** Pretty JSON; a list is written as one array, element by element, so it streams. */
final class JsonRenderer implements Renderer {
    /**
     * Indented as aws prints JSON: two spaces, "key": value, one array element per line, and empty
     * arrays and objects as [] and {} (Jackson's default writes "[ ]" and "{ }").
     */
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withArrayEmptySeparator("")
                    .withObjectEmptySeparator(""))
            .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);

    private final PrintWriter out;

    JsonRenderer(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void document(JsonNode document) {
        out.println(pretty(document));
        out.flush();
    }

    @Override
    public void list(Iterator<? extends JsonNode> rows, List<String> leadingColumns) {
        try (JsonGenerator gen = Json.MAPPER.getFactory().createGenerator(new NonClosingWriter(out))) {
            gen.setPrettyPrinter(PRETTY.createInstance());
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

    private static String pretty(JsonNode node) {
        return Json.write(Json.MAPPER.writer(PRETTY.createInstance()), node);
    }
}
