package dev.dynctl.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.dynctl.codec.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One call and its answer: what was sent where (and whether it was signed, for which route) and
 * the status, headers and body that came back. Secret headers are never shown, whichever side
 * they come from.
 */
public record HttpExchange(String method, URI url, boolean signed, String route, int status,
                           List<Map.Entry<String, String>> headers, byte[] body) {
    private static final Set<String> SECRET = Set.of("authorization", "proxy-authorization", "x-amz-security-token", "x-api-key",
            "cookie", "set-cookie");
    static final String HIDDEN = "(hidden)";

    public boolean failed() {
        return status >= 400;
    }

    /** The headers as shown: in the order received, secret values replaced with "(hidden)". */
    public List<Map.Entry<String, String>> shownHeaders() {
        return headers.stream()
                .map(header -> SECRET.contains(header.getKey().toLowerCase(Locale.ROOT)) ? Map.entry(header.getKey(), HIDDEN) : header)
                .toList();
    }

    /** The body as JSON when it is JSON, else as text (null for no body). */
    public JsonNode bodyNode() {
        if (body.length == 0) {
            return null;
        }
        JsonNode json = json(body);
        return json != null ? json : TextNode.valueOf(new String(body, StandardCharsets.UTF_8));
    }

    /** The bytes as one JSON value, or null when they are not exactly one. */
    static JsonNode json(byte[] bytes) {
        try {
            return Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(bytes);
        } catch (IOException notJson) {
            return null;
        }
    }

    /** The exchange as a document for -o json: method, url, signed, route, status, headers, body. */
    public ObjectNode document() {
        ObjectNode document = Json.MAPPER.createObjectNode();
        document.put("method", method);
        document.put("url", url.toString());
        document.put("signed", signed);
        document.put("route", route);
        document.put("status", status);
        ObjectNode shown = document.putObject("headers");
        shownHeaders().forEach(header -> shown.put(header.getKey(), shown.has(header.getKey())
                ? shown.get(header.getKey()).asText() + ", " + header.getValue() : header.getValue()));
        document.set("body", bodyNode());
        return document;
    }
}
