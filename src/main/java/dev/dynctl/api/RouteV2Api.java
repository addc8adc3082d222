package dev.dynctl.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.AuthorizationType;
import software.amazon.awssdk.services.apigatewayv2.model.GetIntegrationsResponse;
import software.amazon.awssdk.services.apigatewayv2.model.GetRoutesResponse;
import software.amazon.awssdk.services.apigatewayv2.model.Integration;
import software.amazon.awssdk.services.apigatewayv2.model.IntegrationType;
import software.amazon.awssdk.services.apigatewayv2.model.Route;

/** An HTTP or WebSocket API's routes: route keys whose target is an integration (API Gateway v2). */
final class RouteV2Api implements RouteApi {
    private static final String TARGET_PREFIX = "integrations/";

    private final ApiGatewayV2Client apiGateway;
    private final RouteEnvironment environment;
    private final ApiRef api;
    private final JwtAuthorizer authorizers;
    private final WebSocketAnswers answers;

    /** @param environment what adding and deleting need beyond API Gateway; null for a reader that only lists */
    RouteV2Api(ApiGatewayV2Client apiGateway, RouteEnvironment environment, ApiRef api) {
        this.apiGateway = apiGateway;
        this.environment = environment;
        this.api = api;
        this.authorizers = new JwtAuthorizer(apiGateway, api.id());
        this.answers = new WebSocketAnswers(apiGateway, api.id());
    }

    @Override
    public List<RouteInfo> list() {
        Map<String, Integration> integrations = integrations();
        Map<String, String> issuers = new HashMap<>();
        List<RouteInfo> routes = new ArrayList<>();
        for (Route route : routes()) {
            Integration integration = integrations.get(integrationId(route));
            String functionArn = integration == null ? null : LambdaIntegrationUri.functionArn(integration.integrationUri());
            String target = integration == null ? "(no integration)"
                    : functionArn != null ? LambdaIntegrationUri.functionName(functionArn)
                    : integration.integrationTypeAsString() + (integration.integrationUri() == null ? "" : " " + integration.integrationUri());
            String auth = authLabel(route, issuers);
            routes.add(new RouteInfo(keyOf(route.routeKey()), target, functionArn, null, auth));
        }
        return routes;
    }

