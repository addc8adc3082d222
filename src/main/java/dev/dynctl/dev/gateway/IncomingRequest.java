package dev.dynctl.dev.gateway;

import java.time.Instant;
import java.util.List;

/**
 * An HTTP request as the gateway received it, before any API's event format: what the REST and
 * HTTP events, WebSocket connect events and the {@code @connections} endpoint are made from.
 *
 * @param rawPath the path as sent, still percent-encoded
 * @param rawQuery the query string as sent, without '?' ("" for none)
 * @param headers in the order sent, repeated names included
 * @param protocol "HTTP/1.1"
 */
record IncomingRequest(String method, String rawPath, String rawQuery, List<Header> headers, byte[] body,
                       String sourceIp, String protocol, Instant received) {
    IncomingRequest {
        headers = List.copyOf(headers);
    }

    /** The first value of a header, any case; null when absent. */
    String header(String name) {
        return headers.stream().filter(h -> h.named(name)).map(Header::value).findFirst().orElse(null);
    }

    String userAgent() {
        return header("User-Agent");
    }

    /**
     * The request without a leading "/STAGE" in its path: the URLs have no stage in them, but one
     * copied from the deployed API's URL (…/dev/items) reaches the same route.
     */
    IncomingRequest withoutStage(String stage) {
        String prefix = "/" + stage;
        if (rawPath.equals(prefix) || rawPath.startsWith(prefix + "/")) {
            String rest = rawPath.substring(prefix.length());
            return new IncomingRequest(method, rest.isEmpty() ? "/" : rest, rawQuery, headers, body, sourceIp, protocol, received);
        }
        return this;
    }

    /** The path with its percent-escapes decoded ('+' stays '+' in a path). */
    String path() {
        return PercentDecoding.path(rawPath);
    }
}
