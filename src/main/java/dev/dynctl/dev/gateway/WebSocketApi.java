package dev.dynctl.dev.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.dev.DevLog;
import dev.dynctl.dev.LocalInvocation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * A WebSocket API: $connect decides whether a client gets in, each message goes to the route its
 * route selection names (else $default) and the route's answer goes back on the socket, $disconnect
 * follows a close, and {@code @connections} reaches the open connections. Messages are handled on
 * the executor, several at once even on one connection, as API Gateway invokes them.
 */
final class WebSocketApi {
    private static final String CONNECT = "$connect";
    private static final String DISCONNECT = "$disconnect";
    private static final String DEFAULT = "$default";

    private final ServedApi api;
    private final RouteTable routes;
    private final RouteSelection selection;
    private final FunctionCaller caller;
    private final DevLog log;
    private final Executor executor;
    private final ConnectionRegistry registry = new ConnectionRegistry();
    private final ConnectionsEndpoint connections;
    private volatile boolean stopping;

    WebSocketApi(ServedApi api, FunctionCaller caller, DevLog log, Executor executor) {
        this.api = api;
        this.routes = new RouteTable(api.api().routes());
        this.selection = RouteSelection.parse(api.api().routeSelectionExpression());
        this.caller = caller;
        this.log = log;
        this.executor = executor;
        this.connections = new ConnectionsEndpoint(api.stage(), registry);
    }

    /** What a $connect decided: the connection to open, or the response that refuses the upgrade. */
    record Admission(ClientConnection connection, GatewayResponse refusal) {
    }

    /**
     * Runs $connect for an upgrade request (when the API routes it): an answer with a statusCode of
     * 400 or more, or a failed invocation, refuses the client with that status.
     */
    Admission connect(IncomingRequest upgrade) {
        long start = System.nanoTime();
        ConnectionInfo info = new ConnectionInfo(FakeIds.shortId(), upgrade.received(), upgrade);
        ClientConnection connection = new ClientConnection(info, this);
        Optional<RouteMatch> route = routes.byKey(CONNECT);
        if (route.isEmpty()) {
            log.request(RequestLog.webSocket(CONNECT, 200, start, null));
            admitted(connection);
            return new Admission(connection, null);
        }
        String function = route.get().function();
        LocalInvocation invocation = caller.call(function, WebSocketEvents.connect(api, info, FakeIds.shortId()));
        GatewayResponse refusal = null;
        int status;
        if (invocation.failed()) {
            refusal = InvocationFailure.response(InvocationFailure.failed(function, invocation));
            status = refusal.status();
        } else {
            JsonNode answer = Payloads.parse(invocation.payload());
            Integer answered = answer == null ? null : StatusCode.of(answer.get("statusCode"));
            status = answered == null ? 200 : answered;
            if (status >= 400) {
                JsonNode body = answer.get("body");
                byte[] text = body == null || body.isNull() ? new byte[0]
                        : Payloads.bodyText(body).getBytes(StandardCharsets.UTF_8);
                refusal = new GatewayResponse(status, List.of(), text);
            }
        }
        log.request(RequestLog.webSocket(CONNECT, status, start, function));
        if (refusal == null) {
            admitted(connection);
        }
        return new Admission(refusal == null ? connection : null, refusal);
    }

    /** Requests to the API's port that are not upgrades: the Management API, else a hint to upgrade. */
    GatewayResponse http(IncomingRequest request) {
        long start = System.nanoTime();
        GatewayResponse response = connections.handle(request)
                .orElseGet(() -> GatewayResponse.message(426, "This is a WebSocket API: connect to ws://" + api.domainName()
                        + " (reach connections at http://" + api.domainName() + "/@connections/{connectionId})."));
        log.request(RequestLog.http(request.method(), request.rawPath(), response.status(), start, null));
        return response;
    }

    /**
     * A connection $connect let in is reachable through @connections at once: Jetty opens its
     * session after it has sent the client its 101, so a client (or a function it calls) that posts
     * to it as soon as it is connected would otherwise find it gone. Sends wait for the session.
     */
    private void admitted(ClientConnection connection) {
        registry.add(connection);
    }

    void received(ClientConnection connection, byte[] message, boolean binary) {
        Instant received = Instant.now();
        run(() -> route(connection, message, binary, received));
    }

    void closed(ClientConnection connection, int statusCode, String reason) {
        if (!registry.remove(connection) || stopping) {
            return;
        }
        routes.byKey(DISCONNECT).ifPresent(route -> run(() -> {
            long start = System.nanoTime();
            LocalInvocation invocation = caller.call(route.function(),
                    WebSocketEvents.disconnect(api, connection.info(), statusCode, reason, FakeIds.shortId()));
            log.request(RequestLog.webSocket(DISCONNECT, invocation.failed() ? InvocationFailure.STATUS : 200, start, route.function()));
        }));
    }

    /** From now on a closing connection runs no $disconnect: the functions are stopping too. */
    void stop() {
        stopping = true;
    }

    private void route(ClientConnection connection, byte[] message, boolean binary, Instant received) {
        long start = System.nanoTime();
        String requestId = FakeIds.shortId();
        String selected = binary || selection == null ? null : selection.select(message);
        Optional<RouteMatch> route = Optional.ofNullable(selected).flatMap(routes::byKey).filter(r -> !r.routeKey().startsWith("$"))
                .or(() -> routes.byKey(DEFAULT));
        if (route.isEmpty()) {
            // API Gateway's answer to a message no route takes
            connection.send(Payloads.bytes(gatewayMessage("Forbidden", connection, requestId)), false);
            log.request(RequestLog.webSocket(selected == null ? DEFAULT : selected, 403, start, null));
            return;
        }
        String function = route.get().function();
        LocalInvocation invocation = caller.call(function,
                WebSocketEvents.message(api, connection.info(), route.get().routeKey(), message, binary, requestId, received));
        int status;
        if (invocation.failed()) {
            ObjectNode failure = gatewayMessage("Internal server error", connection, requestId);
            failure.setAll(InvocationFailure.failed(function, invocation));
            connection.send(Payloads.bytes(failure), false);
            status = InvocationFailure.STATUS;
        } else {
            status = answer(connection, Payloads.parse(invocation.payload()));
        }
        log.request(RequestLog.webSocket(route.get().routeKey(), status, start, function));
    }

    /** Sends a route's answer back: its {@code body}, text as it is and JSON written out; the answer's statusCode, else 200. */
    private static int answer(ClientConnection connection, JsonNode answer) {
        if (answer == null || !answer.isObject()) {
            return 200;
        }
        JsonNode body = answer.get("body");
        if (body != null && !body.isNull()) {
            connection.send(Payloads.bodyText(body).getBytes(StandardCharsets.UTF_8), false);
        }
        Integer status = StatusCode.of(answer.get("statusCode"));
        return status == null ? 200 : status;
    }

    private static ObjectNode gatewayMessage(String message, ClientConnection connection, String requestId) {
        return Payloads.object().put("message", message).put("connectionId", connection.id()).put("requestId", requestId);
    }

    private void run(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException stopped) {
            // the gateway is closing: what was still to run is dropped with it
        }
    }
}
