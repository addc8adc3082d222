package dev.dynctl.dev;

/** The functions of a project, run on this machine: what the local API gateway and {@code function invoke --local} call. */
public interface LocalFunctions {
    /**
     * Runs one invocation of {@code function} (its logical name, the key under {@code functions:})
     * with {@code event} (JSON bytes) on a warm instance, or a new one when all are busy (up to the
     * host's concurrency), and waits for its answer. A handler error, a crash or a timeout is a
     * failed invocation, not an exception.
     *
     * @throws dev.dynctl.error.DynctlException exit 3 for a function the project does not have
     */
    LocalInvocation invoke(String function, byte[] event) throws InterruptedException;
}
