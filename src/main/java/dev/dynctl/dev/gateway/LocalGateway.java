package dev.dynctl.dev.gateway;

import dev.dynctl.dev.DevLog;
import dev.dynctl.dev.LocalEndpoint;
import dev.dynctl.dev.LocalFunctions;
import dev.dynctl.model.StageApi;
import java.util.List;

// placeholder: the gateway helper replaces the body; the public signatures are the contract
/**
 * API Gateway on localhost: each API of the project on a port of its own, from {@code firstPort}
 * up in the file's order, its routes calling {@link LocalFunctions} with the events API Gateway
 * sends (REST: payload 1.0, HTTP: 2.0, WebSocket: connect, message and disconnect events).
 */
public final class LocalGateway implements AutoCloseable {
    /** @param firstPort 0 for free ports (tests) */
    public LocalGateway(List<StageApi> apis, String stage, int firstPort, LocalFunctions functions, DevLog log) {
        throw new UnsupportedOperationException("placeholder");
    }

    /** Starts serving every API; where each answers, in the file's order. */
    public List<LocalEndpoint> start() {
        throw new UnsupportedOperationException("placeholder");
    }

    @Override
    public void close() {
        throw new UnsupportedOperationException("placeholder");
    }
}
