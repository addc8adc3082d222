package dev.dynctl.dev.gateway;

import java.util.ArrayList;
import java.util.List;

/** The X-Forwarded-* headers API Gateway adds to every request it passes on (the caller's address appended to any it sent). */
final class ForwardedHeaders {
    private ForwardedHeaders() {
    }

    static List<Header> of(IncomingRequest request, int port) {
        List<Header> headers = new ArrayList<>();
        String forwardedFor = null;
        for (Header header : request.headers()) {
            if (header.named("X-Forwarded-For")) {
                forwardedFor = forwardedFor == null ? header.value() : forwardedFor + ", " + header.value();
            } else if (!header.named("X-Forwarded-Port") && !header.named("X-Forwarded-Proto")) {
                headers.add(header);
            }
        }
        headers.add(new Header("X-Forwarded-For", forwardedFor == null ? request.sourceIp() : forwardedFor + ", " + request.sourceIp()));
        headers.add(new Header("X-Forwarded-Port", String.valueOf(port)));
        headers.add(new Header("X-Forwarded-Proto", "http"));
        return headers;
    }
}
