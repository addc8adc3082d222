package dev.dynctl.deploy;

import dev.dynctl.api.RouteInfo;
import dev.dynctl.model.ApiCors;
import dev.dynctl.model.StageApi;
import dev.dynctl.model.StageRoute;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.Integration;
import software.amazon.awssdk.services.apigateway.model.IntegrationResponse;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.apigateway.model.Method;
import software.amazon.awssdk.services.apigateway.model.Resource;

/**
 * A REST API's CORS preflights. REST APIs have no CORS setting of their own: each path with
 * routes gets an OPTIONS method whose MOCK integration answers 200 with the
 * Access-Control-Allow-* headers, without calling a function. The Lambda proxy routes themselves
 * answer through their functions, which add Access-Control-Allow-Origin to their responses.
 */
public final class RestCorsPreflight {
    private static final String OPTIONS = "OPTIONS";
    private static final String OK = "200";
    private static final String HEADER = "method.response.header.";
    private static final String JSON = "application/json";

    private final ApiGatewayClient v1;

    RestCorsPreflight(ApiGatewayClient v1) {
        this.v1 = v1;
    }

    /**
     * The paths whose OPTIONS method is a preflight, planned here rather than as a route: answered
     * by a MOCK integration, or by none at all — what a preflight's put leaves when a deploy
     * stops after its PutMethod. Such a method is this planner's to finish, never a stranger route
     * to delete and put again (AWS refuses a second PutMethod).
     */
    static Map<String, Method> preflights(List<Resource> resources) {
        Map<String, Method> preflights = new LinkedHashMap<>();
        for (Resource resource : resources) {
            Method method = resource.hasResourceMethods() ? resource.resourceMethods().get(OPTIONS) : null;
            if (method != null && (method.methodIntegration() == null
                    || IntegrationType.MOCK.toString().equals(method.methodIntegration().typeAsString()))) {
                preflights.put(resource.path(), method);
            }
        }
        return preflights;
    }

    /** True for the OPTIONS route of a path {@link #preflights} found. */
    static boolean isPreflight(RouteInfo route, Set<String> preflightPaths) {
        return OPTIONS.equals(route.key().method()) && preflightPaths.contains(route.key().path());
    }

    /**
     * One step per path that has (or had) a preflight: created, updated, left alone, or deleted
     * when the path has no routes any more or the API no CORS.
     *
     * @param resources the API's resources with their methods (none for an API the plan creates)
     */
    List<Step> steps(ApiHandle api, StageApi wanted, List<Resource> resources) {
        Map<String, String> headers = wanted.cors() == null ? Map.of() : headers(wanted.cors());
        Set<String> paths = wanted.cors() == null ? Set.of() : paths(wanted);
        Map<String, Method> preflights = preflights(resources);
        List<Step> steps = new ArrayList<>();
        for (String path : paths) {
            String name = api.name() + " " + OPTIONS + " " + path;
            Method current = preflights.get(path);
            if (current == null) {
                steps.add(CallingStep.of(new Change(Action.CREATE, ResourceKind.ROUTE, name, List.of(new FieldChange("cors", null, null))),
                        () -> put(api, path, headers)));
                continue;
            }
            List<FieldChange> fields = differences(current, headers);
            steps.add(fields.isEmpty() ? CallingStep.none(ResourceKind.ROUTE, name)
                    : CallingStep.of(Change.update(ResourceKind.ROUTE, name, fields), () -> {
                        delete(api, path);
                        put(api, path, headers);
                    }));
        }
        // a path the file routes OPTIONS on itself keeps its method: the route's step makes it the route's
        Set<String> own = ownOptions(wanted);
        preflights.keySet().stream().filter(path -> !paths.contains(path) && !own.contains(path)).sorted().forEach(path -> steps.add(
                CallingStep.of(Change.delete(ResourceKind.ROUTE, api.name() + " " + OPTIONS + " " + path), () -> delete(api, path))));
        return steps;
    }

    /** The paths the file routes OPTIONS on to a function. */
    private static Set<String> ownOptions(StageApi wanted) {
        Set<String> own = new LinkedHashSet<>();
        wanted.routes().stream().filter(r -> OPTIONS.equals(r.key().method())).forEach(r -> own.add(r.key().path()));
        return own;
    }

    /** The paths of the file's routes, but those it routes OPTIONS on itself: those a preflight is for when the API has CORS. */
    static Set<String> paths(StageApi wanted) {
        Set<String> own = ownOptions(wanted);
        Set<String> paths = new LinkedHashSet<>();
        for (StageRoute route : wanted.routes()) {
            if (route.key().hasPath() && !own.contains(route.key().path())) {
                paths.add(route.key().path());
            }
        }
        return paths;
    }

