package dev.dynctl.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.dynctl.codec.AttributeCodec;
import dev.dynctl.codec.Json;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What commands hand their results to: picks the renderer for the format, applies --query, and
 * turns items into plain JSON (or DynamoDB JSON for ddb-json) on the way.
 */
public final class Output {
    private final Format format;
    private final Query query;
    private final Renderer renderer;
    private final PrintWriter out;

    /** Compiles the query here, so that a bad one fails before a command does any work. */
    public Output(Format format, String query, Style style, PrintWriter out) {
        this.format = format;
        this.query = query == null ? null : Query.compile(query);
        this.renderer = Renderers.forFormat(format, style, out);
        this.out = out;
    }

    /** The format this output renders: a command may show a person something other than the document a script gets. */
    public Format format() {
        return format;
    }

    /** A single result such as a table description or one item's attributes. */
    public void document(JsonNode document) {
        emit(document == null ? Json.MAPPER.nullNode() : document);
    }

    /** One item (get, put --return-values): DynamoDB JSON when the format asks for it. */
    public void item(Map<String, AttributeValue> item) {
        document(encode(item));
    }

    /** Items as they arrive from a paginator; printed without holding them all unless --query needs them. */
    public void items(Iterable<Map<String, AttributeValue>> items, List<String> keyNames) {
        Iterator<JsonNode> rows = StreamSupport.stream(items.spliterator(), false).map(this::encode).iterator();
        list(rows, keyNames);
    }

    /** A list of plain records (tables, backups, ...), with the columns that go first. */
    public void rows(Iterable<? extends JsonNode> rows, List<String> leadingColumns) {
        list(rows.iterator(), leadingColumns);
    }

    private void list(Iterator<? extends JsonNode> rows, List<String> leadingColumns) {
        if (query == null) {
            renderer.list(new WhileRead(rows), leadingColumns);
            return;
        }
        ArrayNode all = Json.MAPPER.createArrayNode();
        rows.forEachRemaining(all::add);
        JsonNode result = query.apply(all);
        if (result.isArray()) {
            List<JsonNode> elements = new ArrayList<>();
            result.forEach(elements::add);
            renderer.list(new WhileRead(elements.iterator()), leadingColumns);
        } else {
            renderer.document(result);
        }
    }

    private void emit(JsonNode document) {
        JsonNode result = query == null ? document : query.apply(document);
        renderer.document(result);
    }

    private JsonNode encode(Map<String, AttributeValue> item) {
        return format == Format.DDB_JSON ? AttributeCodec.toDynamoJson(item) : AttributeCodec.toJson(item);
    }

    /**
     * Rows for as long as someone reads the output. Renderers flush every row, so once the reader
     * has gone (dynctl … | head) the write error shows before the next row is fetched, and the list
     * ends there: no more pages are requested, and the command's owner of the rows closes them.
     */
    private final class WhileRead implements Iterator<JsonNode> {
        private final Iterator<? extends JsonNode> rows;

        WhileRead(Iterator<? extends JsonNode> rows) {
            this.rows = rows;
        }

        @Override
        public boolean hasNext() {
            return !out.checkError() && rows.hasNext();
        }

        @Override
        public JsonNode next() {
            return rows.next();
        }
    }
}
