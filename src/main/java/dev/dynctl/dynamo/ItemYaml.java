package dev.dynctl.dynamo;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.dynctl.codec.AttributeCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Base64;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * YAML items read with JSON's idea of a scalar, so that YAML input never changes data.
 *
 * <p>Jackson's YAML parser follows YAML 1.1, where a plain {@code 0123} is the octal number 83,
 * {@code 0x1F} is 31, {@code 1_000} is 1000, {@code yes}/{@code no}/{@code on}/{@code off}/{@code
 * y}/{@code n} are booleans and {@code ~} is null: a zip code, a hex id or a country code "no"
 * would be stored as something else. Here a plain scalar is a number only when its text is exactly
 * a JSON number, a boolean or null only when it is exactly {@code true}, {@code false} or {@code
 * null}, and a string otherwise; quoted scalars are always strings. An empty plain value ({@code
 * note:}) is null, as in every YAML reader. A {@code !!binary} scalar is a binary value.
 */
final class ItemYaml {
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final YAMLFactory FACTORY = new ScalarStyleFactory();

    private ItemYaml() {
    }

    static JsonParser parser(InputStream in) throws IOException {
        return FACTORY.createParser(in);
    }

    static JsonParser parser(Reader in) throws IOException {
        return FACTORY.createParser(in);
    }

    /** The value that starts at the parser's current token, which must come from {@link #parser}. */
    static JsonNode readTree(JsonParser parser) throws IOException {
        ScalarStyleParser yaml = (ScalarStyleParser) parser;
        JsonToken token = yaml.currentToken();
        if (token == JsonToken.START_OBJECT) {
            ObjectNode object = NODES.objectNode();
            while (next(yaml) == JsonToken.FIELD_NAME) {
                String name = yaml.currentName();
                if (object.has(name)) {
                    throw new JsonParseException(yaml, "Duplicate field '" + name + "'");
                }
                next(yaml);
                object.set(name, readTree(yaml));
            }
            return object;
        }
        if (token == JsonToken.START_ARRAY) {
            ArrayNode array = NODES.arrayNode();
            while (next(yaml) != JsonToken.END_ARRAY) {
                array.add(readTree(yaml));
            }
            return array;
        }
        return scalar(yaml);
    }

    private static JsonToken next(JsonParser parser) throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            throw new JsonParseException(parser, "the YAML ends inside a mapping or sequence");
        }
        return token;
    }

    private static JsonNode scalar(ScalarStyleParser yaml) throws IOException {
        if (yaml.isCurrentAlias()) {
            // Jackson would hand back the anchor's name as if it were the value
            throw new JsonParseException(yaml, "YAML aliases (*" + yaml.getText() + ") are not supported; write the value out");
        }
        JsonToken token = yaml.currentToken();
        if (token == JsonToken.VALUE_EMBEDDED_OBJECT) {
            ObjectNode binary = NODES.objectNode();
            binary.put(AttributeCodec.BINARY_TAG, Base64.getEncoder().encodeToString(yaml.getBinaryValue()));
            return binary;
        }
        String text = yaml.getText();
        if (!yaml.isPlainScalar()) {
            return NODES.textNode(text);
        }
        // an explicit tag such as !!str is kept when it made a string; otherwise the text decides
        if (yaml.isTaggedScalar() && token == JsonToken.VALUE_STRING) {
            return NODES.textNode(text);
        }
        return fromText(text);
    }

    private static JsonNode fromText(String text) {
        if (JSON_NUMBER.matcher(text).matches()) {
            boolean integer = text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0;
            return integer ? NODES.numberNode(new BigInteger(text)) : NODES.numberNode(new BigDecimal(text));
        }
        return switch (text) {
            case "true" -> NODES.booleanNode(true);
            case "false" -> NODES.booleanNode(false);
            case "null", "" -> NODES.nullNode();
            default -> NODES.textNode(text);
        };
    }

    /** Jackson's YAML parser, telling whether the current scalar was plain (unquoted) and tagged. */
    private static final class ScalarStyleParser extends YAMLParser {
        ScalarStyleParser(IOContext context, int parserFeatures, int yamlFeatures, org.yaml.snakeyaml.LoaderOptions options, Reader reader) {
            super(context, parserFeatures, yamlFeatures, options, null, reader);
        }

        boolean isPlainScalar() {
            return _lastEvent instanceof ScalarEvent scalar && scalar.isPlain();
        }

        boolean isTaggedScalar() {
            return _lastEvent instanceof ScalarEvent scalar && scalar.getTag() != null;
        }
    }

    private static final class ScalarStyleFactory extends YAMLFactory {
        @Override
        protected YAMLParser _createParser(InputStream in, IOContext context) throws IOException {
            return new ScalarStyleParser(context, _parserFeatures, _yamlParserFeatures, _loaderOptions, _createReader(in, null, context));
        }

        @Override
        protected YAMLParser _createParser(Reader in, IOContext context) {
            return new ScalarStyleParser(context, _parserFeatures, _yamlParserFeatures, _loaderOptions, in);
        }
    }
}
