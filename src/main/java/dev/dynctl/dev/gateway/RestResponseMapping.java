package dev.dynctl.dev.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A function's answer as a REST API reads a Lambda proxy response: a JSON object of
 * {@code statusCode}, {@code headers}, {@code multiValueHeaders}, {@code body} (a string) and
 * {@code isBase64Encoded}, nothing else; anything else is a 502. With no binary media types a REST
 * API passes a base64 body on as the text it is, and so does the gateway.
 */
final class RestResponseMapping {
    private static final Set<String> FIELDS = Set.of("statusCode", "headers", "multiValueHeaders", "body", "isBase64Encoded");
    private static final String SHAPE = " A REST API reads {\"statusCode\": 200, \"headers\": {…}, \"multiValueHeaders\": {…},"
            + " \"body\": \"text\", \"isBase64Encoded\": false}.";

    private RestResponseMapping() {
    }

    static GatewayResponse map(String function, byte[] payload) {
        JsonNode answer = Payloads.parse(payload);
        if (answer == null || !answer.isObject()) {
            return malformed(function, "its answer is " + (answer == null ? "not JSON" : "a JSON " + answer.getNodeType().name().toLowerCase(Locale.ROOT))
                    + ", not an object.");
        }
        for (Iterator<String> names = answer.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                return malformed(function, "its answer has the field '" + name + "'.");
            }
        }
        Integer status = StatusCode.of(answer.get("statusCode"));
        if (status == null) {
            return malformed(function, answer.has("statusCode") ? "its statusCode " + answer.get("statusCode") + " is not an HTTP status."
                    : "its answer has no statusCode.");
        }
        JsonNode body = answer.get("body");
        if (body != null && !body.isNull() && !body.isTextual()) {
            return malformed(function, "its body is a JSON " + body.getNodeType().name().toLowerCase(Locale.ROOT) + ", not a string (JSON.stringify it).");
        }
        List<Header> headers = new ArrayList<>();
        JsonNode single = answer.get("headers");
        JsonNode multi = answer.get("multiValueHeaders");
        if (!isObjectOrNull(single) || !isObjectOrNull(multi)) {
            return malformed(function, "its headers and multiValueHeaders must be objects.");
        }
        // API Gateway merges the two; for a name in both, only multiValueHeaders' values are sent
        Set<String> multiNames = new HashSet<>();
        if (multi != null) {
            for (Map.Entry<String, JsonNode> header : iterable(multi)) {
                JsonNode values = header.getValue();
                if (!values.isArray()) {
                    return malformed(function, "its multiValueHeaders." + header.getKey() + " is not a list.");
                }
                multiNames.add(header.getKey().toLowerCase(Locale.ROOT));
            }
        }
        if (single != null) {
            for (Map.Entry<String, JsonNode> header : iterable(single)) {
                if (!multiNames.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                    headers.add(new Header(header.getKey(), header.getValue().asText()));
                }
            }
        }
        if (multi != null) {
            for (Map.Entry<String, JsonNode> header : iterable(multi)) {
                header.getValue().forEach(value -> headers.add(new Header(header.getKey(), value.asText())));
            }
        }
        if (headers.stream().noneMatch(h -> h.named("Content-Type"))) {
            headers.add(new Header("Content-Type", "application/json"));
        }
        byte[] bytes = body == null || body.isNull() ? new byte[0] : body.asText().getBytes(StandardCharsets.UTF_8);
        return new GatewayResponse(status, headers, bytes);
    }

    private static boolean isObjectOrNull(JsonNode node) {
        return node == null || node.isNull() || node.isObject();
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode object) {
        return object.isNull() ? List.of() : object::fields;
    }

    private static GatewayResponse malformed(String function, String why) {
        return InvocationFailure.response(InvocationFailure.malformed(function, why + SHAPE));
    }
}
