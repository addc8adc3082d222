package dev.dynctl.dynamo;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.codec.Json;
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
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * JSON or YAML values from the command line, {@code @file}s and standard input ({@code -}), one
 * at a time, each with where it starts.
 *
 * <p>Each source holds one value, an array of values, or a sequence of them (JSON lines, or YAML
 * documents); a top-level array is opened, so its elements come one by one. Sources are read
 * value by value, so a file of JSON lines of any size takes constant memory. JSON or YAML is told
 * by a file's extension, else by its first character. A syntax error names the source, line and
 * column. YAML is read with JSON's idea of a scalar ({@link ItemYaml}), so it never changes data.
 */
public final class ValueReader implements Iterator<ValueReader.Value>, AutoCloseable {
    /** One value and where it starts: "stdin line 3", "ops.yaml line 7, column 3". */
    public record Value(JsonNode node, String at) {
    }

    private static final int PEEK_LIMIT = 8192;

    private final Deque<Supplier<Source>> sources = new ArrayDeque<>();
    private final List<String> names = new ArrayList<>();
    private final Supplier<InputStream> stdin;
    private final String hint;
    private Source current;
    private Value next;

    private ValueReader(Supplier<InputStream> stdin, String hint) {
        this.stdin = stdin;
        this.hint = hint;
    }

    /**
     * Reads each argument in turn: JSON or YAML text, {@code @path}, or {@code -} for stdin (also
     * when none is given).
     *
     * @param hint what the values should look like, for the hint under a syntax error
     */
    public static ValueReader of(List<String> arguments, Supplier<InputStream> stdin, String hint) {
        ValueReader reader = new ValueReader(stdin, hint);
        for (String argument : arguments.isEmpty() ? List.of("-") : arguments) {
            if (argument.equals("-")) {
                reader.add("stdin", reader::openStdin);
            } else if (argument.startsWith("@")) {
                reader.add(argument, () -> reader.openFile(argument.substring(1), argument));
            } else {
                reader.add("argument", () -> reader.openText(argument));
            }
        }
        return reader;
    }

    /** Reads one file named by its path, or stdin for {@code -}. */
    public static ValueReader file(String path, Supplier<InputStream> stdin, String hint) {
        ValueReader reader = new ValueReader(stdin, hint);
        if (path.equals("-")) {
            reader.add("stdin", reader::openStdin);
        } else {
            reader.add(path, () -> reader.openFile(path, path));
        }
        return reader;
    }

    private void add(String name, Supplier<Source> opener) {
        names.add(name);
        sources.add(opener);
    }

    /** What is read, for messages such as "no items in …": "stdin", "@users.json, argument". */
    public String description() {
        return String.join(", ", names);
    }

    @Override
    public boolean hasNext() {
        while (next == null) {
            if (current == null) {
                if (sources.isEmpty()) {
                    return false;
                }
                current = sources.poll().get();
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
    public Value next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Value value = next;
        next = null;
        return value;
    }

    @Override
    public void close() {
        if (current != null) {
            current.close();
            current = null;
        }
    }

    private Source openStdin() {
        return openStream("stdin", new KeepOpen(stdin.get()), null);
    }

    private Source openText(String argument) {
        String text = argument.stripLeading();
        boolean yaml = !text.isEmpty() && text.charAt(0) != '{' && text.charAt(0) != '[';
        try {
            JsonParser parser = yaml ? ItemYaml.parser(new StringReader(argument)) : Json.MAPPER.createParser(argument);
            return new Source("argument", yaml, parser);
        } catch (JsonProcessingException e) {
            throw malformed(yaml ? "YAML" : "JSON", "argument", e);
        } catch (IOException e) {
            throw new DynctlException(ExitCode.FAILURE, "Cannot read the argument: " + e.getMessage());
        }
    }

    /** @param shown the file as the user named it: {@code @users.json}, or the bare path */
    private Source openFile(String name, String shown) {
        Path path = Path.of(name);
        if (!Files.exists(path)) {
            throw DynctlException.usage("Cannot read " + shown + ": no such file.", shown.startsWith("@")
                    ? "Give the path of a JSON, JSON lines or YAML file after @." : "Give the path of a JSON, JSON lines or YAML file, or - for stdin.");
        }
        if (Files.isDirectory(path)) {
            throw DynctlException.usage("Cannot read " + shown + ": it is a directory.");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        Boolean yaml = lower.endsWith(".yaml") || lower.endsWith(".yml") ? Boolean.TRUE
                : lower.endsWith(".json") || lower.endsWith(".jsonl") || lower.endsWith(".ndjson") ? Boolean.FALSE : null;
        try {
            return openStream(name, Files.newInputStream(path), yaml);
        } catch (IOException e) {
            throw DynctlException.usage("Cannot read " + shown + ": " + e.getMessage() + ".");
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

    private DynctlException malformed(String format, String label, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
        return new DynctlException(ExitCode.USAGE, "Malformed " + format + " in " + label + where + ": " + message, hint, e);
    }

    /** One argument's values: those at its top level, or inside a top-level array. */
    private final class Source {
        private final String label;
        private final boolean yaml;
        private final JsonParser parser;
        private boolean inTopLevelArray;

        Source(String label, boolean yaml, JsonParser parser) {
            this.label = label;
            this.yaml = yaml;
            this.parser = parser;
        }

        /** The next value, or null at the end of this source. */
        Value read() {
            try {
                while (true) {
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
                    return new Value(yaml ? ItemYaml.readTree(parser) : Json.MAPPER.readTree(parser), at);
                }
            } catch (JsonProcessingException e) {
                throw malformed(yaml ? "YAML" : "JSON", label, e);
            } catch (IOException e) {
                throw new DynctlException(ExitCode.FAILURE, "Cannot read " + label + ": " + e.getMessage());
            }
        }

        /** "stdin line 3", with the column when the value does not start a line (an array on one line). */
        private String at(JsonLocation location) {
            return label + " line " + location.getLineNr() + (location.getColumnNr() > 1 ? ", column " + location.getColumnNr() : "");
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
