package dev.dynctl.dev.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.api.RouteMatcher;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The API Gateway Management API of a WebSocket API, on its own port: {@code POST} sends the body to
 * the client, {@code GET} describes the connection, {@code DELETE} closes it, at
 * {@code /@connections/{id}} or {@code /{stage}/@connections/{id}} (what an SDK client whose endpoint
 * is http://localhost:PORT/STAGE calls). A connection that is not open is 410 GoneException.
 */
final class ConnectionsEndpoint {
    private static final String CONNECTIONS = "@connections";

    private final String stage;
    private final ConnectionRegistry registry;

    ConnectionsEndpoint(String stage, ConnectionRegistry registry) {
        this.stage = stage;
        this.registry = registry;
    }

    /** The answer to a Management API request; empty when the path is not {@code @connections/…}. */
    Optional<GatewayResponse> handle(IncomingRequest request) {
        String connectionId = connectionId(request.rawPath());
        if (connectionId == null) {
            return Optional.empty();
        }
        ClientConnection connection = registry.get(connectionId);
        if (connection == null) {
            return Optional.of(gone(connectionId));
        }
        return Optional.of(switch (request.method()) {
            case "POST" -> connection.send(request.body(), !isUtf8(request.body())) ? GatewayResponse.empty(200) : gone(connectionId);
            case "GET" -> GatewayResponse.json(200, describe(connection));
            case "DELETE" -> {
                connection.close();
                yield GatewayResponse.empty(204);
            }
            default -> GatewayResponse.message(405, request.method() + " is not a method of @connections: POST, GET or DELETE.");
        });
    }

    /** The id in "/@connections/ID" or "/STAGE/@connections/ID", decoded; null for any other path. */
    private String connectionId(String rawPath) {
        List<String> segments = RouteMatcher.segments(rawPath);
        boolean bare = segments.size() == 2 && segments.get(0).equals(CONNECTIONS);
        boolean staged = segments.size() == 3 && segments.get(1).equals(CONNECTIONS) && PercentDecoding.path(segments.get(0)).equals(stage);
        return bare || staged ? PercentDecoding.path(segments.get(segments.size() - 1)) : null;
    }

    private static ObjectNode describe(ClientConnection connection) {
        ObjectNode description = Payloads.object();
        description.put("ConnectedAt", iso(connection.info().connectedAt()));
        ObjectNode identity = description.putObject("Identity");
        identity.put("SourceIp", connection.info().sourceIp());
        identity.put("UserAgent", connection.info().userAgent());
        description.put("LastActiveAt", iso(connection.lastActiveAt()));
        return description;
    }

    private static String iso(Instant time) {
        return time.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    /** What the Management API answers for a connection that is not open; SDKs read the error type from the header. */
    private static GatewayResponse gone(String connectionId) {
        return GatewayResponse.message(410, "The connection " + connectionId + " is gone: it closed, or it never connected.")
                .with("x-amzn-ErrorType", "GoneException");
    }

    /** Text frames carry UTF-8; anything else goes to the client as a binary frame. */
    private static boolean isUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
