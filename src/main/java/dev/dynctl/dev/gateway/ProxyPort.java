package dev.dynctl.dev.gateway;

import java.io.IOException;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** A REST or HTTP API's port: each request, body and all, through {@link ProxyApi}. */
final class ProxyPort implements ApiPort {
    private final ProxyApi api;

    ProxyPort(ProxyApi api) {
        this.api = api;
    }

    @Override
    public void serve(Request request, Response response, Callback callback) throws IOException {
        JettyExchange.write(api.handle(JettyExchange.read(request, true)), response, callback);
    }
}
