package dev.dynctl.aws;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Clients kept for a whole shell session, one set per target, so that a statement pays for a
 * request and not for building an SDK client. Closed when the session ends.
 */
public final class ClientPool implements AutoCloseable {
    private record Key(Target target, boolean logged) {
    }

    private final List<ExecutionInterceptor> interceptors;
    private final Map<Key, Clients> clients = new HashMap<>();

    /** @param interceptors put on every client of the pool */
    public ClientPool(List<ExecutionInterceptor> interceptors) {
        this.interceptors = List.copyOf(interceptors);
    }

    /** The clients for {@code target}, made on first use; {@code requestLog} as for {@link Clients}. */
    public synchronized Clients clients(Target target, PrintWriter requestLog) {
        return clients.computeIfAbsent(new Key(target, requestLog != null), key -> new Clients(target, requestLog, interceptors));
    }

    @Override
    public synchronized void close() {
        clients.values().forEach(Clients::close);
        clients.clear();
    }
}
