package dev.dynctl.dev.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A WebSocket API's route selection expression, {@code $request.body.action} (or
 * {@code ${request.body.action}}, or a deeper {@code $request.body.a.b}): the route key is that
 * field of a JSON message. A message that is not JSON, or lacks the field, goes to $default.
 */
final class RouteSelection {
    private static final Pattern BODY_FIELD = Pattern.compile("\\$\\{?request\\.body\\.([A-Za-z0-9_.$-]+?)}?");

    private final List<String> path;

    private RouteSelection(List<String> path) {
        this.path = path;
    }

    /** The selection, or null when the expression is not one of the body's fields (every message then goes to $default). */
    static RouteSelection parse(String expression) {
        if (expression == null) {
            return null;
        }
        Matcher matcher = BODY_FIELD.matcher(expression.trim());
        return matcher.matches() ? new RouteSelection(List.of(matcher.group(1).split("\\."))) : null;
    }

    /** The route key a text message selects, or null. */
    String select(byte[] message) {
        JsonNode node = Payloads.parse(message);
        for (String field : path) {
            if (node == null || !node.isObject()) {
                return null;
            }
            node = node.get(field);
        }
        return node != null && node.isValueNode() && !node.isNull() ? node.asText() : null;
    }
}
