package dev.dynctl.dev.gateway;

import dev.dynctl.model.StageRoute;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An API's routes, matched as API Gateway matches them: of the routes whose method and path fit,
 * the one whose path is most specific, segment by segment from the left (a word before a
 * {parameter} before a greedy {proxy+}), then an exact method before ANY; $default when none
 * fits. A greedy parameter takes one segment or more.
 */
final class RouteTable {
    private static final String ANY = "ANY";
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
        List<String> segments = segments(rawPath);
        return routes.stream().anyMatch(route -> route.key().hasPath() && parameters(route, segments) != null);
    }

    /** The route named {@code key} (WebSocket routes, $default). */
    Optional<RouteMatch> byKey(String key) {
        return routes.stream().filter(route -> route.key().text().equals(key)).findFirst()
                .map(route -> new RouteMatch(route, Map.of()));
    }

    private Optional<RouteMatch> matchPath(String method, String rawPath, boolean any) {
        List<String> segments = segments(rawPath);
        List<Candidate> candidates = new ArrayList<>();
        for (StageRoute route : routes) {
            String routeMethod = route.key().method();
            if (routeMethod == null || !(routeMethod.equals(method) || any && routeMethod.equals(ANY))) {
                continue;
            }
            Map<String, String> parameters = parameters(route, segments);
            if (parameters != null) {
                candidates.add(new Candidate(route, parameters));
            }
        }
        return candidates.stream().min(Candidate.PRECEDENCE).map(c -> new RouteMatch(c.route(), c.parameters()));
    }

    /** The path's segments, still encoded: "/items/42/" is [items, 42]; "/" is none. */
    static List<String> segments(String rawPath) {
        String path = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path.isEmpty() ? List.of() : List.of(path.split("/", -1));
    }

    /** The route's parameters for these segments, or null when its path does not fit them. */
    private static Map<String, String> parameters(StageRoute route, List<String> segments) {
        List<String> template = route.key().segments();
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < template.size(); i++) {
            String part = template.get(i);
            if (isGreedy(part)) {
                if (i >= segments.size()) {
                    return null;
                }
                List<String> rest = segments.subList(i, segments.size()).stream().map(PercentDecoding::path).toList();
                parameters.put(part.substring(1, part.length() - 2), String.join("/", rest));
                return parameters;
            }
            if (i >= segments.size() || segments.get(i).isEmpty()) {
                return null;
            }
            String segment = PercentDecoding.path(segments.get(i));
            if (isParameter(part)) {
                parameters.put(part.substring(1, part.length() - 1), segment);
            } else if (!part.equals(segment)) {
                return null;
            }
        }
        return template.size() == segments.size() ? parameters : null;
    }

    private static boolean isGreedy(String part) {
        return part.startsWith("{") && part.endsWith("+}");
    }

    private static boolean isParameter(String part) {
        return part.startsWith("{");
    }

    /** 0 for a word, 1 for a {parameter}, 2 for a greedy {proxy+}: lower is more specific. */
    private static int rank(String part) {
        return isGreedy(part) ? 2 : isParameter(part) ? 1 : 0;
    }

    private record Candidate(StageRoute route, Map<String, String> parameters) {
        static final Comparator<Candidate> PRECEDENCE = Candidate::compare;

        private static int compare(Candidate a, Candidate b) {
            List<String> left = a.route().key().segments();
            List<String> right = b.route().key().segments();
            for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
                int byPart = Integer.compare(rank(left.get(i)), rank(right.get(i)));
                if (byPart != 0) {
                    return byPart;
                }
            }
            // two paths that fit the same request with equal ranks are the same template: the method decides
            return Boolean.compare(a.route().key().method().equals(ANY), b.route().key().method().equals(ANY));
        }
    }
}
