package dev.dynctl.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.Resource;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.GetRoutesResponse;
import software.amazon.awssdk.services.apigatewayv2.model.Route;

/**
 * The route of an API that a request lands on, as API Gateway picks it: a literal path segment
 * before a {param}, a {param} before a greedy {proxy+}, the request's own method before ANY, and
 * an HTTP API's $default route last. Only its key and authorization type are kept: enough to know
 * whether the call must be signed (AWS_IAM).
 */
public record ApiCallRoute(String key, String authorizationType) {
    public static final String IAM = "AWS_IAM";

    public boolean iam() {
        return IAM.equals(authorizationType);
    }

    /** The route of a REST API (v1 resources and their methods) or an HTTP API (v2 routes) the request lands on. */
    public static Optional<ApiCallRoute> find(ApiGatewayClient v1, ApiGatewayV2Client v2, ApiRef api, String method, String path) {
        List<ApiCallRoute> routes = api.type().v2() ? v2Routes(v2, api.id()) : v1Routes(v1, api.id());
        ApiCallRoute best = null;
        int bestScore = -1;
        for (ApiCallRoute route : routes) {
            int score = score(route.key(), method, path);
            if (score > bestScore) {
                best = route;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    private static List<ApiCallRoute> v1Routes(ApiGatewayClient v1, String apiId) {
        List<ApiCallRoute> routes = new ArrayList<>();
        for (Resource resource : v1.getResourcesPaginator(b -> b.restApiId(apiId).embed("methods").limit(500)).items()) {
            for (Map.Entry<String, software.amazon.awssdk.services.apigateway.model.Method> method : resource.resourceMethods().entrySet()) {
                routes.add(new ApiCallRoute(method.getKey() + " " + resource.path(), method.getValue().authorizationType()));
            }
        }
        return routes;
    }

    private static List<ApiCallRoute> v2Routes(ApiGatewayV2Client v2, String apiId) {
        List<ApiCallRoute> routes = new ArrayList<>();
        String next = null;
        do {
            String token = next;
            GetRoutesResponse page = v2.getRoutes(b -> b.apiId(apiId).maxResults("500").nextToken(token));
            for (Route route : page.items()) {
                routes.add(new ApiCallRoute(route.routeKey(), route.authorizationTypeAsString()));
            }
            next = page.nextToken();
        } while (next != null && !next.isEmpty());
        return routes;
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
