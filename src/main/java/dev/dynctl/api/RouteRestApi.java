package dev.dynctl.api;

import dev.dynctl.aws.EngineGap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.GetMethodResponse;
import software.amazon.awssdk.services.apigateway.model.Integration;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.apigateway.model.Method;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.PatchOperation;
import software.amazon.awssdk.services.apigateway.model.PutIntegrationRequest;
import software.amazon.awssdk.services.apigateway.model.Resource;

/** A REST API's routes: methods on resources, each with one integration (API Gateway v1). */
final class RouteRestApi implements RouteApi {
    private static final String OK = "200";

    private final ApiGatewayClient apiGateway;
    private final RouteEnvironment environment;
    private final ApiRef api;

    /** @param environment what adding and deleting need beyond API Gateway; null for a reader that only lists */
    RouteRestApi(ApiGatewayClient apiGateway, RouteEnvironment environment, ApiRef api) {
        this.apiGateway = apiGateway;
        this.environment = environment;
        this.api = api;
    }

    @Override
    public List<RouteInfo> list() {
        List<RouteInfo> routes = new ArrayList<>();
        for (Resource resource : resources()) {
            resource.resourceMethods().values().forEach(method -> routes.add(info(resource, method)));
        }
        return routes;
    }

    @Override
    public RouteChange add(RouteKey key, RouteTarget target, RouteAuth auth) {
        List<String> actions = new ArrayList<>();
        Resource resource = resourceFor(key, actions);
        String authorizerId = auth.kind() == RouteAuth.Kind.COGNITO
                ? RestCognitoAuthorizer.ensure(apiGateway, api.id(), auth, actions) : null;
        String credentials = target instanceof RouteTarget.SnsTopic sns ? environment.snsRole().ensure(api.id(), sns.arn(), actions) : null;
        PutIntegrationRequest integration = integration(resource.id(), key.method(), target, credentials);
        GetMethodResponse existing = resource.resourceMethods().containsKey(key.method())
                ? apiGateway.getMethod(b -> b.restApiId(api.id()).resourceId(resource.id()).httpMethod(key.method()))
                : null;
        String authorizationType = authorizationType(auth);
        if (existing == null) {
            putMethod(resource.id(), key.method(), authorizationType, authorizerId);
            putIntegration(integration, target, false);
            actions.add("created method " + key);
        } else {
            boolean replaced = false;
            if (!authorizationType.equals(authorizationType(existing)) || !Objects.equals(authorizerId, existing.authorizerId())) {
                replaced = changeAuth(resource.id(), key.method(), existing, authorizationType, authorizerId);
                actions.add("changed auth of " + key + " from " + authLabel(existing.authorizationType()) + " to " + auth.kind().label());
            }
            boolean sameIntegration = sameIntegration(existing.methodIntegration(), integration);
            if (replaced || !sameIntegration) {
                putIntegration(integration, target, !replaced && existing.hasMethodResponses() && existing.methodResponses().containsKey(OK));
            }
            if (!sameIntegration) {
                actions.add("pointed " + key + " at " + target.label() + targetBefore(existing.methodIntegration()));
            }
        }
        // what the route no longer calls or publishes to loses what dynctl made for it
        Integration before = existing == null ? null : existing.methodIntegration();
        String functionLeft = before == null ? null : LambdaIntegrationUri.functionArn(before.uri());
        if (target instanceof RouteTarget.Function function && function.arn().equals(functionLeft)) {
            functionLeft = null;
        }
        String topicLeft = before == null ? null : topicArn(before);
        if (target instanceof RouteTarget.SnsTopic topic && topic.arn().equals(topicLeft)) {
            topicLeft = null;
        }
        environment.release(api, key, functionLeft, topicLeft, this::list, actions);
        if (target instanceof RouteTarget.Function function
                && environment.permission().ensure(function.arn(), key.statementId(api.id()), environment.sourceArn(api, key, function.arn()))) {
            actions.add("allowed API Gateway to invoke " + function.name() + " for this route only");
        }
        RouteChange.Outcome outcome = existing == null ? RouteChange.Outcome.CREATED
                : actions.isEmpty() ? RouteChange.Outcome.UNCHANGED : RouteChange.Outcome.UPDATED;
        return new RouteChange(outcome, new RouteInfo(key, target.label(), target instanceof RouteTarget.Function f ? f.arn() : null,
                target instanceof RouteTarget.SnsTopic s ? s.arn() : null, auth.kind().label()), actions, null);
    }

