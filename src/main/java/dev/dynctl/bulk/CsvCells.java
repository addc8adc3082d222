package dev.dynctl.bulk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.dynctl.codec.AttributeCodec;
import dev.dynctl.codec.Json;
import dev.dynctl.output.CsvField;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * How a value is a csv cell and back, losslessly.
 *
 * <p>A cell that was not quoted and is empty is a missing attribute; {@code ""} is the empty
 * string. In a plain column ({@code age}) a cell that reads as a JSON value is that value (numbers
 * exact, true/false, null, {@code {…}} maps and the {@code $set}/{@code $binary} tags, {@code […]}
 * lists, {@code "…"} strings); any other cell is a string. A string that would read as JSON is
 * therefore written as a JSON string ({@code "007"} in JSON quotes). A column typed in the header
 * ({@code id:S}, {@code age:N}) holds only that type, its cells as they are: export types a column
 * {@code :S} when all its values are strings and some would read as JSON.
 */
final class CsvCells {
    /** The type a header may give a column. */
    enum ColumnType { ANY, S, N }

    /** A header cell: the attribute name and its column's type. */
    record Column(String name, ColumnType type) {
        static Column parse(String header) {
            Matcher typed = TYPED.matcher(header);
            if (typed.matches()) {
                return new Column(typed.group(1), ColumnType.valueOf(typed.group(2)));
            }
            return new Column(header, ColumnType.ANY);
        }

        String header() {
            return type == ColumnType.ANY ? name : name + ":" + type;
        }
    }

    private static final Pattern TYPED = Pattern.compile("(.+):(S|N)");
    private static final ObjectReader WHOLE = Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private CsvCells() {
    }

    /** The value a cell holds, or null for a missing attribute. */
    static AttributeValue read(CsvRecords.Field field, ColumnType type) {
        String text = field.text();
        if (text.isEmpty() && !field.quoted()) {
            return null;
        }
        return switch (type) {
            case S -> AttributeValue.fromS(text);
            case N -> AttributeValue.fromN(AttributeCodec.storableNumber(text));
            case ANY -> {
                JsonNode json = text.isEmpty() ? null : asJson(text);
                yield json == null ? AttributeValue.fromS(text) : AttributeCodec.valueFromJson(json);
            }
        };
    }

    /** The cell text of a value (before csv quoting); null for a missing attribute. */
    static String write(AttributeValue value, ColumnType type) {
        if (value == null) {
            return null;
        }
        if (value.type() == AttributeValue.Type.S) {
            String s = value.s();
            return type == ColumnType.S || !readsAsJson(s) ? s : Json.write(Json.MAPPER.writer(), AttributeCodec.toJson(value));
        }
        if (value.type() == AttributeValue.Type.N) {
            return value.n();
        }
        return Json.write(Json.MAPPER.writer(), AttributeCodec.toJson(value));
    }

    /** True when a string cell in a plain column would be read back as something else. */
    static boolean readsAsJson(String s) {
        return !s.isEmpty() && asJson(s) != null;
    }

    /** The JSON value the whole text is, or null when it is none (most text). */
    private static JsonNode asJson(String text) {
        char first = text.charAt(0);
        // most cells start with a letter: no parser is made for them
        boolean candidate = first == '{' || first == '[' || first == '"' || first == '-' || (first >= '0' && first <= '9')
                || text.equals("true") || text.equals("false") || text.equals("null") || Character.isWhitespace(first);
        if (!candidate) {
            return null;
        }
        try {
            JsonNode node = WHOLE.readTree(text);
            // blank text is no value at all
            return node == null || node.isMissingNode() ? null : node;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /**
     * A field as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break, and
     * always for the empty string, which an empty field would turn into a missing value.
     */
    static String field(String text) {
        if (text == null) {
            return "";
        }
        return text.isEmpty() ? "\"\"" : CsvField.quoted(text);
    }
}
