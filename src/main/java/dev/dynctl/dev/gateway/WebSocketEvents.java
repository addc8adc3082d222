package dev.dynctl.dev.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.List;

/** The events a WebSocket API sends: CONNECT (with the upgrade's headers and query), MESSAGE, DISCONNECT. */
final class WebSocketEvents {
    private WebSocketEvents() {
    }

    static ObjectNode connect(ServedApi api, ConnectionInfo connection, String requestId) {
        ObjectNode event = Payloads.object();
        IncomingRequest upgrade = connection.upgrade();
        RestEvent.putHeaders(event, ForwardedHeaders.of(upgrade, api.port()));
        Map<String, List<String>> query = QueryString.parse(upgrade.rawQuery());
        if (!query.isEmpty()) {
            RestEvent.putQuery(event, query);
        }
        context(event, api, connection, "$connect", "CONNECT", requestId, upgrade.received());
        event.put("isBase64Encoded", false);
        return event;
    }

    /** A message: text as it came, binary as base64. */
    static ObjectNode message(ServedApi api, ConnectionInfo connection, String routeKey, byte[] body, boolean binary,
                              String requestId, Instant received) {
        ObjectNode event = Payloads.object();
        ObjectNode context = context(event, api, connection, routeKey, "MESSAGE", requestId, received);
        context.put("messageId", FakeIds.shortId());
        event.put("body", binary ? Base64.getEncoder().encodeToString(body) : new String(body, StandardCharsets.UTF_8));
        event.put("isBase64Encoded", binary);
        return event;
    }

    static ObjectNode disconnect(ServedApi api, ConnectionInfo connection, int statusCode, String reason, String requestId) {
        ObjectNode event = Payloads.object();
        ObjectNode context = context(event, api, connection, "$disconnect", "DISCONNECT", requestId, Instant.now());
        context.put("disconnectStatusCode", statusCode);
        context.put("disconnectReason", reason == null ? "" : reason);
        event.put("isBase64Encoded", false);
        return event;
    }

    private static ObjectNode context(ObjectNode event, ServedApi api, ConnectionInfo connection, String routeKey, String eventType,
                                      String requestId, Instant time) {
        ObjectNode context = event.putObject("requestContext");
        context.put("routeKey", routeKey);
        context.put("eventType", eventType);
        context.put("extendedRequestId", requestId);
        context.put("requestTime", EventTime.text(time));
        context.put("messageDirection", "IN");
        context.put("stage", api.stage());
        context.put("connectedAt", connection.connectedAt().toEpochMilli());
        context.put("requestTimeEpoch", time.toEpochMilli());
        ObjectNode identity = context.putObject("identity");
        identity.put("userAgent", connection.userAgent());
        identity.put("sourceIp", connection.sourceIp());
        context.put("requestId", requestId);
        context.put("domainName", api.domainName());
        context.put("connectionId", connection.connectionId());
        context.put("apiId", api.apiId());
        return context;
    }
}
