package dev.dynctl.dev.gateway;

import dev.dynctl.dev.DevLog;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The one Jetty handler of the gateway: every API listens on a connector of its own, and a
 * request goes to the API of the connector it came in on. Blocking: a request's thread waits for
 * its function.
 */
final class PortDispatch extends Handler.Abstract {
    private final Map<Connector, ApiPort> ports = new ConcurrentHashMap<>();
    private final DevLog log;

    PortDispatch(DevLog log) {
        this.log = log;
    }

    void serve(Connector connector, ApiPort port) {
        ports.put(connector, port);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        ApiPort port = ports.get(request.getConnectionMetaData().getConnector());
        if (port == null) {
            return false;
        }
        try {
            port.serve(request, response, callback);
        } catch (IOException clientGone) {
            callback.failed(clientGone);
        } catch (RuntimeException e) {
            // a gateway bug must not take the server down: say so once, answer this request, serve the next
            log.note("The local gateway failed on " + request.getMethod() + " " + request.getHttpURI().getPath() + ": " + e);
            if (response.isCommitted()) {
                callback.failed(e);
            } else {
                JettyExchange.write(GatewayResponse.message(500, "The local gateway failed: " + e), response, callback);
            }
        }
        return true;
    }
}
