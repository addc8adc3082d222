package dev.dynctl.dev.gateway;

import dev.dynctl.api.ApiType;
import dev.dynctl.api.RouteAuth;
import dev.dynctl.dev.DevLog;
import dev.dynctl.dev.LocalEndpoint;
import dev.dynctl.dev.LocalFunctions;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import dev.dynctl.model.StageApi;
import dev.dynctl.model.StageRoute;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;

/**
 * API Gateway on localhost: each API of the project on a port of its own, from {@code firstPort}
 * up in the file's order, its routes calling {@link LocalFunctions} with the events API Gateway
 * sends (REST: payload 1.0, HTTP: 2.0, WebSocket: connect, message and disconnect events).
 *
 * <p>One Jetty server holds every API's connector and one pool of threads; a request's thread
 * waits for its function, so requests to one function queue in the host, not here.
 */
public final class LocalGateway implements AutoCloseable {
    private static final String LOOPBACK = "127.0.0.1";
    private static final String LOOPBACK_V6 = "::1";
    /** API Gateway closes a WebSocket connection idle for 10 minutes, and refuses messages over 128 KB. */
    private static final Duration WEBSOCKET_IDLE = Duration.ofMinutes(10);
    private static final int WEBSOCKET_MESSAGE_BYTES = 128 * 1024;

    private final List<StageApi> apis;
    private final String stage;
    private final int firstPort;
    private final FunctionCaller caller;
    private final IntegrationTimeout timeouts;
    private final DevLog log;
    private final List<WebSocketApi> webSocketApis = new ArrayList<>();
    private Server server;

    /** @param firstPort 0 for free ports (tests) */
    public LocalGateway(List<StageApi> apis, String stage, int firstPort, LocalFunctions functions, DevLog log) {
        this(apis, stage, firstPort, functions, log, IntegrationTimeout.API_GATEWAY);
    }

    /** @param timeouts how long a REST or HTTP API waits for a function (tests shorten it) */
    LocalGateway(List<StageApi> apis, String stage, int firstPort, LocalFunctions functions, DevLog log, IntegrationTimeout timeouts) {
        this.timeouts = timeouts;
        this.apis = List.copyOf(apis);
        this.stage = stage;
        this.firstPort = firstPort;
        this.caller = new FunctionCaller(functions);
        this.log = log;
    }

    /** Starts serving every API; where each answers, in the file's order. */
    public synchronized List<LocalEndpoint> start() {
        if (server != null) {
            throw new IllegalStateException("the gateway is already started");
        }
        QueuedThreadPool threads = new QueuedThreadPool(200, 4);
        threads.setName("dynctl-gateway");
        threads.setDaemon(true);
        Server jetty = new Server(threads);
        PortDispatch dispatch = new PortDispatch(log);
        jetty.setHandler(dispatch);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        // API Gateway takes %2F and the like inside a path parameter; Jetty refuses them by default
        http.setUriCompliance(UriCompliance.LEGACY);
        ServerWebSocketContainer webSockets = apis.stream().anyMatch(a -> a.type() == ApiType.WEBSOCKET) ? webSockets(jetty) : null;
        List<LocalEndpoint> endpoints = new ArrayList<>();
        try {
            for (int i = 0; i < apis.size(); i++) {
                StageApi api = apis.get(i);
                ServerConnector connector = open(jetty, http, LOOPBACK, firstPort == 0 ? 0 : firstPort + i, api);
                int port = connector.getLocalPort();
                ServedApi served = new ServedApi(api, stage, FakeIds.apiId(api.logicalName()), port);
                ApiPort apiPort = port(served, threads, webSockets);
                dispatch.serve(connector, apiPort);
                alsoOnIpv6(jetty, http, port, dispatch, apiPort);
                String scheme = api.type() == ApiType.WEBSOCKET ? "ws" : "http";
                endpoints.add(new LocalEndpoint(api.logicalName(), api.type(), URI.create(scheme + "://localhost:" + port)));
            }
            jetty.start();
        } catch (DynctlException e) {
            stopQuietly(jetty);
            throw e;
        } catch (Exception e) {
            stopQuietly(jetty);
            throw new DynctlException(ExitCode.FAILURE, "The local API gateway could not start: " + e.getMessage(), null, e);
        }
        server = jetty;
        noteAuth();
        return endpoints;
    }

    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        webSocketApis.forEach(WebSocketApi::stop);
        webSocketApis.clear();
        stopQuietly(server);
        caller.close();
        server = null;
    }

    private static ServerWebSocketContainer webSockets(Server jetty) {
        ServerWebSocketContainer container = ServerWebSocketContainer.ensure(jetty);
        container.setIdleTimeout(WEBSOCKET_IDLE);
        container.setMaxTextMessageSize(WEBSOCKET_MESSAGE_BYTES);
        container.setMaxBinaryMessageSize(WEBSOCKET_MESSAGE_BYTES);
        return container;
    }

    private ApiPort port(ServedApi served, QueuedThreadPool threads, ServerWebSocketContainer webSockets) {
        if (served.api().type() != ApiType.WEBSOCKET) {
            return new ProxyPort(new ProxyApi(served, caller, log, timeouts));
        }
        WebSocketApi api = new WebSocketApi(served, caller, log, threads);
        webSocketApis.add(api);
        return new WebSocketPort(api, webSockets);
    }

    /** A connector listening on {@code host:port} already, so a port in use fails here, naming the API. */
    private static ServerConnector open(Server jetty, HttpConfiguration http, String host, int port, StageApi api) {
        ServerConnector connector = connector(jetty, http, host, port);
        try {
            connector.open();
        } catch (IOException e) {
            throw new DynctlException(ExitCode.FAILURE,
                    "The local API " + api.logicalName() + " cannot listen on port " + port + ": " + e.getMessage() + ".",
                    "Stop what listens there, or start from another port (--port).", e);
        }
        jetty.addConnector(connector);
        return connector;
    }

    /**
     * The same port on ::1 too, where it is free, for clients that try "localhost" over IPv6 first;
     * without it they still reach 127.0.0.1.
     */
    private static void alsoOnIpv6(Server jetty, HttpConfiguration http, int port, PortDispatch dispatch, ApiPort apiPort) {
        ServerConnector connector = connector(jetty, http, LOOPBACK_V6, port);
        try {
            connector.open();
        } catch (IOException noIpv6) {
            return;
        }
        jetty.addConnector(connector);
        dispatch.serve(connector, apiPort);
    }

    private static ServerConnector connector(Server jetty, HttpConfiguration http, String host, int port) {
        // one acceptor and one selector per port: a handful of local clients, and a two-core machine
        ServerConnector connector = new ServerConnector(jetty, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }

    /** One note for every route whose auth the gateway does not check. */
    private void noteAuth() {
        List<String> guarded = new ArrayList<>();
        for (StageApi api : apis) {
            for (StageRoute route : api.routes()) {
                if (route.auth() != null && route.auth().kind() != RouteAuth.Kind.NONE) {
                    guarded.add(api.logicalName() + " " + route.key().text() + " (" + route.auth().kind().label() + ")");
                }
            }
        }
        if (!guarded.isEmpty()) {
            log.note("auth is not enforced locally: " + String.join(", ", guarded) + " take every request, as if they had none.");
        }
    }

    private static void stopQuietly(Server jetty) {
        try {
            jetty.stop();
        } catch (Exception e) {
            // stopping is best effort: the process is on its way out, and its sockets close with it
        }
        for (var connector : jetty.getConnectors()) {
            if (connector instanceof ServerConnector opened) {
                opened.close();
            }
        }
    }
}
