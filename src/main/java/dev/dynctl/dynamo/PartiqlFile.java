package dev.dynctl.dynamo;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.codec.Json;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The statements of a file for BatchExecuteStatement. Either PartiQL text, statements ending with
 * {@code ;} (or each starting on its own line) with {@code --} comments, values written inline; or
 * a JSON or YAML list whose entries are a statement, or {@code {statement: "…", params: [...]}} with
 * one value per {@code ?} (a value is read like an item's attribute: plain JSON, or DynamoDB JSON
 * such as {@code {"S": "01"}}). The AWS CLI's own file ({@code [{"Statement": …, "Parameters": […]}]})
 * is read too. Every statement is checked before any is sent.
 */
public final class PartiqlFile {
    private static final Set<String> STATEMENT_FIELDS = Set.of("statement", "Statement");
    private static final Set<String> PARAMS_FIELDS = Set.of("params", "parameters", "Parameters");
    private static final String STRUCTURED_EXAMPLE = "An entry is a statement, or {\"statement\": \"SELECT * FROM users WHERE id = ?\", \"params\": [\"u1\"]}.";

    private PartiqlFile() {
    }

    /** The statements of a file, or of standard input for {@code -}; read whole, since every statement is checked first. */
    public static List<PartiqlStatement> read(String file, Supplier<InputStream> stdin) {
        if (file.equals("-")) {
            try {
                return parse("stdin", new String(stdin.get().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new DynctlException(ExitCode.FAILURE, "Cannot read stdin: " + e.getMessage());
            }
        }
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw DynctlException.usage("Cannot read " + file + ": " + (Files.isDirectory(path) ? "it is a directory." : "no such file."),
                    "Give the path of a file of statements, or - for stdin.");
        }
        try {
            return parse(file, Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw DynctlException.usage("Cannot read " + file + ": " + e.getMessage() + ".");
        }
    }

    /** @param label the file's name, or "stdin": its extension, when it has one, says the format */
    static List<PartiqlStatement> parse(String label, String content) {
        String lower = label.toLowerCase(Locale.ROOT);
        boolean json = lower.endsWith(".json");
        boolean yaml = lower.endsWith(".yaml") || lower.endsWith(".yml");
        boolean text = lower.endsWith(".sql") || lower.endsWith(".partiql");
        if (!json && !yaml && !text) {
            String start = firstContent(content);
            json = start.startsWith("[") || start.startsWith("{");
            yaml = start.startsWith("- ") || start.equals("-") || start.startsWith("#");
        }
        List<PartiqlStatement> statements = json || yaml ? structured(label, content, yaml) : text(label, content);
        if (statements.isEmpty()) {
            throw DynctlException.usage("No statements in " + label + ".",
                    "Write PartiQL statements ending with ;, or a JSON or YAML list of {statement, params}.");
        }
        return statements;
    }

    /**
     * The first line that is neither blank nor a -- comment (YAML's --- start marker is one too),
     * stripped: [ or { starts JSON, - or # YAML, anything else PartiQL.
     */
    private static String firstContent(String content) {
        return content.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("--"))
                .findFirst().orElse("");
    }

    private static List<PartiqlStatement> text(String label, String content) {
        List<PartiqlStatement> statements = new ArrayList<>();
        List<PartiqlScanner.Piece> pieces;
        try {
            pieces = PartiqlScanner.split(content);
        } catch (DynctlException e) {
            throw new DynctlException(ExitCode.USAGE, label + ": " + e.getMessage(), e.hint(), e);
        }
        for (PartiqlScanner.Piece piece : pieces) {
            PartiqlStatement statement = checked(label, statements.size() + 1, piece, List.of());
            if (statement.placeholders() > 0) {
                throw DynctlException.usage(where(label, statements.size() + 1, piece.line()) + " has "
                        + PartiqlStatement.placeholders(statement.placeholders()) + ", which a file of PartiQL text cannot fill.",
                        "Write the values inline ('u1', 36), or write the file as JSON or YAML with params. " + STRUCTURED_EXAMPLE);
            }
            statements.add(statement);
        }
        return statements;
    }

    private static List<PartiqlStatement> structured(String label, String content, boolean yaml) {
        String format = yaml ? "YAML" : "JSON";
        List<PartiqlStatement> statements = new ArrayList<>();
        try (JsonParser parser = yaml ? ItemYaml.parser(new StringReader(content)) : Json.MAPPER.createParser(content)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return statements;
            }
            if (first != JsonToken.START_ARRAY) {
                throw DynctlException.usage(label + " holds a " + format + " " + (first == JsonToken.START_OBJECT ? "object" : "value")
                        + ", not a list of statements.", STRUCTURED_EXAMPLE);
            }
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                JsonLocation at = parser.currentTokenLocation();
                JsonNode entry = yaml ? ItemYaml.readTree(parser) : Json.MAPPER.readTree(parser);
                statements.add(entry(label, statements.size() + 1, (int) at.getLineNr(), entry));
            }
            if (parser.nextToken() != null) {
                throw DynctlException.usage(label + " has more after its list of statements.", STRUCTURED_EXAMPLE);
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
            throw new DynctlException(ExitCode.USAGE, "Malformed " + format + " in " + label + where + ": " + message, STRUCTURED_EXAMPLE, e);
        } catch (IOException e) {
            throw new DynctlException(ExitCode.FAILURE, "Cannot read " + label + ": " + e.getMessage());
        }
        return statements;
    }

