package dev.dynctl.dev.gateway;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The open WebSocket connections of one API, by connection id. */
final class ConnectionRegistry {
    private final Map<String, ClientConnection> open = new ConcurrentHashMap<>();

    void add(ClientConnection connection) {
        open.put(connection.id(), connection);
    }

    /** True when it was still registered. */
    boolean remove(ClientConnection connection) {
        return open.remove(connection.id(), connection);
    }

    /** The open connection with this id, or null. */
    ClientConnection get(String connectionId) {
        return open.get(connectionId);
    }
}
