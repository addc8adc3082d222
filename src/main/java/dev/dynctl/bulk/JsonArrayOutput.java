package dev.dynctl.bulk;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dynctl.codec.AttributeCodec;
import dev.dynctl.codec.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** One JSON array of plain-JSON items, an item per line, written as they come. */
final class JsonArrayOutput implements ItemOutput {
    private final JsonGenerator json;
    private boolean any;

    JsonArrayOutput(OutputStream out) throws IOException {
        this.json = Json.MAPPER.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        // items are separated here, not by the generator's default space between root values
        this.json.setRootValueSeparator(null);
    }

    @Override
    public void write(Map<String, AttributeValue> item) throws IOException {
        json.writeRaw(any ? ",\n" : "[\n");
        any = true;
        json.writeTree(AttributeCodec.toJson(item));
    }

    @Override
    public void finish() throws IOException {
        json.writeRaw(any ? "\n]\n" : "[]\n");
        json.flush();
    }

    @Override
    public void close() {
        // the stream is the caller's
    }
}
