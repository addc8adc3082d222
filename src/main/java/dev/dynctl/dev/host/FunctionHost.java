package dev.dynctl.dev.host;

import dev.dynctl.dev.DevLog;
import dev.dynctl.dev.HostSettings;
import dev.dynctl.dev.LocalFunction;
import dev.dynctl.dev.LocalFunctions;
import dev.dynctl.dev.LocalInvocation;
import java.util.List;

// placeholder: the host helper replaces the body; the public signatures are the contract
/**
 * Runs functions on this machine behind the Lambda Runtime API: each instance is a child process
 * (node, python3, a JVM with the runtime interface client, or the function's own bootstrap) whose
 * AWS_LAMBDA_RUNTIME_API points at a Runtime API endpoint of its own.
 */
public final class FunctionHost implements LocalFunctions, AutoCloseable {
    public FunctionHost(List<LocalFunction> functions, HostSettings settings, DevLog log) {
        throw new UnsupportedOperationException("placeholder");
    }

    @Override
    public LocalInvocation invoke(String function, byte[] event) throws InterruptedException {
        throw new UnsupportedOperationException("placeholder");
    }

    /**
     * The function's code (or settings) changed: invocations from now on go to new instances with
     * {@code changed}; the old instances finish what they are doing and stop.
     */
    public void reload(LocalFunction changed) {
        throw new UnsupportedOperationException("placeholder");
    }

    /** Stops every instance (and its process tree). */
    @Override
    public void close() {
        throw new UnsupportedOperationException("placeholder");
    }
}
