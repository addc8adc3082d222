package dev.dynctl.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;

/**
 * The route of an API that a request lands on, as API Gateway picks it: a literal path segment
 * before a {param}, a {param} before a greedy {proxy+}, the request's own method before ANY, and
 * an HTTP API's $default route last. Only its key and auth are kept: enough to know whether the
 * call must be signed (iam).
 *
 * @param key the route key, "GET /items/{id}" or "$default"
 * @param auth none, iam, cognito, … as {@code api routes} shows it
 */
public record ApiCallRoute(String key, String auth) {
    public boolean iam() {
        return RouteAuth.Kind.IAM.label().equals(auth);
    }

    /** The route of a REST API (v1 resources and their methods) or an HTTP API (v2 routes) the request lands on. */
    public static Optional<ApiCallRoute> find(ApiGatewayClient v1, ApiGatewayV2Client v2, ApiRef api, String method, String path) {
        ApiCallRoute best = null;
        int bestScore = -1;
        for (RouteInfo route : RouteService.list(v1, v2, api)) {
            int score = score(route.key().text(), method, path);
            if (score > bestScore) {
                best = new ApiCallRoute(route.key().text(), route.auth());
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * How well a route key ("GET /items/{id}", "ANY /{proxy+}", "$default") fits the request: -1
     * for not at all, higher for more specific.
     */
    static int score(String routeKey, String method, String path) {
        if ("$default".equals(routeKey)) {
            return 0;
        }
        String[] parts = routeKey.split(" ", 2);
        if (parts.length != 2 || !(parts[0].equalsIgnoreCase(method) || parts[0].equals("ANY") || parts[0].equals("*"))) {
            return -1;
        }
        int pathScore = pathScore(segments(parts[1]), segments(path));
        if (pathScore < 0) {
            return -1;
        }
        return 1 + pathScore * 2 + (parts[0].equalsIgnoreCase(method) ? 1 : 0);
    }

    private static int pathScore(List<String> template, List<String> path) {
        int score = 0;
        for (int i = 0; i < template.size(); i++) {
            String segment = template.get(i);
            if (segment.startsWith("{") && segment.endsWith("+}")) {
                return i < path.size() ? score : -1;
            }
            if (i >= path.size()) {
                return -1;
            }
            if (segment.startsWith("{") && segment.endsWith("}")) {
                score += 1;
            } else if (segment.equals(path.get(i))) {
                score += 2;
            } else {
                return -1;
            }
        }
        return template.size() == path.size() ? score : -1;
    }

    private static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        return segments;
    }
}
