package dev.dynctl.dev.gateway;

import dev.dynctl.api.RouteMatcher;
import dev.dynctl.model.StageRoute;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An API's routes, matched as API Gateway matches them ({@link RouteMatcher}: the most specific
 * path from the left, then the exact method before ANY), $default when none fits. Path parameters
 * arrive decoded.
 */
final class RouteTable {
    private static final String DEFAULT = "$default";

    private final List<StageRoute> routes;

    RouteTable(List<StageRoute> routes) {
        this.routes = List.copyOf(routes);
    }

    /** The route for {@code method} on {@code rawPath} (percent-encoded), $default included. */
    Optional<RouteMatch> match(String method, String rawPath) {
        return matchPath(method, rawPath, true).or(() -> byKey(DEFAULT));
    }

    /** The route that {@code method} itself (not ANY, not $default) reaches on {@code rawPath}. */
    Optional<RouteMatch> matchExactMethod(String method, String rawPath) {
        return matchPath(method, rawPath, false);
    }

    /** True when some 'METHOD /path' route's path fits {@code rawPath}, whatever its method. */
    boolean hasPath(String rawPath) {
        return routes.stream().anyMatch(route -> RouteMatcher.fits(route.key(), rawPath, PercentDecoding::path));
    }

    /** The route named {@code key} (WebSocket routes, $default). */
    Optional<RouteMatch> byKey(String key) {
        return routes.stream().filter(route -> route.key().text().equals(key)).findFirst()
                .map(route -> new RouteMatch(route, Map.of()));
    }

    private Optional<RouteMatch> matchPath(String method, String rawPath, boolean orAny) {
        return RouteMatcher.match(routes, StageRoute::key, method, rawPath, PercentDecoding::path, orAny)
                .map(match -> new RouteMatch(match.route(), match.pathParameters()));
    }
}
