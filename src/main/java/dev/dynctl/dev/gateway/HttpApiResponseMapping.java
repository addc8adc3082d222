package dev.dynctl.dev.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A function's answer as an HTTP API reads payload 2.0: an object with a {@code statusCode} is a
 * response ({@code headers}, {@code cookies}, {@code body}, {@code isBase64Encoded}); any other
 * JSON is a 200 whose application/json body is that JSON.
 */
final class HttpApiResponseMapping {
    private HttpApiResponseMapping() {
    }

    static GatewayResponse map(String function, byte[] payload) {
        JsonNode answer = Payloads.parse(payload);
        if (answer == null) {
            return malformed(function, "its answer is not JSON.");
        }
        if (!answer.isObject() || !answer.has("statusCode")) {
            return new GatewayResponse(200, List.of(new Header("Content-Type", "application/json")), payload);
        }
        Integer status = StatusCode.of(answer.get("statusCode"));
        if (status == null) {
            return malformed(function, "its statusCode " + answer.get("statusCode") + " is not an HTTP status.");
        }
        List<Header> headers = new ArrayList<>();
        JsonNode given = answer.path("headers");
        if (given.isObject()) {
            for (Map.Entry<String, JsonNode> header : (Iterable<Map.Entry<String, JsonNode>>) given::fields) {
                headers.add(new Header(header.getKey(), header.getValue().asText()));
            }
        }
        answer.path("cookies").forEach(cookie -> headers.add(new Header("Set-Cookie", cookie.asText())));
        JsonNode body = answer.get("body");
        byte[] bytes;
        if (body == null || body.isNull()) {
            bytes = new byte[0];
        } else {
            String text = Payloads.bodyText(body);
            if (answer.path("isBase64Encoded").asBoolean(false)) {
                try {
                    bytes = Base64.getDecoder().decode(text);
                } catch (IllegalArgumentException notBase64) {
                    return malformed(function, "its body is not base64, and isBase64Encoded says it is.");
                }
            } else {
                bytes = text.getBytes(StandardCharsets.UTF_8);
            }
        }
        return new GatewayResponse(status, headers, bytes);
    }

    private static GatewayResponse malformed(String function, String why) {
        return InvocationFailure.response(InvocationFailure.malformed(function, why));
    }
}
