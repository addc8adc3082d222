package dev.dynctl.dev.gateway;

import java.io.IOException;
import java.util.Locale;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;
import org.eclipse.jetty.websocket.server.WebSocketCreator;

/**
 * A WebSocket API's port: upgrade requests (on any path) run $connect before Jetty completes the
 * handshake, so a refusal is an ordinary HTTP response; other requests are the Management API's.
 */
final class WebSocketPort implements ApiPort {
    private final WebSocketApi api;
    private final ServerWebSocketContainer container;

    WebSocketPort(WebSocketApi api, ServerWebSocketContainer container) {
        this.api = api;
        this.container = container;
    }

    @Override
    public void serve(Request request, Response response, Callback callback) throws IOException {
        String upgrade = request.getHeaders().get("Upgrade");
        if (upgrade == null || !upgrade.toLowerCase(Locale.ROOT).contains("websocket")) {
            JettyExchange.write(api.http(JettyExchange.read(request, true)), response, callback);
            return;
        }
        IncomingRequest incoming = JettyExchange.read(request, false);
        WebSocketCreator admit = (upgradeRequest, upgradeResponse, upgradeCallback) -> {
            WebSocketApi.Admission admission = api.connect(incoming);
            if (admission.refusal() != null) {
                JettyExchange.write(admission.refusal(), upgradeResponse, upgradeCallback);
                return null;
            }
            return admission.connection();
        };
        if (!container.upgrade(admit, request, response, callback)) {
            JettyExchange.write(GatewayResponse.message(400, "This is not a WebSocket handshake Jetty can complete."), response, callback);
        }
    }
}
