package dev.dynctl.api;

import dev.dynctl.error.DynctlException;
import dev.dynctl.functions.FunctionName;
import dev.dynctl.functions.FunctionService;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * Lists, adds and deletes the routes of any API: checks that the route, target and auth suit the
 * API's kind, then leaves the work to its API Gateway (v1 for REST, v2 for HTTP and WebSocket).
 */
public final class RouteService {
    private final ApiGatewayClient v1;
    private final ApiGatewayV2Client v2;
    private final FunctionService functions;
    private final RouteEnvironment environment;

    /**
     * @param functions finds the functions routes call
     * @param region the region the APIs live in
     * @param account the caller's account id, asked for only when an ARN needs it
     */
    public RouteService(ApiGatewayClient v1, ApiGatewayV2Client v2, LambdaClient lambda, IamClient iam, FunctionService functions,
            String region, Supplier<String> account) {
        this.v1 = v1;
        this.v2 = v2;
        this.functions = functions;
        this.environment = new RouteEnvironment(region, account, new RoutePermission(lambda), new SnsPublishRole(iam));
    }

    public List<RouteInfo> list(ApiRef api) {
        return list(v1, v2, api);
    }

    /** The API's routes as they stand, read through API Gateway alone (all that listing needs). */
    static List<RouteInfo> list(ApiGatewayClient v1, ApiGatewayV2Client v2, ApiRef api) {
        return reader(v1, v2, api).list();
    }

    /** The API's routes through API Gateway alone, for reading. */
    private static RouteApi reader(ApiGatewayClient v1, ApiGatewayV2Client v2, ApiRef api) {
        return api.type() == ApiType.REST ? new RouteRestApi(v1, null, api) : new RouteV2Api(v2, null, api);
    }

    /**
     * Refuses a route, target or auth the API's kind cannot have (exit 2), before anything is looked up.
     *
     * @param snsTopicArn the topic for an SNS route, null for a function
     */
    private static void check(ApiRef api, RouteKey key, RouteAuth auth, String snsTopicArn) {
        RouteRules.check(api.type(), key, auth.kind(), !auth.audiences().isEmpty());
        if (snsTopicArn != null) {
            if (api.type() != ApiType.REST) {
                throw DynctlException.usage("--sns-topic needs a REST API; '" + api.name() + "' is " + kindOf(api.type()) + ".",
                        "Route to a function that publishes, or create a REST API for it.");
            }
            SnsPublishIntegration.check(snsTopicArn);
        }
    }

    /**
     * Adds the route or brings it to this target and auth; a second identical add changes nothing.
     * What the API's kind cannot have is refused (exit 2) before the function is looked up; an
     * unknown function is exit 3.
     *
     * @param function the function to call, by name or ARN; null when {@code snsTopicArn} is given
     * @param snsTopicArn the topic to publish to (REST APIs), or null
     */
    public RouteChange add(ApiRef api, RouteKey key, String function, String snsTopicArn, RouteAuth auth) {
        check(api, key, auth, snsTopicArn);
        RouteTarget target;
        if (snsTopicArn != null) {
            target = new RouteTarget.SnsTopic(snsTopicArn);
        } else {
            String arn = LambdaIntegrationUri.qualified(functions.arn(function), FunctionName.of(function).qualifier());
            target = new RouteTarget.Function(arn, LambdaIntegrationUri.functionName(arn));
        }
        return routes(api).add(key, target, auth);
    }

    /**
     * Adds the route or brings it to this auth and to exactly this function ARN (an alias's, say),
     * which is not looked up: a deploy knows the ARN of what it made.
     */
    public RouteChange add(ApiRef api, RouteKey key, String functionArn, RouteAuth auth) {
        check(api, key, auth, null);
        return routes(api).add(key, new RouteTarget.Function(functionArn, LambdaIntegrationUri.functionName(functionArn)), auth);
    }

    /** Refuses a route or auth the API's kind cannot have (exit 2); the API need not exist yet. */
    public static void check(ApiRef api, RouteKey key, RouteAuth auth) {
        check(api, key, auth, null);
    }

    /**
     * True when the route, which checks Cognito tokens, checks them with the authorizer {@code auth}
     * asks for (the same user pool and, on HTTP APIs, the same app clients). Reads only.
     */
    public boolean sameAuthorizer(ApiRef api, RouteKey key, RouteAuth auth) {
        return reader(v1, v2, api).sameAuthorizer(key, auth);
    }

    /**
     * True when the route answers its callers as {@link #add} leaves it: on a WebSocket API, a
     * route that carries messages is two-way (what its function returns goes back to the
     * client). Reads only.
     */
    public boolean answersAsAdded(ApiRef api, RouteKey key) {
        return api.type() != ApiType.WEBSOCKET || new RouteV2Api(v2, null, api).answersAsAdded(key);
    }

    /**
     * True when the function's policy lets API Gateway invoke it for exactly this route of the API,
     * as {@link #add} leaves it. Reads only.
     */
    public boolean permits(ApiRef api, RouteKey key, String functionArn) {
        String wanted = environment.sourceArn(api, key, functionArn);
        return environment.permission().sourceArn(functionArn, key.statementId(api.id())).filter(wanted::equals).isPresent();
    }

    /** "an HTTP API", "a WebSocket API": the kind as people write it in a sentence. */
    private static String kindOf(ApiType type) {
        return switch (type) {
            case REST -> "a REST API";
            case HTTP -> "an HTTP API";
            case WEBSOCKET -> "a WebSocket API";
        };
    }

    /** The route as it stands; not found is exit 3 with the API's routes. */
    public RouteInfo find(ApiRef api, RouteKey key) {
        List<RouteInfo> routes = list(api);
        return routes.stream().filter(r -> r.key().text().equals(key.text())).findFirst()
                .orElseThrow(() -> DynctlException.notFound("Route '" + key + "' not found in API '" + api.name() + "' (" + api.id() + ").",
                        routes.isEmpty() ? "The API has no routes yet; add one with 'dynctl api route add'."
                                : "Its routes: " + routes.stream().map(r -> r.key().text()).sorted().collect(Collectors.joining(", ")) + "."));
    }

    /** Deletes the route and what only it used (empty resources, an integration, the permission, an SNS role); returns what it did. */
    public List<String> delete(ApiRef api, RouteInfo route) {
        return routes(api).delete(route);
    }

    /**
     * Removes what the API's routes made outside it, before the API itself goes: each route's
     * statement in its function's policy and the roles of its SNS routes. Returns what it removed.
     */
    public List<String> release(ApiRef api) {
        List<String> actions = new ArrayList<>();
        for (RouteInfo route : list(api)) {
            environment.release(api, route.key(), route.functionArn(), route.snsTopicArn(), List::of, actions);
        }
        return actions;
    }

    private RouteApi routes(ApiRef api) {
        return api.type() == ApiType.REST ? new RouteRestApi(v1, environment, api) : new RouteV2Api(v2, environment, api);
    }
}
