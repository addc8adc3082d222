package dev.dynctl.dev.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.codec.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * What came back for one event: the handler's response, or an error as Lambda reports it
 * ({@code errorType} null on success).
 */
record Answer(byte[] payload, String errorType, String errorMessage) {
    static final String INIT_ERROR = "Runtime.InitError";
    static final String EXIT_ERROR = "Runtime.ExitError";
    static final String TIMED_OUT = "Sandbox.Timedout";

    static Answer success(byte[] payload) {
        return new Answer(payload, null, null);
    }

    /**
     * An error document a runtime posted ({"errorMessage", "errorType", "stackTrace"}); its type is
     * the document's, else the Lambda-Runtime-Function-Error-Type header's, else {@code fallbackType}.
     */
    static Answer posted(byte[] document, String headerType, String fallbackType) {
        JsonNode parsed = parse(document);
        String type = text(parsed, "errorType");
        if (type == null) {
            type = headerType == null || headerType.isBlank() ? fallbackType : headerType;
        }
        String message = text(parsed, "errorMessage");
        if (message == null) {
            message = document.length == 0 ? "the runtime gave no reason" : new String(document, StandardCharsets.UTF_8);
        }
        return new Answer(document, type, message);
    }

    /** An init error: the contract's type, the runtime's message (its document, with its own errorType, is the payload). */
    static Answer initError(byte[] document) {
        Answer posted = posted(document, null, INIT_ERROR);
        return new Answer(document, INIT_ERROR, posted.errorMessage());
    }

    /** An error the host itself found (a timeout, a crash, code it cannot load). */
    static Answer hostError(String type, String message) {
        ObjectNode document = Json.MAPPER.createObjectNode().put("errorType", type).put("errorMessage", message);
        return new Answer(document.toString().getBytes(StandardCharsets.UTF_8), type, message);
    }

    private static JsonNode parse(byte[] document) {
        try {
            return Json.MAPPER.readTree(document);
        } catch (IOException notJson) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
