package dev.dynctl.dynamo;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
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
 * read value by value, so a file of JSON lines of any size takes constant memory (an AWS CLI
 * page is read whole). A syntax error names the source, line and column.
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
    private static final int PEEK_LIMIT = 8192;

    private final Deque<String> arguments;
    private final Supplier<InputStream> stdin;
    private final String description;
    private Source current;
    private Read next;
    private long count;

    private ItemReader(List<String> arguments, Supplier<InputStream> stdin) {
        this.arguments = new ArrayDeque<>(arguments);
        this.stdin = stdin;
        this.description = String.join(", ", arguments.stream().map(a -> a.equals("-") ? "stdin" : a.startsWith("@") ? a : "argument").toList());
    }

    /** Reads each argument in turn: JSON or YAML text, {@code @path}, or {@code -} for stdin (also when none is given). */
    public static ItemReader of(List<String> arguments, Supplier<InputStream> stdin) {
        return new ItemReader(arguments.isEmpty() ? List.of("-") : arguments, stdin);
    }

    /** What was read, for "no items in …". */
    public String description() {
        return description;
    }

    @Override
    public boolean hasNext() {
        while (next == null) {
            if (current == null) {
                if (arguments.isEmpty()) {
                    return false;
                }
                current = open(arguments.poll());
            }
            next = current.read();
            if (next == null) {
                current.close();
                current = null;
            }
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
        if (current != null) {
            current.close();
            current = null;
        }
    }

    private Source open(String argument) {
        if (argument.equals("-")) {
            return openStream("stdin", new KeepOpen(stdin.get()), null);
        }
        if (argument.startsWith("@")) {
            return openFile(argument.substring(1));
        }
        String text = argument.stripLeading();
        boolean yaml = !text.isEmpty() && text.charAt(0) != '{' && text.charAt(0) != '[';
        try {
            JsonParser parser = yaml ? ItemYaml.parser(new StringReader(argument)) : Json.MAPPER.createParser(argument);
            return new Source("argument", yaml, parser);
        } catch (JsonProcessingException e) {
            throw malformed(yaml ? "YAML" : "JSON", "argument", e);
        } catch (IOException e) {
            throw new DynctlException(ExitCode.FAILURE, "Cannot read the item argument: " + e.getMessage());
        }
    }

    private Source openFile(String name) {
        Path path = Path.of(name);
        if (!Files.exists(path)) {
            throw DynctlException.usage("Cannot read @" + name + ": no such file.", "Give the path of a JSON, JSON lines or YAML file after @.");
        }
        if (Files.isDirectory(path)) {
            throw DynctlException.usage("Cannot read @" + name + ": it is a directory.");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        Boolean yaml = lower.endsWith(".yaml") || lower.endsWith(".yml") ? Boolean.TRUE
                : lower.endsWith(".json") || lower.endsWith(".jsonl") || lower.endsWith(".ndjson") ? Boolean.FALSE : null;
        try {
            return openStream(name, Files.newInputStream(path), yaml);
        } catch (IOException e) {
            throw DynctlException.usage("Cannot read @" + name + ": " + e.getMessage() + ".");
        }
    }

    /** Opens a stream as YAML or JSON; when the name does not say, YAML unless it starts with { or [. */
    private Source openStream(String label, InputStream raw, Boolean yaml) {
        boolean isYaml = false;
        try {
            InputStream in = new BufferedInputStream(raw, PEEK_LIMIT);
            isYaml = yaml != null ? yaml : looksLikeYaml(in);
            return new Source(label, isYaml, isYaml ? ItemYaml.parser(in) : Json.MAPPER.createParser(in));
        } catch (JsonProcessingException e) {
            throw malformed(isYaml ? "YAML" : "JSON", label, e);
        } catch (IOException e) {
            throw new DynctlException(ExitCode.FAILURE, "Cannot read " + label + ": " + e.getMessage());
        }
    }

    private static boolean looksLikeYaml(InputStream in) throws IOException {
        in.mark(PEEK_LIMIT);
        try {
            for (int i = 0; i < PEEK_LIMIT; i++) {
                int c = in.read();
                if (c == -1 || c == '{' || c == '[') {
                    return false;
                }
                // whitespace and a UTF-8 byte order mark come before either format's first token
                if (!Character.isWhitespace(c) && c != 0xEF && c != 0xBB && c != 0xBF) {
                    return true;
                }
            }
            return false;
        } finally {
            in.reset();
        }
    }

    static DynctlException malformed(String format, String label, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
        return new DynctlException(ExitCode.USAGE, "Malformed " + format + " in " + label + where + ": " + message,
                "Items are JSON objects ({\"id\": \"u1\"}), an array of them, JSON lines, or YAML.", e);
    }

    /**
     * One argument's values: the items at its top level, inside a top-level array, or inside the
     * AWS CLI's page and get-item wrappers.
     */
    private final class Source {
        private final String label;
        private final boolean yaml;
        private final JsonParser parser;
        private boolean inTopLevelArray;
        private Iterator<JsonNode> wrapped = Collections.emptyIterator();
        private String wrapperOrigin;
        private int wrappedIndex;

        Source(String label, boolean yaml, JsonParser parser) {
            this.label = label;
            this.yaml = yaml;
            this.parser = parser;
        }

        /** The next item, or null at the end of this source. */
        Read read() {
            try {
                while (true) {
                    if (wrapped.hasNext()) {
                        JsonNode node = wrapped.next();
                        return item(node, wrapperOrigin + ", Items[" + wrappedIndex++ + "]");
                    }
                    JsonToken token = parser.nextToken();
                    if (token == null) {
                        return null;
                    }
                    if (token == JsonToken.END_ARRAY && inTopLevelArray) {
                        inTopLevelArray = false;
                        continue;
                    }
                    if (token == JsonToken.START_ARRAY && !inTopLevelArray) {
                        inTopLevelArray = true;
                        continue;
                    }
                    String at = at(parser.currentTokenLocation());
                    JsonNode node = yaml ? ItemYaml.readTree(parser) : Json.MAPPER.readTree(parser);
                    if (node.path("Items").isArray() && hasOnly(node, PAGE_FIELDS)) {
                        wrapped = node.get("Items").elements();
                        wrapperOrigin = at;
                        wrappedIndex = 0;
                        continue;
                    }
                    boolean getItemOutput = node.path("Item").isObject() && hasOnly(node, GET_ITEM_FIELDS);
                    return item(getItemOutput ? node.get("Item") : node, at);
                }
            } catch (JsonProcessingException e) {
                throw malformed(yaml ? "YAML" : "JSON", label, e);
            } catch (IOException e) {
                throw new DynctlException(ExitCode.FAILURE, "Cannot read " + label + ": " + e.getMessage());
            }
        }

        /** "stdin line 3", with the column when the item does not start a line (an array on one line). */
        private String at(JsonLocation location) {
            return label + " line " + location.getLineNr() + (location.getColumnNr() > 1 ? ", column " + location.getColumnNr() : "");
        }

        private Read item(JsonNode node, String at) {
            count++;
            String origin = "item " + count + " (" + at + ")";
            if (!node.isObject()) {
                throw DynctlException.usage("I" + origin.substring(1) + " is not an object but " + kind(node) + ".",
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

        private static String kind(JsonNode node) {
            return switch (node.getNodeType()) {
                case ARRAY -> "an array";
                case STRING -> "a string ('" + node.textValue() + "')";
                case NUMBER -> "a number";
                case BOOLEAN -> "a boolean";
                default -> "null";
            };
        }

        void close() {
            try {
                parser.close();
            } catch (IOException e) {
                // nothing more is read from it
            }
        }
    }

    /** Standard input belongs to the process (and to the shell): reading it to the end must not close it. */
    private static final class KeepOpen extends FilterInputStream {
        KeepOpen(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // left open on purpose
        }
    }
}
