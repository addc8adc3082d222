package dev.dynctl.dynamo;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Items from the command line, {@code @file}s and standard input ({@code -}), one at a time.
 *
 * <p>Each source holds one object, an array of objects, or a sequence of objects (JSON lines, or
 * YAML documents); plain JSON and DynamoDB JSON are told apart per item. Sources are read as a
 * stream, value by value, so a file of any size takes constant memory. A syntax error names the
 * source, line and column.
 */
public final class ItemReader implements Iterator<ItemReader.Read>, AutoCloseable {
    /** One item and where it came from, for messages about it ("item 3 in stdin (line 3, column 1)"). */
    public record Read(Map<String, AttributeValue> item, String origin) {
    }

    private static final int PEEK_LIMIT = 8192;

    private final Deque<String> arguments;
    private final Supplier<InputStream> stdin;
    private final String description;
    private Source current;
    private Read next;

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
            return Source.of("stdin", new KeepOpen(stdin.get()), null);
        }
        if (argument.startsWith("@")) {
            return openFile(argument.substring(1));
        }
        String text = argument.stripLeading();
        boolean json = text.isEmpty() || text.charAt(0) == '{' || text.charAt(0) == '[';
        ObjectMapper mapper = json ? Json.MAPPER : Json.YAML;
        try {
            return new Source("argument", json ? "JSON" : "YAML", mapper.readerFor(JsonNode.class).readValues(new StringReader(argument)));
        } catch (JsonProcessingException e) {
            throw malformed(json ? "JSON" : "YAML", "argument", e);
        } catch (IOException e) {
            throw new DynctlException(ExitCode.FAILURE, "Cannot read the item argument: " + e.getMessage());
        }
    }

    private static Source openFile(String name) {
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
            return Source.of(name, Files.newInputStream(path), yaml);
        } catch (IOException e) {
            throw DynctlException.usage("Cannot read @" + name + ": " + e.getMessage() + ".");
        }
    }

    static DynctlException malformed(String format, String label, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
        return new DynctlException(ExitCode.USAGE, "Malformed " + format + " in " + label + where + ": " + message,
                "Items are JSON objects ({\"id\": \"u1\"}), an array of them, JSON lines, or YAML.", e);
    }

    /** One argument's values, read one at a time. */
    private static final class Source {
        private final String label;
        private final String format;
        private final MappingIterator<JsonNode> values;
        private int count;

        private Source(String label, String format, MappingIterator<JsonNode> values) {
            this.label = label;
            this.format = format;
            this.values = values;
        }

        /** Opens a stream as YAML or JSON; when the name does not say, YAML unless it starts with { or [. */
        static Source of(String label, InputStream raw, Boolean yaml) {
            String format = "JSON";
            try {
                InputStream in = new BufferedInputStream(raw, PEEK_LIMIT);
                boolean isYaml = yaml != null ? yaml : looksLikeYaml(in);
                format = isYaml ? "YAML" : "JSON";
                ObjectMapper mapper = isYaml ? Json.YAML : Json.MAPPER;
                return new Source(label, format, mapper.readerFor(JsonNode.class).readValues(in));
            } catch (JsonProcessingException e) {
                throw malformed(format, label, e);
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

        /** The next item, or null at the end of this source. */
        Read read() {
            try {
                if (!values.hasNextValue()) {
                    return null;
                }
                JsonLocation at = values.getParser().currentTokenLocation();
                JsonNode node = values.nextValue();
                count++;
                String origin = "item " + count + " in " + label + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
                return new Read(item(node, origin), origin);
            } catch (JsonProcessingException e) {
                throw malformed(format, label, e);
            } catch (IOException e) {
                throw new DynctlException(ExitCode.FAILURE, "Cannot read " + label + ": " + e.getMessage());
            }
        }

        private static Map<String, AttributeValue> item(JsonNode node, String origin) {
            if (!node.isObject()) {
                throw DynctlException.usage("I" + origin.substring(1) + " is not an object but " + kind(node) + ".",
                        "Items are JSON objects ({\"id\": \"u1\"}) or YAML mappings; give a file as @path and stdin as -.");
            }
            try {
                return AttributeCodec.fromAnyJson(node);
            } catch (DynctlException e) {
                throw new DynctlException(e.exitCode(), "I" + origin.substring(1) + ": " + e.getMessage(), e.hint(), e);
            }
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
                values.close();
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
