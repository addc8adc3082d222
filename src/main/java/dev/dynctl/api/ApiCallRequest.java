package dev.dynctl.api;

import dev.dynctl.error.DynctlException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One request to an API as the user writes it: {@code 'GET /items/1?color=red'}, plus query
 * parameters, headers and a body. The path is the API's own (without the stage).
 */
public record ApiCallRequest(String method, String path, List<Map.Entry<String, String>> query,
                             List<Map.Entry<String, String>> headers, byte[] body) {
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    /**
     * Reads "METHOD /path[?query]"; a query in the path comes before {@code query}.
     *
     * @param query further query parameters (--query-param)
     * @param headers request headers (--header)
     * @param body the body, or an empty array for none
     */
    public static ApiCallRequest parse(String route, List<Map.Entry<String, String>> query, List<Map.Entry<String, String>> headers,
                                       byte[] body) {
        String[] parts = route.trim().split("\\s+", 2);
        String method = parts[0].toUpperCase(Locale.ROOT);
        if (parts.length != 2 || !METHODS.contains(method) || !parts[1].startsWith("/")) {
            throw DynctlException.usage("'" + route + "' is not a request; write the method and the path, e.g. 'GET /items/1'.",
                    "Methods: GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS; the path starts with / and leaves out the stage.");
        }
        String target = parts[1];
        int mark = target.indexOf('?');
        List<Map.Entry<String, String>> allQuery = new ArrayList<>();
        if (mark >= 0) {
            for (String pair : target.substring(mark + 1).split("&")) {
                if (!pair.isEmpty()) {
                    int eq = pair.indexOf('=');
                    allQuery.add(Map.entry(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1))));
                }
            }
            target = target.substring(0, mark);
        }
        allQuery.addAll(query);
        return new ApiCallRequest(method, target, List.copyOf(allQuery), List.copyOf(headers), body);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** True when the user set this header (names compare without case). */
    public boolean hasHeader(String name) {
        return headers.stream().anyMatch(header -> header.getKey().equalsIgnoreCase(name));
    }
}
