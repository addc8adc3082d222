package dev.dynctl.api;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where clients reach an API, and where a call to one of its stages goes. On AWS an API answers at
 * its endpoint, {@code https://{id}.execute-api.{region}.amazonaws.com} ({@code wss://…} for a
 * WebSocket API), which API Gateway v2 reports itself; a stage is the first path segment, except
 * an HTTP API's {@code $default} stage, served at the root. Against an emulator (--endpoint-url)
 * there is no such host, so a call goes to the endpoint in the path form emulators serve
 * ({@code {endpoint}/restapis/{id}/{stage}/_user_request_/path}); a base URL of the user's own (a
 * custom domain, a local server) takes the path as it is.
 */
public final class InvokeUrl {
    /** The stage an HTTP API serves at its root URL. */
    public static final String DEFAULT_STAGE = "$default";

    private static final String WSS = "wss://";
    private static final String HTTPS = "https://";

    private InvokeUrl() {
    }

    /**
     * The API's base URL (no stage).
     *
     * @param apiEndpoint what API Gateway v2 reports as the API's endpoint (null for REST APIs, or when absent)
     */
    public static String base(ApiType type, String id, String region, String apiEndpoint) {
        if (apiEndpoint != null && !apiEndpoint.isEmpty()) {
            // clients connect to a WebSocket API over wss; moto reports its endpoint as https
            return type == ApiType.WEBSOCKET && apiEndpoint.startsWith(HTTPS) ? WSS + apiEndpoint.substring(HTTPS.length()) : apiEndpoint;
        }
        return (type == ApiType.WEBSOCKET ? WSS : HTTPS) + id + ".execute-api." + region + ".amazonaws.com";
    }

    /** The stage's invoke URL under the API's {@code base}. */
    public static String stage(ApiType type, String base, String stage) {
        return type == ApiType.HTTP && DEFAULT_STAGE.equals(stage) ? base : base + "/" + stage;
    }

    /** The stage's path on an emulator's endpoint. */
    public static URI onEndpoint(URI endpoint, ApiRef api, String stage, String path, List<Map.Entry<String, String>> query) {
        return URI.create(withoutTrailingSlash(endpoint) + "/restapis/" + api.id() + "/" + segment(stage) + "/_user_request_" + path
                + queryString(query));
    }

    /** The path under a base URL: a stage's invoke URL, or one of the user's choosing. */
    public static URI under(URI base, String path, List<Map.Entry<String, String>> query) {
        return URI.create(withoutTrailingSlash(base) + path + queryString(query));
    }

    private static String withoutTrailingSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    private static String segment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String queryString(List<Map.Entry<String, String>> query) {
        if (query.isEmpty()) {
            return "";
        }
        return query.stream().map(pair -> segment(pair.getKey()) + "=" + segment(pair.getValue())).collect(Collectors.joining("&", "?", ""));
    }
}
