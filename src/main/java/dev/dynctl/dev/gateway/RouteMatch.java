package dev.dynctl.dev.gateway;

import dev.dynctl.model.StageRoute;
import java.util.Map;

/**
 * The route a request reached and the values of its path's parameters (decoded; a greedy
 * parameter's value spans the segments it took, joined by '/').
 */
record RouteMatch(StageRoute route, Map<String, String> pathParameters) {
    RouteMatch {
        pathParameters = Map.copyOf(pathParameters);
    }

    String function() {
        return route.function();
    }

    /** "GET /items/{id}" or "$default". */
    String routeKey() {
        return route.key().text();
    }

    /** The route's path template ("/items/{id}"), or "/" for $default. */
    String resource() {
        return route.key().hasPath() ? route.key().path() : "/";
    }
}
