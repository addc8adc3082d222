package dev.dynctl.dynamo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.codec.AttributeCodec;
import dev.dynctl.error.DynctlException;
import java.io.InputStream;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Items from the command line, {@code @file}s and standard input ({@code -}), one at a time.
 *
 * <p>Each source holds one object, an array of objects, or a sequence of objects (JSON lines, or
 * YAML documents); plain JSON and DynamoDB JSON are told apart per item. What the AWS CLI prints
 * is read too: the items of {@code aws dynamodb scan} and {@code query} pages ({@code {"Items":
 * [...], "Count": ...}}) and the item of {@code get-item} ({@code {"Item": {...}}}). Sources are
 * read value by value ({@link ValueReader}), so a file of JSON lines of any size takes constant
 * memory (an AWS CLI page is read whole). A syntax error names the source, line and column.
 */
public final class ItemReader implements Iterator<ItemReader.Read>, AutoCloseable {
    /**
     * One item and where it came from, for messages about it: "item 3 (stdin line 3)", numbered
     * among all the items read, from 1.
     */
    public record Read(Map<String, AttributeValue> item, String origin) {
    }

    /** The AWS CLI's output that wraps items: the fields of a scan or query page, and of get-item. */
    private static final Set<String> PAGE_FIELDS = Set.of("Items", "Count", "ScannedCount", "LastEvaluatedKey", "ConsumedCapacity", "NextToken");
    private static final Set<String> GET_ITEM_FIELDS = Set.of("Item", "ConsumedCapacity");

    private final ValueReader values;
    private Iterator<JsonNode> wrapped = Collections.emptyIterator();
    private String wrapperOrigin;
    private int wrappedIndex;
    private Read next;
    private long count;

    private ItemReader(ValueReader values) {
        this.values = values;
    }

    /** Reads each argument in turn: JSON or YAML text, {@code @path}, or {@code -} for stdin (also when none is given). */
    public static ItemReader of(List<String> arguments, Supplier<InputStream> stdin) {
        return new ItemReader(ValueReader.of(arguments, stdin, "Items are JSON objects ({\"id\": \"u1\"}), an array of them, JSON lines, or YAML."));
    }

    /** What was read, for "no items in …". */
    public String description() {
        return values.description();
    }

    @Override
    public boolean hasNext() {
        while (next == null) {
            if (wrapped.hasNext()) {
                next = item(wrapped.next(), wrapperOrigin + ", Items[" + wrappedIndex++ + "]");
                break;
            }
            if (!values.hasNext()) {
                return false;
            }
            ValueReader.Value value = values.next();
            JsonNode node = value.node();
            if (node.path("Items").isArray() && hasOnly(node, PAGE_FIELDS)) {
                wrapped = node.get("Items").elements();
                wrapperOrigin = value.at();
                wrappedIndex = 0;
                continue;
            }
            boolean getItemOutput = node.path("Item").isObject() && hasOnly(node, GET_ITEM_FIELDS);
            next = item(getItemOutput ? node.get("Item") : node, value.at());
        }
        return true;
    }

    @Override
    public Read next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Read read = next;
        next = null;
        return read;
    }

    @Override
    public void close() {
        values.close();
    }

    private Read item(JsonNode node, String at) {
        count++;
        String origin = "item " + count + " (" + at + ")";
        if (!node.isObject()) {
            throw DynctlException.usage("I" + origin.substring(1) + " is not an object but " + JsonKinds.of(node) + ".",
                    "Items are JSON objects ({\"id\": \"u1\"}) or YAML mappings; give a file as @path and stdin as -.");
        }
        try {
            return new Read(AttributeCodec.fromAnyJson(node), origin);
        } catch (DynctlException e) {
            throw new DynctlException(e.exitCode(), "I" + origin.substring(1) + ": " + e.getMessage(), e.hint(), e);
        }
    }

    private static boolean hasOnly(JsonNode node, Set<String> fields) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            if (!fields.contains(names.next())) {
                return false;
            }
        }
        return true;
    }
}
