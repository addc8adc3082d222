package dev.dynctl.dev.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.dev.LocalInvocation;

/**
 * A function that did not answer, or answered what the API cannot read: API Gateway's 502
 * {"message": "Internal server error"}, plus what dynctl knows and AWS would only log: which
 * function, and why.
 */
final class InvocationFailure {
    static final int STATUS = 502;
    private static final String INTERNAL = "Internal server error";

    private InvocationFailure() {
    }

    /** The function failed: a handler error, a crash, a timeout, or it could not start. */
    static ObjectNode failed(String function, LocalInvocation invocation) {
        String why = invocation.errorType() + (invocation.errorMessage() == null ? "" : ": " + invocation.errorMessage());
        return Payloads.object().put("message", INTERNAL)
                .put("function", function)
                .put("errorType", invocation.errorType())
                .put("errorMessage", invocation.errorMessage())
                .put("dynctl", "The function " + function + " failed (" + why + "); API Gateway answers such a request 502.");
    }

    /** The function answered, but not in a shape the API reads. */
    static ObjectNode malformed(String function, String why) {
        return Payloads.object().put("message", INTERNAL)
                .put("function", function)
                .put("errorType", "MalformedResponse")
                .put("errorMessage", why)
                .put("dynctl", "The function " + function + " answered what API Gateway cannot use: " + why);
    }

    static GatewayResponse response(ObjectNode body) {
        return GatewayResponse.json(STATUS, body);
    }
}
