package dev.dynctl.aws;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Clients kept for a whole shell session, one set per target, so that a statement pays for a
 * request and not for building an SDK client. Each statement borrows them with a
 * {@link RequestScope} of its own (its --debug log, its timing), so that nothing one statement
 * sets reaches another. Closed when the session ends.
 */
public final class ClientPool implements AutoCloseable {
    private final List<ExecutionInterceptor> interceptors = new ArrayList<>();
    private final Map<Target, Clients> clients = new HashMap<>();

    /** @param interceptors put on every client of the pool, after the --debug log */
    public ClientPool(List<ExecutionInterceptor> interceptors) {
        this.interceptors.add(new RequestLog(null));
        this.interceptors.addAll(interceptors);
    }

    /** The clients for one statement: its requests are counted in {@code reading} (null: not timed). */
    public ClientSource forStatement(RequestMeter.Reading reading) {
        return (target, requestLog) -> shared(target).scoped(new RequestScope(requestLog, reading));
    }

    private synchronized Clients shared(Target target) {
        return clients.computeIfAbsent(target, key -> new Clients(target, null, interceptors));
    }

    @Override
    public synchronized void close() {
        clients.values().forEach(Clients::close);
        clients.clear();
    }
}