    @Override
    public RouteChange add(RouteKey key, RouteTarget target, RouteAuth auth) {
        RouteTarget.Function function = (RouteTarget.Function) target;
        List<String> actions = new ArrayList<>();
        List<Route> routes = routes();
        Map<String, Integration> integrations = integrations();
        Route existing = routes.stream().filter(r -> key.text().equals(r.routeKey())).findFirst().orElse(null);
        // the authorizer first: a failure there leaves no integration behind
        String authorizerId = auth.kind() == RouteAuth.Kind.COGNITO
                ? authorizers.ensure(auth, routes.stream().map(Route::authorizerId).filter(RouteV2Api::hasAuthorizer).toList(), actions) : null;
        String integrationId = integrationFor(function, integrations.values(), actions);
        AuthorizationType authorizationType = switch (auth.kind()) {
            case NONE -> AuthorizationType.NONE;
            case IAM -> AuthorizationType.AWS_IAM;
            case COGNITO -> AuthorizationType.JWT;
        };
        String routeTarget = TARGET_PREFIX + integrationId;
        String functionBefore = null;
        if (existing == null) {
            String routeId = apiGateway.createRoute(b -> b.apiId(api.id()).routeKey(key.text()).target(routeTarget)
                    .authorizationType(authorizationType).authorizerId(authorizerId)).routeId();
            actions.add("created route " + key);
            if (WebSocketAnswers.answers(api.type(), key)) {
                answers.ensure(routeId, null, true);
            }
        } else {
            Integration before = integrations.get(integrationId(existing));
            functionBefore = before == null ? null : LambdaIntegrationUri.functionArn(before.integrationUri());
            // a route without an authorization type is open to all, as NONE is
            String authBefore = existing.authorizationTypeAsString() == null ? AuthorizationType.NONE.toString() : existing.authorizationTypeAsString();
            boolean hadAuthorizer = hasAuthorizer(existing.authorizerId());
            boolean sameAuth = authorizationType.toString().equals(authBefore)
                    && (authorizerId == null ? !hadAuthorizer : authorizerId.equals(existing.authorizerId()));
            boolean sameTarget = routeTarget.equals(existing.target());
            if (!sameTarget || !sameAuth) {
                // AWS keeps a route's authorizer until an empty id takes it off (moving to none or iam)
                String authorizerSent = authorizerId == null && hadAuthorizer ? "" : authorizerId;
                apiGateway.updateRoute(b -> b.apiId(api.id()).routeId(existing.routeId()).target(routeTarget)
                        .authorizationType(authorizationType).authorizerId(authorizerSent));
                if (!sameTarget) {
                    actions.add("pointed " + key + " at " + function.name()
                            + (functionBefore == null ? "" : " (was " + LambdaIntegrationUri.functionName(functionBefore) + ")"));
                }
                if (!sameAuth) {
                    actions.add("changed auth of " + key + " from " + authLabel(existing, new HashMap<>()) + " to " + auth.kind().label());
                }
                String oldIntegration = integrationId(existing);
                if (oldIntegration != null && !oldIntegration.equals(integrationId)
                        && routes.stream().noneMatch(r -> r != existing && oldIntegration.equals(integrationId(r)))) {
                    apiGateway.deleteIntegration(b -> b.apiId(api.id()).integrationId(oldIntegration));
                    actions.add("deleted integration " + oldIntegration + ", which no route used any more");
                }
            }
            if (WebSocketAnswers.answers(api.type(), key)
                    && answers.ensure(existing.routeId(), existing.routeResponseSelectionExpression(), false)) {
                actions.add("made " + key + " two-way: what the function returns goes back to the client");
            }
        }
        environment.release(api, key, function.arn().equals(functionBefore) ? null : functionBefore, null, List::of, actions);
        if (environment.permission().ensure(function.arn(), key.statementId(api.id()), environment.sourceArn(api, key, function.arn()))) {
            actions.add("allowed API Gateway to invoke " + function.name() + " for this route only");
        }
        RouteChange.Outcome outcome = existing == null ? RouteChange.Outcome.CREATED
                : actions.isEmpty() ? RouteChange.Outcome.UNCHANGED : RouteChange.Outcome.UPDATED;
        return new RouteChange(outcome, new RouteInfo(key, function.name(), function.arn(), null, auth.kind().label()), actions, note(key));
    }

    @Override
    public List<String> delete(RouteInfo route) {
        List<String> actions = new ArrayList<>();
        List<Route> routes = routes();
        Route doomed = routes.stream().filter(r -> route.key().text().equals(r.routeKey())).findFirst().orElseThrow();
        apiGateway.deleteRoute(b -> b.apiId(api.id()).routeId(doomed.routeId()));
        actions.add("deleted route " + route.key());
        String integrationId = integrationId(doomed);
        if (integrationId != null && routes.stream().noneMatch(r -> r != doomed && integrationId.equals(integrationId(r)))) {
            apiGateway.deleteIntegration(b -> b.apiId(api.id()).integrationId(integrationId));
            actions.add("deleted integration " + integrationId + ", which no other route used");
        }
        environment.release(api, route.key(), route.functionArn(), null, List::of, actions);
        return actions;
    }

    /**
     * True when the route answers as {@link #add} leaves it: a WebSocket route that carries
     * messages sends what its function returns back to the client. Reads only.
     */
    boolean answersAsAdded(RouteKey key) {
        if (!WebSocketAnswers.answers(api.type(), key)) {
            return true;
        }
        return routes().stream().filter(r -> key.text().equals(r.routeKey())).findFirst().map(answers::twoWay).orElse(false);
    }

