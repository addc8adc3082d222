package dev.dynctl.dev.gateway;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Jetty's requests and responses, to and from the gateway's own plain records. */
final class JettyExchange {
    /** Headers Jetty writes itself from the body it sends, and connection-level ones a function cannot set. */
    private static final Set<String> JETTY_OWNS = Set.of("content-length", "transfer-encoding", "connection", "keep-alive", "upgrade");

    private JettyExchange() {
    }

    /** The request with its whole body (none for a WebSocket upgrade). */
    static IncomingRequest read(Request request, boolean withBody) throws IOException {
        Instant received = Instant.ofEpochMilli(Request.getTimeStamp(request));
        List<Header> headers = new ArrayList<>();
        for (HttpField field : request.getHeaders()) {
            headers.add(new Header(field.getName(), field.getValue()));
        }
        byte[] body = new byte[0];
        if (withBody) {
            ByteBuffer content = Content.Source.asByteBuffer(request);
            body = new byte[content.remaining()];
            content.get(body);
        }
        String query = request.getHttpURI().getQuery();
        return new IncomingRequest(request.getMethod(), request.getHttpURI().getPath(), query == null ? "" : query, headers, body,
                sourceIp(request), request.getConnectionMetaData().getProtocol(), received);
    }

    /** The caller's address as API Gateway writes it: an IPv6 one without Jetty's brackets. */
    private static String sourceIp(Request request) {
        String address = Request.getRemoteAddr(request);
        return address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
    }

    static void write(GatewayResponse answer, Response response, Callback callback) {
        response.setStatus(answer.status());
        HttpFields.Mutable headers = response.getHeaders();
        for (Header header : answer.headers()) {
            if (!JETTY_OWNS.contains(header.name().toLowerCase(Locale.ROOT))) {
                headers.add(header.name(), header.value());
            }
        }
        response.write(true, ByteBuffer.wrap(answer.body()), callback);
    }
}
