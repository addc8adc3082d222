package dev.dynctl.dev.gateway;

import com.fasterxml.jackson.databind.JsonNode;

/** A function's statusCode: a number from 100 to 599, or such a number as text ("404"), as API Gateway takes it. */
final class StatusCode {
    private StatusCode() {
    }

    /** The status, or null when {@code node} is none. */
    static Integer of(JsonNode node) {
        if (node == null) {
            return null;
        }
        int status;
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            status = node.intValue();
        } else if (node.isTextual() && node.asText().matches("\\d{3}")) {
            status = Integer.parseInt(node.asText());
        } else {
            return null;
        }
        return status >= 100 && status <= 599 ? status : null;
    }
}
