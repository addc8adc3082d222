package dev.dynctl.bulk;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dynctl.codec.AttributeCodec;
import dev.dynctl.codec.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** One item per line: {"Item": {…DynamoDB JSON…}} for ddb-jsonl (as AWS's export writes), plain JSON for jsonl. */
final class JsonLinesOutput implements ItemOutput {
    private final JsonGenerator json;
    private final boolean dynamoJson;

    JsonLinesOutput(OutputStream out, boolean dynamoJson) throws IOException {
        this.json = Json.MAPPER.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        // items are separated here, not by the generator's default space between root values
        this.json.setRootValueSeparator(null);
        this.dynamoJson = dynamoJson;
    }

    @Override
    public void write(Map<String, AttributeValue> item) throws IOException {
        if (dynamoJson) {
            json.writeStartObject();
            json.writeFieldName("Item");
            json.writeTree(AttributeCodec.toDynamoJson(item));
            json.writeEndObject();
        } else {
            json.writeTree(AttributeCodec.toJson(item));
        }
        json.writeRaw('\n');
    }

    @Override
    public void finish() throws IOException {
        json.flush();
    }

    @Override
    public void close() {
        // the stream is the caller's
    }
}
