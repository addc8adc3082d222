package dev.dynctl.dev;

import dev.dynctl.api.ApiType;
import java.net.URI;

/** Where the local gateway serves one API of the project: http://localhost:PORT (ws:// for WebSocket). */
public record LocalEndpoint(String api, ApiType type, URI url) {
}
