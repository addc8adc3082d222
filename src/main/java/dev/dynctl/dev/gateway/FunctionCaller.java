package dev.dynctl.dev.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.dev.LocalFunctions;
import dev.dynctl.dev.LocalInvocation;
import dev.dynctl.error.DynctlException;
import java.time.Duration;

/**
 * Calls a route's function with an event. Whatever goes wrong on the way (a function the host
 * does not know, a host that is stopping) comes back as a failed invocation, so the request it was
 * for gets its 502 and the gateway keeps serving.
 */
final class FunctionCaller {
    private final LocalFunctions functions;

    FunctionCaller(LocalFunctions functions) {
        this.functions = functions;
    }

    LocalInvocation call(String function, ObjectNode event) {
        try {
            return functions.invoke(function, Payloads.bytes(event));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed("dynctl.Interrupted", "the local gateway is stopping");
        } catch (DynctlException e) {
            return failed("dynctl.HostError", e.getMessage());
        } catch (RuntimeException e) {
            return failed("dynctl.HostError", e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    private static LocalInvocation failed(String type, String message) {
        return new LocalInvocation(new byte[0], type, message, Duration.ZERO, false);
    }
}
