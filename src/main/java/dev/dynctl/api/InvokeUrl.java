package dev.dynctl.api;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where a call to a stage of an API goes. On AWS that is the stage's invoke URL:
 * {@code https://{id}.execute-api.{region}.amazonaws.com/{stage}/path}, where an HTTP API's
 * {@code $default} stage has no stage segment. Against an emulator (--endpoint-url, --local) there
 * is no such host, so the call goes to the endpoint in the path form emulators serve
 * ({@code {endpoint}/restapis/{id}/{stage}/_user_request_/path}); a base URL of the user's own (a
 * custom domain, a local server) takes the path as it is.
 */
public final class InvokeUrl {
    public static final String DEFAULT_STAGE = "$default";

    private InvokeUrl() {
    }

    /** The stage's invoke URL on AWS. */
    public static URI onAws(ApiRef api, String region, String stage, String path, List<Map.Entry<String, String>> query) {
        String stagePrefix = api.type() == ApiType.HTTP && DEFAULT_STAGE.equals(stage) ? "" : "/" + segment(stage);
        return URI.create("https://" + api.id() + ".execute-api." + region + ".amazonaws.com" + stagePrefix + path + queryString(query));
    }

    /** The stage's path on an emulator's endpoint. */
    public static URI onEndpoint(URI endpoint, ApiRef api, String stage, String path, List<Map.Entry<String, String>> query) {
        return URI.create(withoutTrailingSlash(endpoint) + "/restapis/" + api.id() + "/" + segment(stage) + "/_user_request_" + path
                + queryString(query));
    }

    /** The path under a base URL of the user's choosing. */
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