    @Override
    public List<String> delete(RouteInfo route) {
        List<String> actions = new ArrayList<>();
        List<Resource> resources = resources();
        Map<String, Resource> byPath = new HashMap<>();
        resources.forEach(r -> byPath.put(r.path(), r));
        Resource resource = byPath.get(route.key().path());
        apiGateway.deleteMethod(b -> b.restApiId(api.id()).resourceId(resource.id()).httpMethod(route.key().method()));
        actions.add("deleted method " + route.key());
        List<String> gone = new ArrayList<>();
        Resource current = resource;
        boolean empty = resource.resourceMethods().size() == 1; // only the method just deleted
        while (empty && current.parentId() != null && !hasChildren(resources, current, gone)) {
            String id = current.id();
            apiGateway.deleteResource(b -> b.restApiId(api.id()).resourceId(id));
            actions.add("deleted resource " + current.path() + ", which had nothing left");
            gone.add(id);
            String parentId = current.parentId();
            current = resources.stream().filter(r -> r.id().equals(parentId)).findFirst().orElseThrow();
            empty = current.resourceMethods().isEmpty();
        }
        environment.release(api, route.key(), route.functionArn(), route.snsTopicArn(), this::list, actions);
        return actions;
    }

    @Override
    public boolean sameAuthorizer(RouteKey key, RouteAuth auth) {
        Method method = resources().stream().filter(r -> key.path().equals(r.path())).findFirst()
                .map(r -> r.resourceMethods().get(key.method())).orElse(null);
        if (method == null || method.authorizerId() == null || method.authorizerId().isEmpty()) {
            return false;
        }
        var authorizer = apiGateway.getAuthorizer(b -> b.restApiId(api.id()).authorizerId(method.authorizerId()));
        return auth.authorizerName().equals(authorizer.name()) && authorizer.providerARNs().contains(auth.userPoolArn());
    }

    private static boolean hasChildren(List<Resource> resources, Resource resource, List<String> gone) {
        return resources.stream().anyMatch(r -> resource.id().equals(r.parentId()) && !gone.contains(r.id()));
    }

    /** Every resource with its methods and their integrations, in one paginated GetResources. */
    private List<Resource> resources() {
        List<Resource> resources = new ArrayList<>();
        apiGateway.getResourcesPaginator(b -> b.restApiId(api.id()).embed("methods").limit(500)).items().forEach(resources::add);
        return resources;
    }

    /** The resource for the key's path, creating the segments that are missing. */
    private Resource resourceFor(RouteKey key, List<String> actions) {
        Map<String, Resource> byPath = new HashMap<>();
        resources().forEach(r -> byPath.put(r.path(), r));
        Resource parent = byPath.get("/");
        String path = "";
        for (String segment : key.segments()) {
            path += "/" + segment;
            Resource found = byPath.get(path);
            if (found == null) {
                String parentId = parent.id();
                var created = apiGateway.createResource(b -> b.restApiId(api.id()).parentId(parentId).pathPart(segment));
                found = Resource.builder().id(created.id()).parentId(parentId).pathPart(segment).path(path).build();
                actions.add("created resource " + path);
            }
            parent = found;
        }
        return parent;
    }

    private void putMethod(String resourceId, String httpMethod, String authorizationType, String authorizerId) {
        apiGateway.putMethod(b -> b.restApiId(api.id()).resourceId(resourceId).httpMethod(httpMethod)
                .authorizationType(authorizationType).authorizerId(authorizerId));
    }

    /**
     * Sets an existing method's auth in place (UpdateMethod), keeping its integration and responses.
     * Engines without UpdateMethod (moto) get the method deleted and put again, which drops its
     * integration and responses: true when that happened, so the caller puts them back. Any other
     * failure is the caller's, after the SDK's retries.
     */
    private boolean changeAuth(String resourceId, String httpMethod, GetMethodResponse existing, String authorizationType, String authorizerId) {
        List<PatchOperation> patch = new ArrayList<>();
        if (!authorizationType.equals(authorizationType(existing))) {
            patch.add(PatchOperation.builder().op(Op.REPLACE).path("/authorizationType").value(authorizationType).build());
        }
        if (!Objects.equals(authorizerId, existing.authorizerId())) {
            // an empty id takes the authorizer off a method that no longer uses one
            patch.add(PatchOperation.builder().op(Op.REPLACE).path("/authorizerId").value(authorizerId == null ? "" : authorizerId).build());
        }
        try {
            apiGateway.updateMethod(b -> b.restApiId(api.id()).resourceId(resourceId).httpMethod(httpMethod).patchOperations(patch));
            return false;
        } catch (SdkServiceException e) {
            if (!EngineGap.notImplemented(e)) {
                throw e;
            }
        }
        apiGateway.deleteMethod(b -> b.restApiId(api.id()).resourceId(resourceId).httpMethod(httpMethod));
        putMethod(resourceId, httpMethod, authorizationType, authorizerId);
        return true;
    }

