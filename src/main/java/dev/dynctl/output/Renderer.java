package dev.dynctl.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;

/** One per --output format. Lists arrive as an iterator so that long results stream. */
public interface Renderer {
    /** Prints a single result: an object, or a scalar left by --query. */
    void document(JsonNode document);

    /**
     * Prints a list of records. {@code leadingColumns} names the attributes that go first (a
     * table's keys) for formats that have columns.
     */
    void list(Iterator<? extends JsonNode> rows, List<String> leadingColumns);
}
