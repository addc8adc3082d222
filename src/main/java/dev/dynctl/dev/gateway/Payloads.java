package dev.dynctl.dev.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.codec.Json;
import java.io.IOException;

/**
 * JSON in and out of functions. Numbers stay exact as everywhere in dynctl, but a key given twice
 * is read as Lambda's runtimes read it (the last one wins) instead of refused: the gateway passes
 * on what a function answers, it does not judge its style.
 */
final class Payloads {
    private static final ObjectMapper MAPPER = Json.MAPPER.copy().disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private Payloads() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** The payload as JSON, or null when it is not JSON. */
    static JsonNode parse(byte[] payload) {
        if (payload == null || payload.length == 0) {
            return null;
        }
        try {
            return MAPPER.readTree(payload);
        } catch (IOException notJson) {
            return null;
        }
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    /** A {@code body} field as API Gateway passes it on: a string as it is, any other JSON written out. */
    static String bodyText(JsonNode body) {
        return body.isTextual() ? body.asText() : text(body);
    }

    private static String text(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }
}