    private static PartiqlStatement entry(String label, int number, int line, JsonNode entry) {
        String where = where(label, number, line);
        if (entry.isTextual()) {
            return single(label, number, line, entry.textValue(), List.of());
        }
        if (!entry.isObject()) {
            throw DynctlException.usage(where + " is neither a statement nor {statement, params}.", STRUCTURED_EXAMPLE);
        }
        JsonNode text = null;
        JsonNode params = null;
        for (Iterator<String> names = entry.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (STATEMENT_FIELDS.contains(name)) {
                text = entry.get(name);
            } else if (PARAMS_FIELDS.contains(name)) {
                params = entry.get(name);
            } else {
                throw DynctlException.usage(where + " has an unknown field '" + name + "'.", "An entry has statement and params.");
            }
        }
        if (text == null || !text.isTextual()) {
            throw DynctlException.usage(where + " has no statement text.", STRUCTURED_EXAMPLE);
        }
        if (params != null && !params.isArray() && !params.isNull()) {
            throw DynctlException.usage(where + ": params is a list, one value per ?.", STRUCTURED_EXAMPLE);
        }
        List<AttributeValue> values = new ArrayList<>();
        if (params != null) {
            for (JsonNode value : params) {
                values.add(PartiqlParameters.described(where + ", parameter " + (values.size() + 1), value));
            }
        }
        return single(label, number, line, text.textValue(), values);
    }

    private static PartiqlStatement single(String label, int number, int line,
                                           String text, List<AttributeValue> values) {
        String where = where(label, number, line);
        List<PartiqlScanner.Piece> pieces;
        try {
            pieces = PartiqlScanner.split(text);
        } catch (DynctlException e) {
            throw new DynctlException(ExitCode.USAGE, where + ": " + e.getMessage(), e.hint(), e);
        }
        if (pieces.size() != 1) {
            throw DynctlException.usage(where + " holds " + (pieces.isEmpty() ? "no statement" : pieces.size() + " statements")
                    + "; an entry holds one.");
        }
        PartiqlStatement statement = checked(label, number, new PartiqlScanner.Piece(pieces.get(0).text(), line), values);
        if (statement.placeholders() != values.size()) {
            throw DynctlException.usage(where + " has " + PartiqlStatement.placeholders(statement.placeholders()) + " but "
                    + values.size() + (values.size() == 1 ? " parameter." : " parameters."), "Give one value per ?, in order, in params.");
        }
        return statement;
    }

    private static PartiqlStatement checked(String label, int number, PartiqlScanner.Piece piece,
                                            List<AttributeValue> values) {
        try {
            return PartiqlStatement.parsed(piece, values);
        } catch (DynctlException e) {
            throw new DynctlException(ExitCode.USAGE, where(label, number, piece.line()) + ": " + e.getMessage(), e.hint(), e);
        }
    }

    /** "Statement 3 (users.sql line 7)". */
    public static String where(String label, int number, int line) {
        return "Statement " + number + " (" + label + " line " + line + ")";
    }
}
