package dev.dynctl.dev.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** What the gateway answers a client: status, headers (repeats kept, in order) and body bytes. */
record GatewayResponse(int status, List<Header> headers, byte[] body) {
    GatewayResponse {
        headers = List.copyOf(headers);
    }

    /** {@code body} as the JSON body API Gateway writes for its own answers ({"message": "Not Found"}). */
    static GatewayResponse json(int status, JsonNode body) {
        return new GatewayResponse(status, List.of(new Header("Content-Type", "application/json")), Payloads.bytes(body));
    }

    /** A {"message": …} body, as API Gateway's own errors are. */
    static GatewayResponse message(int status, String message) {
        ObjectNode body = Payloads.object().put("message", message);
        return json(status, body);
    }

    static GatewayResponse empty(int status) {
        return new GatewayResponse(status, List.of(), new byte[0]);
    }

    /** The same response with one more header. */
    GatewayResponse with(String name, String value) {
        List<Header> more = new ArrayList<>(headers);
        more.add(new Header(name, value));
        return new GatewayResponse(status, more, body);
    }

    /** The same response without the headers {@code drop} picks. */
    GatewayResponse without(Predicate<Header> drop) {
        return new GatewayResponse(status, headers.stream().filter(drop.negate()).toList(), body);
    }
}