    @Override
    public boolean sameAuthorizer(RouteKey key, RouteAuth auth) {
        Route route = routes().stream().filter(r -> key.text().equals(r.routeKey())).findFirst().orElse(null);
        if (route == null || !hasAuthorizer(route.authorizerId())) {
            return false;
        }
        var authorizer = apiGateway.getAuthorizer(b -> b.apiId(api.id()).authorizerId(route.authorizerId()));
        var jwt = authorizer.jwtConfiguration();
        return auth.authorizerName().equals(authorizer.name()) && jwt != null && auth.issuer().equals(jwt.issuer())
                && Set.copyOf(jwt.audience()).equals(Set.copyOf(auth.audiences()));
    }

    /** An integration that already proxies to the function, else a new one (payload 2.0 for HTTP APIs). */
    private String integrationFor(RouteTarget.Function function, Iterable<Integration> integrations, List<String> actions) {
        for (Integration integration : integrations) {
            if (IntegrationType.AWS_PROXY.toString().equals(integration.integrationTypeAsString())
                    && function.arn().equals(LambdaIntegrationUri.functionArn(integration.integrationUri()))) {
                return integration.integrationId();
            }
        }
        String id = api.type() == ApiType.WEBSOCKET
                ? apiGateway.createIntegration(b -> b.apiId(api.id()).integrationType(IntegrationType.AWS_PROXY).integrationMethod("POST")
                        .integrationUri(LambdaIntegrationUri.invocations(environment.region(), function.arn()))).integrationId()
                : apiGateway.createIntegration(b -> b.apiId(api.id()).integrationType(IntegrationType.AWS_PROXY)
                        .integrationUri(function.arn()).payloadFormatVersion("2.0")).integrationId();
        actions.add("created a Lambda proxy integration for " + function.name());
        return id;
    }

    /** How messages reach a WebSocket route dynctl did not name for a connection event. */
    private String note(RouteKey key) {
        if (api.type() != ApiType.WEBSOCKET || key.text().startsWith("$")) {
            return null;
        }
        String expression = apiGateway.getApi(b -> b.apiId(api.id())).routeSelectionExpression();
        return "Messages whose " + expression + " is '" + key.text() + "' reach this route; others go to $default.";
    }

    private List<Route> routes() {
        return V2Pages.all(token -> apiGateway.getRoutes(b -> b.apiId(api.id()).maxResults(V2Pages.MAX_RESULTS).nextToken(token)),
                GetRoutesResponse::items, GetRoutesResponse::nextToken);
    }

    private Map<String, Integration> integrations() {
        Map<String, Integration> integrations = new HashMap<>();
        V2Pages.all(token -> apiGateway.getIntegrations(b -> b.apiId(api.id()).maxResults(V2Pages.MAX_RESULTS).nextToken(token)),
                GetIntegrationsResponse::items, GetIntegrationsResponse::nextToken).forEach(i -> integrations.put(i.integrationId(), i));
        return integrations;
    }

    private static String integrationId(Route route) {
        String target = route.target();
        return target != null && target.startsWith(TARGET_PREFIX) ? target.substring(TARGET_PREFIX.length()) : null;
    }

    /** none, iam, cognito (a JWT authorizer whose issuer is a Cognito pool), jwt, custom. */
    private String authLabel(Route route, Map<String, String> issuers) {
        String type = route.authorizationTypeAsString() == null ? AuthorizationType.NONE.toString() : route.authorizationTypeAsString();
        return switch (type) {
            case "NONE" -> "none";
            case "AWS_IAM" -> "iam";
            case "JWT" -> {
                String issuer = !hasAuthorizer(route.authorizerId()) ? null
                        : issuers.computeIfAbsent(route.authorizerId(), id -> String.valueOf(authorizers.issuer(id)));
                yield issuer != null && issuer.startsWith("https://cognito-idp.") ? "cognito" : "jwt";
            }
            default -> type.toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** An engine may keep the empty id that took a route's authorizer off (moto does): that is none. */
    private static boolean hasAuthorizer(String authorizerId) {
        return authorizerId != null && !authorizerId.isEmpty();
    }

    /** A key as API Gateway keeps it, read without the checks typed keys get. */
    static RouteKey keyOf(String text) {
        int space = text.indexOf(' ');
        return space < 0 ? new RouteKey(null, null, text) : new RouteKey(text.substring(0, space), text.substring(space + 1), text);
    }
}
