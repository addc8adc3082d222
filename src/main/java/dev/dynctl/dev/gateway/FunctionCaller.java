package dev.dynctl.dev.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.dev.LocalFunctions;
import dev.dynctl.dev.LocalInvocation;
import dev.dynctl.error.DynctlException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Calls a route's function with an event. Whatever goes wrong on the way (a function the host
 * does not know, a host that is stopping) comes back as a failed invocation, so the request it was
 * for gets its 502 and the gateway keeps serving.
 */
final class FunctionCaller implements AutoCloseable {
    private final LocalFunctions functions;
    /** Runs invocations that a request waits for with a time limit: past it the function goes on, the request does not. */
    private final ExecutorService invocations = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "dynctl-gateway-invocation");
        thread.setDaemon(true);
        return thread;
    });

    FunctionCaller(LocalFunctions functions) {
        this.functions = functions;
    }

    /** {@link #call}, waited for at most {@code limit}; empty when the function has not answered by then. */
    Optional<LocalInvocation> call(String function, ObjectNode event, Duration limit) {
        Future<LocalInvocation> invocation;
        try {
            invocation = invocations.submit(() -> call(function, event));
        } catch (RejectedExecutionException stopping) {
            return Optional.of(failed("dynctl.Interrupted", "the local gateway is stopping"));
        }
        try {
            return Optional.of(invocation.get(limit.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(failed("dynctl.Interrupted", "the local gateway is stopping"));
        } catch (ExecutionException e) {
            // call() turns every failure into a failed invocation
            throw new IllegalStateException(e.getCause());
        }
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

    /** Stops the invocations still running for requests that timed out. */
    @Override
    public void close() {
        invocations.shutdownNow();
    }

    private static LocalInvocation failed(String type, String message) {
        return new LocalInvocation(new byte[0], type, message, Duration.ZERO, false);
    }
}
