package dev.dynctl.dev.gateway;

import java.time.Instant;

/**
 * What the gateway knows of a WebSocket connection from its upgrade request: events and the
 * {@code @connections} endpoint report it.
 */
record ConnectionInfo(String connectionId, Instant connectedAt, IncomingRequest upgrade) {
    String sourceIp() {
        return upgrade.sourceIp();
    }

    String userAgent() {
        return upgrade.userAgent();
    }
}
