package dev.dynctl.bulk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.dynctl.codec.AttributeCodec;
import dev.dynctl.codec.Json;
import dev.dynctl.error.DynctlException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.NoSuchElementException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * JSON lines, one item per line, read a line at a time (memory is one line, whatever the file's
 * size): {@code ddb-jsonl} lines are {"Item": {…DynamoDB JSON…}} as AWS's export writes them (a bare
 * DynamoDB JSON item is taken too), {@code jsonl} lines plain JSON items. Blank lines are skipped.
 */
final class JsonLinesSource implements ItemSource {
    private static final ObjectReader LINE = Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final String description;
    private final BufferedReader lines;
    private final boolean dynamoJson;
    private long lineNumber;
    private long ordinal;
    private Entry next;

    JsonLinesSource(String description, InputStream in, boolean dynamoJson) {
        this.description = description;
        this.lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        this.dynamoJson = dynamoJson;
    }

    @Override
    public boolean hasNext() {
        while (next == null) {
            String line = readLine();
            if (line == null) {
                return false;
            }
            if (!line.isBlank()) {
                next = new Entry(ordinal++, item(line));
            }
        }
        return true;
    }

    @Override
    public Entry next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Entry entry = next;
        next = null;
        return entry;
    }

    private String readLine() {
        try {
            String line = lines.readLine();
            lineNumber++;
            return line;
        } catch (IOException e) {
            throw InputErrors.unreadable(description, lineNumber, e);
        }
    }

    private Map<String, AttributeValue> item(String line) {
        JsonNode node;
        try {
            node = LINE.readTree(line);
        } catch (JsonProcessingException e) {
            throw InputErrors.syntax("JSON", description, e, lineNumber);
        }
        if (!node.isObject()) {
            throw InputErrors.item(description, lineNumber, null, "expected an item as a JSON object, got "
                    + node.getNodeType().name().toLowerCase(), null);
        }
        try {
            if (!dynamoJson) {
                return AttributeCodec.fromJson(node);
            }
            JsonNode item = node.size() == 1 && node.has("Item") ? node.get("Item") : node;
            if (!item.isObject()) {
                throw DynctlException.usage("\"Item\" holds " + item.getNodeType().name().toLowerCase() + ", not an object");
            }
            return AttributeCodec.fromDynamoJson(item);
        } catch (DynctlException e) {
            throw InputErrors.item(description, lineNumber, null, e);
        }
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void close() {
        try {
            lines.close();
        } catch (IOException e) {
            // nothing was written through it: a failed close loses nothing
        }
    }
}
