package dev.dynctl.api;

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
        return find(RouteService.list(v1, v2, api), method, path);
    }

    /** Of these routes, the one API Gateway picks for the request; $default when no other fits. */
    static Optional<ApiCallRoute> find(List<RouteInfo> routes, String method, String path) {
        Optional<RouteInfo> found = RouteMatcher.match(routes, RouteInfo::key, method, path, segment -> segment, true)
                .map(RouteMatcher.Match::route)
                .or(() -> routes.stream().filter(route -> route.key().text().equals("$default")).findFirst());
        return found.map(route -> new ApiCallRoute(route.key().text(), route.auth()));
    }
}
