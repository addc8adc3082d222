package dev.dynctl.dynamo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.codec.AttributeCodec;
import dev.dynctl.codec.Json;
import dev.dynctl.error.DynctlException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The values of a statement's {@code ?} placeholders. From the command line (--param) a value is
 * JSON when it parses as JSON and a string otherwise, as with {@code item update --set}: {@code 36}
 * is a number, {@code Ada} and {@code 01} are strings, {@code '"36"'} is a string too. A value
 * that is one DynamoDB JSON value ({@code {"S": "01"}}, {@code {"N": "36"}}, {@code {"SS": ["a"]}})
 * is taken as such, the way items are read; a map that happens to look like one is written in
 * DynamoDB JSON: {@code {"M": {"S": {"S": "x"}}}}.
 */
public final class PartiqlParameters {
    private PartiqlParameters() {
    }

    /** --param values, in order. */
    public static List<AttributeValue> fromArguments(List<String> values) {
        List<AttributeValue> parameters = new ArrayList<>(values.size());
        for (String value : values) {
            parameters.add(described("--param " + (parameters.size() + 1), UpdateClauses.looseJson(value)));
        }
        return parameters;
    }

    /** A value that the codec refuses (an empty set, bad base64), named by {@code what} in the message. */
    static AttributeValue described(String what, JsonNode value) {
        try {
            return fromJson(value);
        } catch (DynctlException e) {
            throw new DynctlException(e.exitCode(), what + ": " + e.getMessage(), e.hint(), e);
        }
    }

    /** A value already read from JSON or YAML (a statements file): a string stays a string. */
    static AttributeValue fromJson(JsonNode value) {
        // read as the one attribute of an item, so that DynamoDB JSON is recognised exactly as in items
        ObjectNode item = Json.MAPPER.createObjectNode();
        item.set("?", value);
        return AttributeCodec.fromAnyJson(item).get("?");
    }
}
