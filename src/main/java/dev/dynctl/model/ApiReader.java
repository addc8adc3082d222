package dev.dynctl.model;

import dev.dynctl.api.ApiType;
import dev.dynctl.api.EndpointType;
import dev.dynctl.api.RouteAuth;
import dev.dynctl.api.RouteKey;
import dev.dynctl.api.RouteRules;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.NearNames;
import dev.dynctl.model.yaml.Location;
import dev.dynctl.model.yaml.YamlMapping;
import dev.dynctl.model.yaml.YamlNode;
import dev.dynctl.model.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Reads one entry of {@code apis:}: its type, endpoint, route selection, CORS and routes. */
final class ApiReader {
    static final List<String> API_KEYS = List.of("type", "endpoint", "route_selection", "cors", "routes");
    static final List<String> ROUTE_KEYS = List.of("function", "auth", "user_pool", "client_ids");
    static final List<String> CORS_KEYS = List.of("origins", "methods", "headers", "max_age", "credentials");
    static final List<String> DEFAULT_CORS_HEADERS = List.of("Content-Type", "Authorization", "X-Amz-Date", "X-Api-Key",
            "X-Amz-Security-Token");
    static final String DEFAULT_ROUTE_SELECTION = "$request.body.action";

    private static final List<String> HTTP_METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
    /** API Gateway's limit on how long a browser may keep a preflight answer. */
    private static final int MAX_CORS_AGE_SECONDS = 86400;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]+");

    private final Collection<String> functionKeys;

    /** @param functionKeys the keys under {@code functions:}, which routes name */
    ApiReader(Collection<String> functionKeys) {
        this.functionKeys = functionKeys;
    }

    ProjectApi read(YamlMapping.Entry entry) {
        String key = entry.key();
        String where = "api '" + key + "'";
        if (!KEY.matcher(key).matches()) {
            throw YamlNode.error(entry.keyLocation(), "'" + key + "' (" + where + ") must be letters, digits, '-' and '_': "
                    + "it ends the API's real name.");
        }
        YamlMapping settings = entry.value().asMapping(where);
        settings.requireKnownKeys(where, API_KEYS);
        YamlScalar typeValue = settings.scalar("type").orElseThrow(() -> YamlNode.error(settings.location(),
                where + " needs type: http, rest or websocket.", "e.g. type: http"));
        ApiType type = word(typeValue, "type", ApiType.values(), ApiType::label);
        EndpointType endpoint = onlyFor(settings, "endpoint", type, ApiType.REST)
                .map(v -> word(v, "endpoint", EndpointType.values(), EndpointType::label))
                .orElse(type == ApiType.REST ? EndpointType.REGIONAL : null);
        String routeSelection = onlyFor(settings, "route_selection", type, ApiType.WEBSOCKET)
                .map(v -> v.asText("route_selection"))
                .orElse(type == ApiType.WEBSOCKET ? DEFAULT_ROUTE_SELECTION : null);
        List<ProjectRoute> routes = routes(settings, type, where);
        ProjectCors cors = settings.get("cors").map(node -> cors(node, type, routes)).orElse(null);
        return new ProjectApi(key, entry.keyLocation(), type, endpoint, routeSelection, cors, routes);
    }

    private static Optional<YamlScalar> onlyFor(YamlMapping settings, String key, ApiType type, ApiType takesIt) {
        settings.entry(key).filter(e -> type != takesIt).ifPresent(e -> {
            throw YamlNode.error(e.keyLocation(), key + " is for " + takesIt.label() + " APIs, and this one is " + type.label() + ".");
        });
        return settings.scalar(key);
    }

    private List<ProjectRoute> routes(YamlMapping settings, ApiType type, String where) {
        YamlNode section = settings.get("routes").orElseThrow(() -> YamlNode.error(settings.location(),
                where + " needs routes:, each to a function.", "e.g. routes: {GET /items: items}"));
        List<ProjectRoute> routes = new ArrayList<>();
        Map<String, Location> seen = new HashMap<>();
        Map<String, String> parameters = new HashMap<>();
        for (YamlMapping.Entry entry : section.asMapping("routes of " + where).entries()) {
            RouteKey key;
            try {
                key = RouteKey.parse(entry.key());
            } catch (DynctlException e) {
                throw YamlNode.error(entry.keyLocation(), e);
            }
            Location earlier = seen.putIfAbsent(key.text(), entry.keyLocation());
            if (earlier != null) {
                throw YamlNode.error(entry.keyLocation(), "the route '" + key + "' is given twice (first at line " + earlier.line() + ").");
            }
            if (type == ApiType.REST) {
                checkParameterSiblings(key, entry.keyLocation(), parameters);
            }
            ProjectRoute route = route(key, entry.value());
            checkRules(route, type, entry);
            routes.add(route);
        }
        if (routes.isEmpty()) {
            throw section.error(where + " has no routes; give at least one, e.g. GET /items: items.");
        }
        return routes;
    }

    /** {@code items} (the function) or {@code {function: items, auth: cognito, user_pool: ARN, client_ids: [...]}}. */
    /**
     * A REST API's paths are a tree of resources in which a resource has at most one {parameter}
     * child: /things/{id} and /things/{other}/x cannot both be. API Gateway refuses the second
     * halfway through a deploy; the file says so first.
     *
     * @param parameters the {parameter} segment seen under each parent path so far
     */
    private static void checkParameterSiblings(RouteKey key, Location at, Map<String, String> parameters) {
        StringBuilder parent = new StringBuilder();
        for (String segment : key.segments()) {
            if (segment.startsWith("{")) {
                String path = parent.length() == 0 ? "/" : parent.toString();
                String other = parameters.putIfAbsent(path, segment);
                if (other != null && !other.equals(segment)) {
                    throw YamlNode.error(at, "the route '" + key + "' puts " + segment + " under " + path + ", where another route has "
                            + other + ": a REST API takes one {parameter} per path.",
                            "Name the parameter " + other + " in both routes (its value is the same part of the path).");
                }
            }
            parent.append('/').append(segment);
        }
    }

    private ProjectRoute route(RouteKey key, YamlNode value) {
        String what = "the route '" + key + "'";
        if (value instanceof YamlScalar function) {
            return new ProjectRoute(key, function(function, what), RouteAuth.Kind.NONE, null, List.of());
        }
        YamlMapping settings = value.asMapping(what);
        settings.requireKnownKeys(what, ROUTE_KEYS);
        YamlScalar functionValue = settings.scalar("function").orElseThrow(() -> settings.error(
                what + " needs function: KEY (a key under functions:)."));
        String function = function(functionValue, what);
        RouteAuth.Kind auth = settings.scalar("auth").map(v -> word(v, "auth", RouteAuth.Kind.values(), RouteAuth.Kind::label))
                .orElse(RouteAuth.Kind.NONE);
        YamlScalar userPool = settings.scalar("user_pool").orElse(null);
        List<YamlScalar> clientIds = settings.get("client_ids").map(n -> n.asScalars("client_ids")).orElse(List.of());
        clientIds.forEach(id -> id.asText("each of client_ids"));
        if (auth != RouteAuth.Kind.COGNITO) {
            for (String cognitoOnly : List.of("user_pool", "client_ids")) {
                settings.entry(cognitoOnly).ifPresent(e -> {
                    throw YamlNode.error(e.keyLocation(), cognitoOnly + " goes with auth: cognito.");
                });
            }
        } else if (userPool == null || userPool.empty()) {
            throw YamlNode.error(settings.location(), what + " has auth: cognito and needs user_pool: ARN.",
                    "e.g. user_pool: arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbC123");
        }
        return new ProjectRoute(key, function, auth, userPool, clientIds);
    }

    /** The rules {@code api route add} applies too (RouteRules), pointed at the key, auth or client_ids that breaks one. */
    private static void checkRules(ProjectRoute route, ApiType type, YamlMapping.Entry entry) {
        RouteRules.broken(type, route.key(), route.auth(), !route.clientIds().isEmpty()).ifPresent(rule -> {
            Location at = switch (rule.part()) {
                case KEY -> entry.keyLocation();
                case AUTH -> ((YamlMapping) entry.value()).get("auth").orElseThrow().location();
                case CLIENT_IDS -> ((YamlMapping) entry.value()).get("client_ids").orElseThrow().location();
            };
            throw YamlNode.error(at, rule.error());
        });
    }

    private String function(YamlScalar value, String what) {
        String function = value.asText("the function of " + what);
        if (!functionKeys.contains(function)) {
            throw YamlNode.error(value.location(), what + " calls function '" + function + "', which is not under functions:.",
                    NearNames.hint(NearNames.among(functionKeys, function), functionKeys.isEmpty()
                            ? "Declare it under functions:." : "Functions: " + String.join(", ", functionKeys) + "."));
        }
        return function;
    }

    /** {@code true} (every origin, the routes' methods, the usual headers), {@code false}, or the settings. */
    private static ProjectCors cors(YamlNode node, ApiType type, List<ProjectRoute> routes) {
        if (type == ApiType.WEBSOCKET) {
            throw node.error("cors is for HTTP and REST APIs: browsers do not ask a WebSocket API for it.");
        }
        Location at = node.location();
        List<YamlScalar> everyOrigin = List.of(new YamlScalar("*", true, false, at));
        List<YamlScalar> usualHeaders = DEFAULT_CORS_HEADERS.stream().map(h -> new YamlScalar(h, true, false, at)).toList();
        if (node instanceof YamlScalar flag) {
            return flag.asBoolean("cors") ? new ProjectCors(everyOrigin, methods(routes), usualHeaders, null, null) : null;
        }
        YamlMapping settings = node.asMapping("cors");
        settings.requireKnownKeys("cors", CORS_KEYS);
        List<YamlScalar> origins = settings.get("origins").map(n -> nonEmpty(n, "origins")).orElse(everyOrigin);
        List<String> methods = settings.get("methods").map(ApiReader::corsMethods).orElse(methods(routes));
        List<YamlScalar> headers = settings.get("headers").map(n -> nonEmpty(n, "headers")).orElse(usualHeaders);
        Integer maxAge = settings.scalar("max_age").map(v -> {
            int seconds = v.asCount("max_age");
            if (seconds > MAX_CORS_AGE_SECONDS) {
                throw v.error("max_age is at most " + MAX_CORS_AGE_SECONDS + " seconds (a day), not " + seconds + ".");
            }
            return seconds;
        }).orElse(null);
        YamlScalar credentials = settings.scalar("credentials").orElse(null);
        if (credentials != null) {
            credentials.asBoolean("credentials");
        }
        return new ProjectCors(origins, methods, headers, maxAge, credentials);
    }

    /** What {@code cors: true} allows: the methods the routes use and OPTIONS (the preflight), or every one for ANY. */
    private static List<String> methods(List<ProjectRoute> routes) {
        TreeSet<String> methods = new TreeSet<>();
        for (ProjectRoute route : routes) {
            if ("ANY".equals(route.key().method())) {
                return List.of("*");
            }
            if (route.key().hasPath()) {
                methods.add(route.key().method());
            }
        }
        methods.add("OPTIONS");
        return List.copyOf(methods);
    }

    private static List<String> corsMethods(YamlNode node) {
        List<String> methods = new ArrayList<>();
        for (YamlScalar method : nonEmpty(node, "methods")) {
            String upper = method.text().toUpperCase(Locale.ROOT);
            if (!HTTP_METHODS.contains(upper) && !upper.equals("*")) {
                throw method.error("'" + method.text() + "' is not an HTTP method; methods are " + String.join(", ", HTTP_METHODS)
                        + " or * for all.");
            }
            methods.add(upper);
        }
        return methods;
    }

    private static List<YamlScalar> nonEmpty(YamlNode node, String key) {
        List<YamlScalar> values = node.asScalars(key);
        if (values.isEmpty()) {
            throw node.error(key + " lists nothing; leave it out for the default.");
        }
        values.forEach(v -> v.asText("each of " + key));
        return values;
    }

    private static <T> T word(YamlScalar value, String key, T[] values, Function<T, String> label) {
        String text = value.asText(key);
        return Arrays.stream(values).filter(v -> label.apply(v).equals(text)).findFirst().orElseThrow(() -> value.error(
                key + " must be " + String.join(", ", Arrays.stream(values).map(label).toList()) + ", not " + value.kind() + "."));
    }
}
