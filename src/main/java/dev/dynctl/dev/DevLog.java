package dev.dynctl.dev;

/**
 * Where a dev session's lines go: each function's output (its stdout and stderr, line by line,
 * and the host's REPORT line per invocation), one line per request from the gateway, and notes
 * (reloads, starts). Implementations are called from many threads.
 */
public interface DevLog {
    /** A line of {@code function}'s (logical name) output. */
    void function(String function, String line);

    /** The gateway's line for one request: method, path, status, time, function. */
    void request(String line);

    /** Something the session did: started, reloaded, a table created. */
    void note(String line);
}