    /**
     * The headers a preflight answers, by name, with the values as API Gateway takes them (quoted
     * literals). A REST preflight names one origin: '*' when any may call, else the first listed.
     */
    public static Map<String, String> headers(ApiCors cors) {
        Map<String, String> headers = new LinkedHashMap<>();
        String origin = cors.origins().isEmpty() || cors.origins().contains("*") ? "*" : cors.origins().get(0);
        headers.put("Access-Control-Allow-Origin", origin);
        Set<String> methods = new LinkedHashSet<>(cors.methods());
        methods.add(OPTIONS);
        headers.put("Access-Control-Allow-Methods", String.join(",", methods));
        headers.put("Access-Control-Allow-Headers", String.join(",", cors.headers()));
        if (cors.maxAgeSeconds() != null) {
            headers.put("Access-Control-Max-Age", String.valueOf(cors.maxAgeSeconds()));
        }
        if (cors.credentials()) {
            headers.put("Access-Control-Allow-Credentials", "true");
        }
        return headers;
    }

    /** Each header whose value differs from what the method answers now. */
    private static List<FieldChange> differences(Method method, Map<String, String> headers) {
        Integration integration = method.methodIntegration();
        if (integration == null) {
            return List.of(new FieldChange("integration", null, IntegrationType.MOCK.toString()));
        }
        IntegrationResponse response = integration.hasIntegrationResponses() ? integration.integrationResponses().get(OK) : null;
        Map<String, String> current = new TreeMap<>();
        if (response != null && response.hasResponseParameters()) {
            response.responseParameters().forEach((key, value) -> {
                if (key.startsWith(HEADER)) {
                    current.put(key.substring(HEADER.length()), unquoted(value));
                }
            });
        }
        List<FieldChange> fields = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>(headers.keySet());
        names.addAll(current.keySet());
        for (String header : names) {
            if (!Objects.equals(headers.get(header), current.get(header))) {
                fields.add(new FieldChange(header, current.get(header), headers.get(header)));
            }
        }
        if (fields.isEmpty() && (!method.hasMethodResponses() || !method.methodResponses().containsKey(OK))) {
            fields.add(new FieldChange("response " + OK, null, "CORS headers"));
        }
        return fields;
    }

    private static String unquoted(String value) {
        return value != null && value.length() >= 2 && value.startsWith("'") && value.endsWith("'") ? value.substring(1, value.length() - 1) : value;
    }

    private void put(ApiHandle api, String path, Map<String, String> headers) {
        String apiId = api.ref().id();
        String resourceId = resourceId(apiId, path);
        Map<String, Boolean> declared = new LinkedHashMap<>();
        Map<String, String> values = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            declared.put(HEADER + name, false);
            values.put(HEADER + name, "'" + value + "'");
        });
        v1.putMethod(b -> b.restApiId(apiId).resourceId(resourceId).httpMethod(OPTIONS).authorizationType("NONE"));
        v1.putMethodResponse(b -> b.restApiId(apiId).resourceId(resourceId).httpMethod(OPTIONS).statusCode(OK)
                .responseParameters(declared));
        v1.putIntegration(b -> b.restApiId(apiId).resourceId(resourceId).httpMethod(OPTIONS).type(IntegrationType.MOCK)
                .requestTemplates(Map.of(JSON, "{\"statusCode\": 200}")));
        v1.putIntegrationResponse(b -> b.restApiId(apiId).resourceId(resourceId).httpMethod(OPTIONS).statusCode(OK)
                .responseParameters(values).responseTemplates(Map.of(JSON, "")));
    }

    private void delete(ApiHandle api, String path) {
        String apiId = api.ref().id();
        String resourceId = resourceId(apiId, path);
        v1.deleteMethod(b -> b.restApiId(apiId).resourceId(resourceId).httpMethod(OPTIONS));
    }

    /** The resource of the path now: the route steps before this one made it. */
    private String resourceId(String apiId, String path) {
        return resources(v1, apiId).stream().filter(r -> path.equals(r.path())).findFirst().map(Resource::id)
                .orElseThrow(() -> new IllegalStateException("REST API " + apiId + " has no resource " + path + " for its CORS preflight"));
    }

    /** The API's resources with their methods, integrations and responses. */
    static List<Resource> resources(ApiGatewayClient v1, String apiId) {
        List<Resource> resources = new ArrayList<>();
        v1.getResourcesPaginator(b -> b.restApiId(apiId).embed("methods").limit(500)).items().forEach(resources::add);
        return resources;
    }
}
