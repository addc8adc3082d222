package dev.dynctl.init;

/** The API a new project starts with: what {@code dynctl init --template} offers. */
public enum ApiTemplate {
    HTTP_API("http-api", "http", false),
    REST_API("rest-api", "rest", false),
    WEBSOCKET("websocket", "ws", true);

    private final String label;
    private final String apiKey;
    private final boolean websocket;

    ApiTemplate(String label, String apiKey, boolean websocket) {
        this.label = label;
        this.apiKey = apiKey;
        this.websocket = websocket;
    }

    /** The API's key under {@code apis:} in the scaffolded dynctl.yaml. */
    public String apiKey() {
        return apiKey;
    }

    /** True when the handler answers WebSocket messages rather than HTTP requests. */
    boolean websocket() {
        return websocket;
    }

    /** The resource holding this template's {@code apis:} entry. */
    String apiResource() {
        return "apis/" + label + ".yaml";
    }

    @Override
    public String toString() {
        return label;
    }
}