    private PutIntegrationRequest integration(String resourceId, String httpMethod, RouteTarget target, String credentials) {
        var request = PutIntegrationRequest.builder().restApiId(api.id()).resourceId(resourceId).httpMethod(httpMethod)
                .integrationHttpMethod("POST");
        if (target instanceof RouteTarget.SnsTopic sns) {
            return request.type(IntegrationType.AWS).uri(SnsPublishIntegration.uri(sns.arn())).credentials(credentials)
                    .requestParameters(SnsPublishIntegration.requestParameters())
                    .requestTemplates(SnsPublishIntegration.requestTemplates(sns.arn()))
                    .passthroughBehavior("NEVER").build();
        }
        RouteTarget.Function function = (RouteTarget.Function) target;
        return request.type(IntegrationType.AWS_PROXY).uri(LambdaIntegrationUri.invocations(environment.region(), function.arn())).build();
    }

    /**
     * Puts the integration; SNS's also answers 200 with what SNS said (a proxy integration needs no
     * responses). The 200 method and integration responses are put only where missing: AWS refuses
     * (ConflictException) a method response that is already there.
     *
     * @param methodHas200 whether the method already has its 200 method response
     */
    private void putIntegration(PutIntegrationRequest integration, RouteTarget target, boolean methodHas200) {
        var put = apiGateway.putIntegration(integration);
        if (target instanceof RouteTarget.SnsTopic) {
            String resourceId = integration.resourceId();
            String httpMethod = integration.httpMethod();
            if (!methodHas200) {
                apiGateway.putMethodResponse(b -> b.restApiId(api.id()).resourceId(resourceId).httpMethod(httpMethod).statusCode(OK));
            }
            if (!put.hasIntegrationResponses() || !put.integrationResponses().containsKey(OK)) {
                apiGateway.putIntegrationResponse(b -> b.restApiId(api.id()).resourceId(resourceId).httpMethod(httpMethod)
                        .statusCode(OK).selectionPattern(""));
            }
        }
    }

    private static boolean sameIntegration(Integration existing, PutIntegrationRequest wanted) {
        return existing != null
                && wanted.typeAsString().equals(existing.typeAsString())
                && wanted.uri().equals(existing.uri())
                && Objects.equals(wanted.credentials(), existing.credentials())
                && (!wanted.hasRequestTemplates() || wanted.requestTemplates().equals(existing.requestTemplates()))
                && (!wanted.hasRequestParameters() || wanted.requestParameters().equals(existing.requestParameters()));
    }

    private String targetBefore(Integration integration) {
        String before = integration == null ? null : target(integration);
        return before == null ? "" : " (was " + before + ")";
    }

    private RouteInfo info(Resource resource, Method method) {
        RouteKey key = new RouteKey(method.httpMethod(), resource.path(), method.httpMethod() + " " + resource.path());
        Integration integration = method.methodIntegration();
        String functionArn = integration == null ? null : LambdaIntegrationUri.functionArn(integration.uri());
        String topicArn = integration == null ? null : topicArn(integration);
        return new RouteInfo(key, integration == null ? "(no integration)" : target(integration), functionArn, topicArn,
                authLabel(method.authorizationType()));
    }

    /** The topic an SNS Publish integration names; null for other integrations. */
    private static String topicArn(Integration integration) {
        return SnsPublishIntegration.isPublish(integration.uri()) && integration.hasRequestTemplates()
                ? SnsPublishIntegration.topicArn(integration.requestTemplates()) : null;
    }

    /** A function's name, "sns:topic", or the integration's type and URI for other integrations. */
    private static String target(Integration integration) {
        String functionArn = LambdaIntegrationUri.functionArn(integration.uri());
        if (functionArn != null) {
            return LambdaIntegrationUri.functionName(functionArn);
        }
        String topicArn = topicArn(integration);
        if (topicArn != null) {
            return new RouteTarget.SnsTopic(topicArn).label();
        }
        return integration.typeAsString() + (integration.uri() == null ? "" : " " + integration.uri());
    }

    private static String authorizationType(RouteAuth auth) {
        return switch (auth.kind()) {
            case NONE -> "NONE";
            case IAM -> "AWS_IAM";
            case COGNITO -> "COGNITO_USER_POOLS";
        };
    }

    /** The method's authorization type; a method without one (as OpenAPI imports leave them) is open to all, NONE. */
    private static String authorizationType(GetMethodResponse method) {
        return method.authorizationType() == null ? "NONE" : method.authorizationType();
    }

    /** none, iam, cognito, or the type API Gateway names in lower case; absent is none, as for API Gateway. */
    private static String authLabel(String authorizationType) {
        if (authorizationType == null) {
            return RouteAuth.Kind.NONE.label();
        }
        return switch (authorizationType) {
            case "NONE" -> "none";
            case "AWS_IAM" -> "iam";
            case "COGNITO_USER_POOLS" -> "cognito";
            default -> authorizationType.toLowerCase(java.util.Locale.ROOT);
        };
    }
}
