package dev.dynctl.api;

import java.util.Locale;

/** The three kinds of API: REST through API Gateway v1, HTTP and WebSocket through v2. */
public enum ApiType {
    REST, HTTP, WEBSOCKET;

    /** The word users type and see: rest, http, websocket. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for the kinds API Gateway v2 serves. */
    public boolean v2() {
        return this != REST;
    }

    /** The v2 protocol type (HTTP, WEBSOCKET) as API Gateway v2 names it. */
    static ApiType ofProtocol(String protocolType) {
        return "WEBSOCKET".equalsIgnoreCase(protocolType) ? WEBSOCKET : HTTP;
    }

    @Override
    public String toString() {
        return label();
    }
}
