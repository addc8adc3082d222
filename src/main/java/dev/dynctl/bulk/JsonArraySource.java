package dev.dynctl.bulk;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.codec.AttributeCodec;
import dev.dynctl.codec.Json;
import dev.dynctl.error.DynctlException;
import java.io.IOException;
import java.io.InputStream;
import java.util.NoSuchElementException;

/**
 * One JSON array of plain-JSON items, read element by element with a streaming parser: only the
 * item being read is ever a tree, so an array of any length takes constant memory.
 */
final class JsonArraySource implements ItemSource {
    private final String description;
    private final JsonParser parser;
    private boolean started;
    private boolean ended;
    private long ordinal;
    private Entry next;

    JsonArraySource(String description, InputStream in) throws IOException {
        this.description = description;
        this.parser = Json.MAPPER.createParser(in);
    }

    @Override
    public boolean hasNext() {
        if (next == null && !ended) {
            try {
                next = read();
            } catch (JsonProcessingException e) {
                throw InputErrors.syntax("JSON", description, e, e.getLocation() == null ? 0 : e.getLocation().getLineNr());
            } catch (IOException e) {
                throw InputErrors.unreadable(description, parser.currentLocation().getLineNr(), e);
            }
        }
        return next != null;
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

    private Entry read() throws IOException {
        if (!started) {
            started = true;
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_ARRAY) {
                throw wrongShape(first == null ? "nothing" : "'" + parser.getText() + "'", "a JSON array of items ([{…}, {…}])");
            }
        }
        JsonToken token = parser.nextToken();
        if (token == JsonToken.END_ARRAY) {
            ended = true;
            JsonToken after = parser.nextToken();
            if (after != null) {
                throw wrongShape("'" + parser.getText() + "' after the array", "nothing after the array");
            }
            return null;
        }
        if (token == null) {
            throw wrongShape("the end of the file", "',' or ']'");
        }
        JsonLocation at = parser.currentTokenLocation();
        if (token != JsonToken.START_OBJECT) {
            throw InputErrors.item(description, at.getLineNr(), at.getColumnNr(), "expected an item as a JSON object, got '" + parser.getText() + "'", null);
        }
        JsonNode node = Json.MAPPER.readTree(parser);
        try {
            return new Entry(ordinal++, AttributeCodec.fromJson(node));
        } catch (DynctlException e) {
            throw InputErrors.item(description, at.getLineNr(), at.getColumnNr(), e);
        }
    }

    private DynctlException wrongShape(String found, String expected) {
        JsonLocation at = parser.currentTokenLocation();
        return InputErrors.item(description, at.getLineNr(), at.getColumnNr(), "expected " + expected + ", found " + found, null);
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            // only read from: nothing is lost
        }
    }
}
