package dev.dynctl.api;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Which of an API's 'METHOD /path' routes a request lands on, as API Gateway picks it: of the
 * routes whose method and path fit, the most specific path, segment by segment from the left (a
 * word before a {parameter} before a greedy {proxy+}, which takes one segment or more), then the
 * request's own method before ANY. $default (an HTTP API's catch-all) is the caller's to fall back
 * on. The one matcher of dynctl: {@code api call} and the local gateway both use it.
 */
public final class RouteMatcher {
    private static final String ANY = "ANY";
    /** Lower is more specific. */
    private static final Comparator<RouteKey> PRECEDENCE = RouteMatcher::compare;

    private RouteMatcher() {
    }

    /**
     * A route that fits and the values of its path's parameters (a greedy one's value spans the
     * segments it took, joined by '/').
     */
    public record Match<R>(R route, Map<String, String> pathParameters) {
        public Match {
            pathParameters = Map.copyOf(pathParameters);
        }
    }

    /**
     * The route of {@code routes} that {@code method} on {@code rawPath} lands on.
     *
     * @param key the route's key
     * @param decode how a path segment reads once decoded (the identity for a path given decoded)
     * @param orAny whether ANY routes count (false: only the method itself)
     */
    public static <R> Optional<Match<R>> match(Collection<R> routes, Function<R, RouteKey> key, String method, String rawPath,
                                               UnaryOperator<String> decode, boolean orAny) {
        String wanted = method.toUpperCase(Locale.ROOT);
        List<String> segments = segments(rawPath).stream().map(decode).toList();
        Match<R> best = null;
        for (R route : routes) {
            RouteKey routeKey = key.apply(route);
            if (!routeKey.hasPath() || !(routeKey.method().equals(wanted) || orAny && routeKey.method().equals(ANY))) {
                continue;
            }
            Map<String, String> parameters = parameters(routeKey, segments);
            if (parameters != null && (best == null || PRECEDENCE.compare(routeKey, key.apply(best.route())) < 0)) {
                best = new Match<>(route, parameters);
            }
        }
        return Optional.ofNullable(best);
    }

    /** True when the path of the 'METHOD /path' key fits {@code rawPath}, whatever the method. */
    public static boolean fits(RouteKey key, String rawPath, UnaryOperator<String> decode) {
        return key.hasPath() && parameters(key, segments(rawPath).stream().map(decode).toList()) != null;
    }

    /** The path's segments, as they are: "/items/42/" is [items, 42]; "/" is none. */
    public static List<String> segments(String rawPath) {
        String path = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path.isEmpty() ? List.of() : List.of(path.split("/", -1));
    }

    /** The key's parameters for these (decoded) segments, or null when its path does not fit them. */
    private static Map<String, String> parameters(RouteKey key, List<String> segments) {
        List<String> template = key.segments();
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < template.size(); i++) {
            String part = template.get(i);
            if (isGreedy(part)) {
                if (i >= segments.size()) {
                    return null;
                }
                parameters.put(part.substring(1, part.length() - 2), String.join("/", segments.subList(i, segments.size())));
                return parameters;
            }
            if (i >= segments.size() || segments.get(i).isEmpty()) {
                return null;
            }
            if (isParameter(part)) {
                parameters.put(part.substring(1, part.length() - 1), segments.get(i));
            } else if (!part.equals(segments.get(i))) {
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

    /** 0 for a word, 1 for a {parameter}, 2 for a greedy {proxy+}. */
    private static int rank(String part) {
        return isGreedy(part) ? 2 : isParameter(part) ? 1 : 0;
    }

    private static int compare(RouteKey a, RouteKey b) {
        List<String> left = a.segments();
        List<String> right = b.segments();
        for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
            int byPart = Integer.compare(rank(left.get(i)), rank(right.get(i)));
            if (byPart != 0) {
                return byPart;
            }
        }
        // two paths that fit the same request with equal ranks are the same template: the method decides
        return Boolean.compare(a.method().equals(ANY), b.method().equals(ANY));
    }
}
