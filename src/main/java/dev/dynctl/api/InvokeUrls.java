package dev.dynctl.api;

/**
 * Where clients call an API: {@code https://{id}.execute-api.{region}.amazonaws.com/{stage}} for
 * REST and HTTP APIs, {@code wss://…/{stage}} for WebSocket APIs. An HTTP API's {@code $default}
 * stage is served at the root, with no stage in the path.
 */
public final class InvokeUrls {
    private InvokeUrls() {
    }

    /**
     * The API's base URL (no stage).
     *
     * @param apiEndpoint what API Gateway v2 reports as the API's endpoint (null for REST APIs, or when absent)
     */
    public static String base(ApiType type, String id, String region, String apiEndpoint) {
        if (apiEndpoint != null && !apiEndpoint.isEmpty()) {
            // clients connect to a WebSocket API over wss; moto reports its endpoint as https
            return type == ApiType.WEBSOCKET && apiEndpoint.startsWith("https://") ? "wss://" + apiEndpoint.substring(8) : apiEndpoint;
        }
        return (type == ApiType.WEBSOCKET ? "wss://" : "https://") + id + ".execute-api." + region + ".amazonaws.com";
    }

    /** The stage's invoke URL under {@code base}. */
    public static String stage(ApiType type, String base, String stage) {
        return type == ApiType.HTTP && ApiStages.DEFAULT_STAGE.equals(stage) ? base : base + "/" + stage;
    }
}
