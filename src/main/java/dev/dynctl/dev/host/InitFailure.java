package dev.dynctl.dev.host;

/**
 * The function cannot be started from its code (no code where it should be, no bootstrap, a
 * runtime the host does not run): the invocation fails with Runtime.InitError and this message.
 */
final class InitFailure extends Exception {
    InitFailure(String message) {
        super(message);
    }

    InitFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
