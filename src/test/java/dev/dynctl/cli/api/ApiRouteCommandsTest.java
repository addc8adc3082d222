package dev.dynctl.cli.api;

import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.codec.Json;
import dev.dynctl.testing.Cli;
import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import dev.dynctl.testing.MotoServer;
import dev.dynctl.testing.RecordingProxy;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigateway.model.GetMethodResponse;
import software.amazon.awssdk.services.apigateway.model.Resource;
import software.amazon.awssdk.services.apigatewayv2.model.Integration;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;
import software.amazon.awssdk.services.apigatewayv2.model.Route;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

class ApiRouteCommandsTest {
    private static final String ACCOUNT = "123456789012";
    private static final String POOL = "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbC123";

    // ---- REST ------------------------------------------------------------------------------

    @Test
    void restRouteCreatesResourcesMethodProxyIntegrationAndAPermissionForThatRouteOnly() throws Exception {
        Rest api = rest();
        String function = Engine.uniqueName("get-item");
        String functionArn = Engine.function(function);

        Result added = cli().aws("api", "route", "add", api.name, "GET /items/{id}", "--function", function);

        assertThat(added.code()).as(added.toString()).isZero();
        assertThat(added.err()).contains("Created route 'GET /items/{id}' on API '" + api.name + "' → " + function + ".");
        JsonNode document = Json.MAPPER.readTree(added.out());
        assertThat(document.path("outcome").asText()).isEqualTo("created");
        assertThat(document.path("actions").toString()).contains("created resource /items", "created resource /items/{id}");
        // in the order they happened: the resources, then the method on the last one
        assertThat(document.path("actions").get(0).asText()).isEqualTo("created resource /items");
        assertThat(document.path("actions").get(1).asText()).isEqualTo("created resource /items/{id}");
        assertThat(document.path("actions").get(2).asText()).isEqualTo("created method GET /items/{id}");
        assertThat(paths(api.id)).containsExactlyInAnyOrder("/", "/items", "/items/{id}");
        GetMethodResponse method = method(api.id, "/items/{id}", "GET");
        assertThat(method.authorizationType()).isEqualTo("NONE");
        assertThat(method.methodIntegration().typeAsString()).isEqualTo("AWS_PROXY");
        assertThat(method.methodIntegration().httpMethod()).isEqualTo("POST");
        assertThat(method.methodIntegration().uri())
                .isEqualTo("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/" + functionArn + "/invocations");
        JsonNode statement = onlyStatement(function);
        assertThat(statement.path("Principal").path("Service").asText()).isEqualTo("apigateway.amazonaws.com");
        assertThat(statement.path("Action").asText()).isEqualTo("lambda:InvokeFunction");
        assertThat(statement.path("Condition").path("ArnLike").path("AWS:SourceArn").asText())
                .isEqualTo("arn:aws:execute-api:us-east-1:" + ACCOUNT + ":" + api.id + "/*/GET/items/*");
        assertThat(statement.path("Sid").asText()).startsWith("dynctl-" + api.id + "-GET-");
    }

    @Test
    void addingTheSameRouteTwiceChangesNothingTheSecondTime() throws Exception {
        Rest api = rest();
        String function = Engine.uniqueName("fn");
        Engine.function(function);
        assertThat(cli().aws("api", "route", "add", api.id, "ANY /{proxy+}", "--function", function).code()).isZero();
        String policyBefore = Engine.lambda().getPolicy(b -> b.functionName(function)).policy();

        Result again = cli().aws("api", "route", "add", api.id, "ANY /{proxy+}", "--function", function);

        assertThat(again.code()).as(again.toString()).isZero();
        assertThat(again.err()).contains("is unchanged");
        JsonNode document = Json.MAPPER.readTree(again.out());
        assertThat(document.path("outcome").asText()).isEqualTo("unchanged");
        assertThat(document.path("actions")).isEmpty();
        assertThat(paths(api.id)).containsExactlyInAnyOrder("/", "/{proxy+}");
        assertThat(Engine.lambda().getPolicy(b -> b.functionName(function)).policy()).isEqualTo(policyBefore);
        assertThat(onlyStatement(function).path("Condition").path("ArnLike").path("AWS:SourceArn").asText())
                .isEqualTo("arn:aws:execute-api:us-east-1:" + ACCOUNT + ":" + api.id + "/*/*/*");
    }

    @Test
    void aRouteWithAnotherTargetIsUpdatedAndTheOldFunctionLosesItsPermission() throws Exception {
        Rest api = rest();
        String first = Engine.uniqueName("first");
        String second = Engine.uniqueName("second");
        Engine.function(first);
        String secondArn = Engine.function(second);
        cli().aws("api", "route", "add", api.name, "POST /orders", "--function", first);

        Result moved = cli().aws("api", "route", "add", api.name, "POST /orders", "--function", second);

        assertThat(moved.code()).as(moved.toString()).isZero();
        assertThat(moved.err()).contains("Updated route 'POST /orders'", "pointed POST /orders at " + second + " (was " + first + ")");
        assertThat(Json.MAPPER.readTree(moved.out()).path("outcome").asText()).isEqualTo("updated");
        assertThat(method(api.id, "/orders", "POST").methodIntegration().uri()).contains(secondArn);
        assertThatThrownBy(() -> Engine.lambda().getPolicy(b -> b.functionName(first))).isInstanceOf(ResourceNotFoundException.class);
        assertThat(onlyStatement(second).path("Condition").path("ArnLike").path("AWS:SourceArn").asText())
                .endsWith(api.id + "/*/POST/orders");
    }

    @Test
    void restAuthIamAndCognitoWithOneAuthorizerPerPool() throws Exception {
        Rest api = rest();
        String function = Engine.uniqueName("fn");
        Engine.function(function);

        Result iam = cli().aws("api", "route", "add", api.name, "GET /private", "--function", function, "--auth", "iam");
        assertThat(iam.code()).as(iam.toString()).isZero();
        assertThat(method(api.id, "/private", "GET").authorizationType()).isEqualTo("AWS_IAM");

        for (String path : List.of("/me", "/me/orders")) {
            Result cognito = cli().aws("api", "route", "add", api.name, "GET " + path, "--function", function,
                    "--auth", "cognito", "--user-pool", POOL);
            assertThat(cognito.code()).as(cognito.toString()).isZero();
        }
        var authorizers = Engine.apiGateway().getAuthorizers(b -> b.restApiId(api.id)).items();
        assertThat(authorizers).hasSize(1);
        assertThat(authorizers.get(0).typeAsString()).isEqualTo("COGNITO_USER_POOLS");
        assertThat(authorizers.get(0).providerARNs()).containsExactly(POOL);
        GetMethodResponse me = method(api.id, "/me/orders", "GET");
        assertThat(me.authorizationType()).isEqualTo("COGNITO_USER_POOLS");
        assertThat(me.authorizerId()).isEqualTo(authorizers.get(0).id());

        Result opened = cli().aws("api", "route", "add", api.name, "GET /private", "--function", function);
        assertThat(opened.err()).contains("changed auth of GET /private from iam to none");
        GetMethodResponse open = method(api.id, "/private", "GET");
        assertThat(open.authorizationType()).isEqualTo("NONE");
        assertThat(open.methodIntegration().typeAsString()).isEqualTo("AWS_PROXY");

        Result listed = cli().aws("api", "routes", api.name);
        assertThat(Json.MAPPER.readTree(listed.out()).toString()).contains(
                "{\"method\":\"GET\",\"path\":\"/me/orders\",\"target\":\"" + function + "\",\"auth\":\"cognito\"}",
                "{\"method\":\"GET\",\"path\":\"/private\",\"target\":\"" + function + "\",\"auth\":\"none\"}");
    }

    @Test
    void snsRoutePublishesTheBodyThroughARoleThatMayPublishToThatTopicOnly() throws Exception {
        Rest api = rest();
        String topic = "arn:aws:sns:us-east-1:" + ACCOUNT + ":" + Engine.uniqueName("events");

        Result added = cli().aws("api", "route", "add", api.name, "POST /events", "--sns-topic", topic);

        assertThat(added.code()).as(added.toString()).isZero();
        GetMethodResponse method = method(api.id, "/events", "POST");
        var integration = method.methodIntegration();
        assertThat(integration.typeAsString()).isEqualTo("AWS");
        assertThat(integration.httpMethod()).isEqualTo("POST");
        assertThat(integration.uri()).isEqualTo("arn:aws:apigateway:us-east-1:sns:action/Publish");
        assertThat(integration.requestParameters())
                .containsEntry("integration.request.header.Content-Type", "'application/x-www-form-urlencoded'");
        assertThat(integration.requestTemplates().get("application/json"))
                .isEqualTo("Action=Publish&TopicArn=$util.urlEncode('" + topic + "')&Message=$util.urlEncode($input.body)");
        assertThat(integration.integrationResponses()).containsKey("200");
        assertThat(method.methodResponses()).containsKey("200");

        String roleName = integration.credentials().substring(integration.credentials().lastIndexOf('/') + 1);
        assertThat(roleName).startsWith("dynctl-" + api.id + "-sns-");
        var role = Engine.iam().getRole(b -> b.roleName(roleName)).role();
        JsonNode trust = Json.MAPPER.readTree(URLDecoder.decode(role.assumeRolePolicyDocument(), StandardCharsets.UTF_8));
        assertThat(trust.path("Statement")).hasSize(1);
        assertThat(trust.path("Statement").get(0).path("Principal").path("Service").asText()).isEqualTo("apigateway.amazonaws.com");
        assertThat(trust.path("Statement").get(0).path("Action").asText()).isEqualTo("sts:AssumeRole");
        assertThat(Engine.iam().listRolePolicies(b -> b.roleName(roleName)).policyNames()).containsExactly("sns-publish");
        assertThat(Engine.iam().listAttachedRolePolicies(b -> b.roleName(roleName)).attachedPolicies()).isEmpty();
        JsonNode policy = Json.MAPPER.readTree(URLDecoder.decode(
                Engine.iam().getRolePolicy(b -> b.roleName(roleName).policyName("sns-publish")).policyDocument(), StandardCharsets.UTF_8));
        assertThat(policy.path("Statement")).hasSize(1);
        assertThat(policy.path("Statement").get(0).path("Effect").asText()).isEqualTo("Allow");
        assertThat(policy.path("Statement").get(0).path("Action").asText()).isEqualTo("sns:Publish");
        assertThat(policy.path("Statement").get(0).path("Resource").asText()).isEqualTo(topic);

        Result again = cli().aws("api", "route", "add", api.name, "POST /events", "--sns-topic", topic);
        assertThat(again.err()).contains("is unchanged");
        assertThat(Json.MAPPER.readTree(again.out()).path("actions")).isEmpty();

        Result listed = cli().aws("api", "routes", api.name);
        assertThat(listed.out()).contains("\"target\": \"sns:" + topic.substring(topic.lastIndexOf(':') + 1) + "\"");

        Result deleted = cli().aws("api", "route", "delete", api.name, "POST /events", "--yes");
        assertThat(deleted.code()).as(deleted.toString()).isZero();
        assertThatThrownBy(() -> Engine.iam().getRole(b -> b.roleName(roleName))).isInstanceOf(NoSuchEntityException.class);
        assertThat(paths(api.id)).containsExactly("/");
    }

    @Test
    void deletingARestRouteRemovesTheMethodTheResourcesLeftEmptyAndThePermission() throws Exception {
        Rest api = rest();
        String function = Engine.uniqueName("fn");
        Engine.function(function);
        cli().aws("api", "route", "add", api.name, "GET /items", "--function", function);
        cli().aws("api", "route", "add", api.name, "GET /items/{id}/parts/{part}", "--function", function);

        Result refused = cli().aws("api", "route", "delete", api.name, "GET /items/{id}/parts/{part}", "--no-input");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("--yes");

        Result deleted = cli().aws("api", "route", "delete", api.name, "GET /items/{id}/parts/{part}", "--yes");

        assertThat(deleted.code()).as(deleted.toString()).isZero();
        assertThat(deleted.err()).contains("Deleted route 'GET /items/{id}/parts/{part}'");
        assertThat(paths(api.id)).containsExactlyInAnyOrder("/", "/items");
        assertThat(onlyStatement(function).path("Condition").path("ArnLike").path("AWS:SourceArn").asText()).endsWith("/*/GET/items");

        Result confirmed = cli().stdin("GET /items\n").aws("api", "route", "delete", api.name, "get /items");
        assertThat(confirmed.code()).as(confirmed.toString()).isZero();
        assertThat(paths(api.id)).containsExactly("/");
        assertThatThrownBy(() -> Engine.lambda().getPolicy(b -> b.functionName(function))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void movingAnSnsRouteToAnotherTopicPutsNoResponseTwiceAndDropsTheOldRoleWithItsLastRoute() throws Exception {
        Rest api = rest();
        String first = topic("first");
        String second = topic("second");
        cli().aws("api", "route", "add", api.name, "POST /events", "--sns-topic", first);
        cli().aws("api", "route", "add", api.name, "POST /audit", "--sns-topic", first);
        String firstRole = roleOf(method(api.id, "/events", "POST"));

        Result moved;
        try (RecordingProxy proxy = new RecordingProxy(MotoServer.get().endpoint(), (verb, path) -> null)) {
            moved = viaProxy(proxy, "api", "route", "add", api.name, "POST /events", "--sns-topic", second);
            // AWS refuses a method response that is there already (ConflictException); moto would not say
            assertThat(proxy.requests()).noneMatch(r -> r.matches("PUT /restapis/" + api.id + "/resources/[^/]+/methods/POST/responses/200"));
        }

        assertThat(moved.code()).as(moved.toString()).isZero();
        assertThat(moved.err()).contains("pointed POST /events at " + label(second) + " (was " + label(first) + ")")
                .doesNotContain("deleted role");
        GetMethodResponse events = method(api.id, "/events", "POST");
        assertThat(events.methodIntegration().requestTemplates().get("application/json")).contains("TopicArn=$util.urlEncode('" + second + "')");
        assertThat(events.methodResponses()).containsKey("200");
        assertThat(events.methodIntegration().integrationResponses()).containsKey("200");
        String secondRole = roleOf(events);
        assertThat(secondRole).isNotEqualTo(firstRole);
        assertThat(Engine.iam().getRole(b -> b.roleName(firstRole)).role().roleName()).as("POST /audit still publishes to it").isEqualTo(firstRole);

        Result last = cli().aws("api", "route", "add", api.name, "POST /audit", "--sns-topic", second);

        assertThat(last.code()).as(last.toString()).isZero();
        assertThat(last.err()).contains("deleted role " + firstRole + ", which no route used any more");
        assertThatThrownBy(() -> Engine.iam().getRole(b -> b.roleName(firstRole))).isInstanceOf(NoSuchEntityException.class);
        assertThat(Engine.iam().getRole(b -> b.roleName(secondRole)).role().roleName()).isEqualTo(secondRole);
    }

    @Test
    void movingARouteBetweenAFunctionAndATopicLeavesNeitherPermissionNorRoleBehind() throws Exception {
        Rest api = rest();
        String function = Engine.uniqueName("fn");
        String functionArn = Engine.function(function);
        String topic = topic("events");
        cli().aws("api", "route", "add", api.name, "POST /events", "--function", function);

        Result toTopic;
        try (RecordingProxy proxy = new RecordingProxy(MotoServer.get().endpoint(), (verb, path) -> null)) {
            toTopic = viaProxy(proxy, "api", "route", "add", api.name, "POST /events", "--sns-topic", topic);
            assertThat(proxy.requests()).filteredOn(r -> r.matches("PUT /restapis/" + api.id + "/resources/[^/]+/methods/POST/responses/200"))
                    .hasSize(1);
        }

        assertThat(toTopic.code()).as(toTopic.toString()).isZero();
        assertThat(toTopic.err()).contains("pointed POST /events at " + label(topic) + " (was " + function + ")",
                "removed the permission for POST /events from " + function);
        assertThatThrownBy(() -> Engine.lambda().getPolicy(b -> b.functionName(function))).isInstanceOf(ResourceNotFoundException.class);
        GetMethodResponse published = method(api.id, "/events", "POST");
        assertThat(published.methodIntegration().typeAsString()).isEqualTo("AWS");
        assertThat(published.methodResponses()).containsKey("200");
        assertThat(published.methodIntegration().integrationResponses()).containsKey("200");
        String role = roleOf(published);

        Result toFunction = cli().aws("api", "route", "add", api.name, "POST /events", "--function", function);

        assertThat(toFunction.code()).as(toFunction.toString()).isZero();
        assertThat(toFunction.err()).contains("pointed POST /events at " + function + " (was " + label(topic) + ")",
                "deleted role " + role);
        assertThatThrownBy(() -> Engine.iam().getRole(b -> b.roleName(role))).isInstanceOf(NoSuchEntityException.class);
        assertThat(method(api.id, "/events", "POST").methodIntegration().uri()).contains(functionArn);
        assertThat(onlyStatement(function).path("Condition").path("ArnLike").path("AWS:SourceArn").asText()).endsWith(api.id + "/*/POST/events");
    }

    @Test
    void aFifoTopicGetsAMessageGroupAndDeduplicationIdPerRequest() {
        Rest api = rest();
        String topic = "arn:aws:sns:us-east-1:" + ACCOUNT + ":" + Engine.uniqueName("orders") + ".fifo";

        Result added = cli().aws("api", "route", "add", api.name, "POST /orders", "--sns-topic", topic);

        assertThat(added.code()).as(added.toString()).isZero();
        assertThat(method(api.id, "/orders", "POST").methodIntegration().requestTemplates()).allSatisfy((type, template) ->
                assertThat(template).isEqualTo("Action=Publish&TopicArn=$util.urlEncode('" + topic + "')&Message=$util.urlEncode($input.body)"
                        + "&MessageGroupId=$util.urlEncode($context.requestId)&MessageDeduplicationId=$util.urlEncode($context.requestId)"));
    }

    @Test
    void restAuthChangesInPlaceWhereTheEngineHasUpdateMethodAndATransientFailureIsNotAFallback() {
        Rest api = rest();
        String function = Engine.uniqueName("fn");
        Engine.function(function);
        cli().aws("api", "route", "add", api.name, "GET /private", "--function", function);
        String methodPath = "/restapis/" + api.id + "/resources/" + resourceId(api.id, "/private") + "/methods/GET";

        // AWS: UpdateMethod answers the method; moto has none, which the other tests' fallback covers
        try (RecordingProxy proxy = new RecordingProxy(MotoServer.get().endpoint(), (verb, path) -> verb.equals("PATCH") && path.equals(methodPath)
                ? new RecordingProxy.Answer(200, "{\"httpMethod\":\"GET\",\"authorizationType\":\"AWS_IAM\"}") : null)) {
            Result changed = viaProxy(proxy, "api", "route", "add", api.name, "GET /private", "--function", function, "--auth", "iam");

            assertThat(changed.code()).as(changed.toString()).isZero();
            assertThat(changed.err()).contains("changed auth of GET /private from none to iam");
            assertThat(proxy.requests()).contains("PATCH " + methodPath)
                    .doesNotContain("DELETE " + methodPath, "PUT " + methodPath, "PUT " + methodPath + "/integration");
        }

        try (RecordingProxy proxy = new RecordingProxy(MotoServer.get().endpoint(), (verb, path) -> verb.equals("PATCH") && path.equals(methodPath)
                ? new RecordingProxy.Answer(500, "{\"message\":\"Internal server error\"}") : null)) {
            Result failed = viaProxy(proxy, "api", "route", "add", api.name, "GET /private", "--function", function, "--auth", "iam");

            assertThat(failed.code()).as(failed.toString()).isEqualTo(1);
            assertThat(failed.err()).contains("HTTP 500").doesNotContain("Exception");
            assertThat(proxy.requests()).filteredOn(r -> r.equals("PATCH " + methodPath)).as("the SDK retried").hasSizeGreaterThan(1);
            assertThat(proxy.requests()).doesNotContain("DELETE " + methodPath, "PUT " + methodPath);
        }
        GetMethodResponse untouched = method(api.id, "/private", "GET");
        assertThat(untouched.authorizationType()).isEqualTo("NONE");
        assertThat(untouched.methodIntegration().typeAsString()).isEqualTo("AWS_PROXY");
    }

    // ---- HTTP and WebSocket --------------------------------------------------------------

    @Test
    void httpRoutesShareOneProxyIntegrationPerFunction() throws Exception {
        String name = Engine.uniqueName("http");
        String apiId = Engine.apiGatewayV2().createApi(b -> b.name(name).protocolType(ProtocolType.HTTP)).apiId();
        String function = Engine.uniqueName("fn");
        String functionArn = Engine.function(function);

        Result get = cli().aws("api", "route", "add", name, "GET /items/{id}", "--function", function);
        Result put = cli().aws("api", "route", "add", name, "PUT /items/{id}", "--function", function, "--auth", "iam");
        Result fallback = cli().aws("api", "route", "add", name, "$default", "--function", function);

        assertThat(List.of(get, put, fallback)).allSatisfy(r -> assertThat(r.code()).as(r.toString()).isZero());
        List<Integration> integrations = Engine.apiGatewayV2().getIntegrations(b -> b.apiId(apiId)).items();
        assertThat(integrations).hasSize(1);
        assertThat(integrations.get(0).integrationTypeAsString()).isEqualTo("AWS_PROXY");
        assertThat(integrations.get(0).payloadFormatVersion()).isEqualTo("2.0");
        assertThat(integrations.get(0).integrationUri()).isEqualTo(functionArn);
        Map<String, Route> routes = v2Routes(apiId);
        assertThat(routes.keySet()).containsExactlyInAnyOrder("GET /items/{id}", "PUT /items/{id}", "$default");
        assertThat(routes.values()).allSatisfy(r -> assertThat(r.target()).isEqualTo("integrations/" + integrations.get(0).integrationId()));
        assertThat(routes.get("PUT /items/{id}").authorizationTypeAsString()).isEqualTo("AWS_IAM");
        assertThat(sourceArns(function)).containsExactlyInAnyOrder(
                "arn:aws:execute-api:us-east-1:" + ACCOUNT + ":" + apiId + "/*/GET/items/*",
                "arn:aws:execute-api:us-east-1:" + ACCOUNT + ":" + apiId + "/*/PUT/items/*",
                "arn:aws:execute-api:us-east-1:" + ACCOUNT + ":" + apiId + "/*/$default");

        Result again = cli().aws("api", "route", "add", name, "PUT /items/{id}", "--function", function, "--auth", "iam");
        assertThat(again.err()).contains("is unchanged");
        assertThat(Engine.apiGatewayV2().getIntegrations(b -> b.apiId(apiId)).items()).hasSize(1);
        assertThat(v2Routes(apiId)).hasSize(3);
        assertThat(sourceArns(function)).hasSize(3);

        Result table = cli().aws("api", "routes", name, "-o", "table");
        assertThat(table.out()).contains("method", "path", "target", "auth", "/items/{id}", "$default", function, "iam");
    }

    @Test
    void httpCognitoRoutesUseOneJwtAuthorizerForThePool() throws Exception {
        String name = Engine.uniqueName("http");
        String apiId = Engine.apiGatewayV2().createApi(b -> b.name(name).protocolType(ProtocolType.HTTP)).apiId();
        String function = Engine.uniqueName("fn");
        Engine.function(function);

        Result noClient = cli().aws("api", "route", "add", name, "GET /me", "--function", function, "--auth", "cognito", "--user-pool", POOL);
        assertThat(noClient.code()).isEqualTo(2);
        assertThat(noClient.err()).contains("--client-id");

        for (String key : List.of("GET /me", "POST /me")) {
            Result added = cli().aws("api", "route", "add", name, key, "--function", function,
                    "--auth", "cognito", "--user-pool", POOL, "--client-id", "client1");
            assertThat(added.code()).as(added.toString()).isZero();
        }
        Map<String, Route> routes = v2Routes(apiId);
        assertThat(routes.values()).allSatisfy(r -> assertThat(r.authorizationTypeAsString()).isEqualTo("JWT"));
        String authorizerId = routes.get("GET /me").authorizerId();
        assertThat(routes.get("POST /me").authorizerId()).isEqualTo(authorizerId);
        var authorizer = Engine.apiGatewayV2().getAuthorizer(b -> b.apiId(apiId).authorizerId(authorizerId));
        assertThat(authorizer.authorizerTypeAsString()).isEqualTo("JWT");
        assertThat(authorizer.jwtConfiguration().issuer()).isEqualTo("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123");
        assertThat(authorizer.jwtConfiguration().audience()).containsExactly("client1");
        assertThat(authorizer.identitySource()).containsExactly("$request.header.Authorization");

        Result listed = cli().aws("api", "routes", name);
        assertThat(listed.out()).contains("\"auth\": \"cognito\"");
    }

    @Test
    void httpRouteMovingFunctionAndAuthTogetherSaysBothAndNoneTakesTheAuthorizerOff() throws Exception {
        String name = Engine.uniqueName("http");
        String apiId = Engine.apiGatewayV2().createApi(b -> b.name(name).protocolType(ProtocolType.HTTP)).apiId();
        String first = Engine.uniqueName("first");
        String second = Engine.uniqueName("second");
        Engine.function(first);
        Engine.function(second);
        Result cognito = cli().aws("api", "route", "add", name, "POST /pay", "--function", first,
                "--auth", "cognito", "--user-pool", POOL, "--client-id", "client1");
        assertThat(cognito.code()).as(cognito.toString()).isZero();
        assertThat(v2Routes(apiId).get("POST /pay").authorizerId()).isNotEmpty();

        Result none = cli().aws("api", "route", "add", name, "POST /pay", "--function", second);
        assertThat(none.code()).as(none.toString()).isZero();
        assertThat(Json.MAPPER.readTree(none.out()).path("actions").toString()).contains(
                "pointed POST /pay at " + second + " (was " + first + ")", "changed auth of POST /pay from cognito to none");
        assertThat(none.err()).contains("changed auth of POST /pay from cognito to none");
        Route open = v2Routes(apiId).get("POST /pay");
        assertThat(open.authorizationTypeAsString()).isEqualTo("NONE");
        // AWS needs an empty id to take the authorizer off; moto keeps the empty id it was sent
        assertThat(open.authorizerId()).isNullOrEmpty();
        assertThat(cli().aws("api", "route", "add", name, "POST /pay", "--function", second).err()).contains("is unchanged");

        Result iam = cli().aws("api", "route", "add", name, "POST /pay", "--function", first, "--auth", "iam");
        assertThat(Json.MAPPER.readTree(iam.out()).path("actions").toString()).contains(
                "pointed POST /pay at " + first + " (was " + second + ")", "changed auth of POST /pay from none to iam");
        assertThat(v2Routes(apiId).get("POST /pay").authorizationTypeAsString()).isEqualTo("AWS_IAM");

        Result back = cli().aws("api", "route", "add", name, "POST /pay", "--function", second,
                "--auth", "cognito", "--user-pool", POOL, "--client-id", "client1");
        assertThat(back.code()).as(back.toString()).isZero();
        assertThat(Json.MAPPER.readTree(back.out()).path("actions").toString()).contains(
                "pointed POST /pay at " + second + " (was " + first + ")", "changed auth of POST /pay from iam to cognito");
        Route jwt = v2Routes(apiId).get("POST /pay");
        assertThat(jwt.authorizationTypeAsString()).isEqualTo("JWT");
        assertThat(jwt.authorizerId()).isNotEmpty();
    }

    @Test
    void aRouteToAnAliasCallsTheAliasSoMovingTheAliasMovesTheRoute() throws Exception {
        String function = Engine.uniqueName("get-item");
        String functionArn = Engine.function(function);
        Engine.lambda().publishVersion(b -> b.functionName(function));
        Engine.lambda().createAlias(b -> b.functionName(function).name("live").functionVersion("1"));
        String aliasArn = functionArn + ":live";

        String http = Engine.uniqueName("http");
        String httpId = Engine.apiGatewayV2().createApi(b -> b.name(http).protocolType(ProtocolType.HTTP)).apiId();
        Result onHttp = cli().aws("api", "route", "add", http, "GET /items", "--function", function + ":live");
        assertThat(onHttp.code()).as(onHttp.toString()).isZero();
        assertThat(onHttp.err()).contains("→ " + function + ":live.");
        assertThat(Engine.apiGatewayV2().getIntegrations(b -> b.apiId(httpId)).items().get(0).integrationUri()).isEqualTo(aliasArn);
        assertThat(Json.MAPPER.readTree(cli().aws("api", "routes", http).out()).toString()).contains("\"target\":\"" + function + ":live\"");

        Rest rest = rest();
        Result onRest = cli().aws("api", "route", "add", rest.name, "GET /items", "--function", aliasArn);
        assertThat(onRest.code()).as(onRest.toString()).isZero();
        assertThat(method(rest.id, "/items", "GET").methodIntegration().uri())
                .isEqualTo("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/" + aliasArn + "/invocations");

        // the permissions are the alias's, which is what API Gateway invokes
        JsonNode aliasPolicy = Json.MAPPER.readTree(Engine.lambda().getPolicy(b -> b.functionName(function).qualifier("live")).policy());
        assertThat(aliasPolicy.path("Statement").findValuesAsText("AWS:SourceArn")).containsExactlyInAnyOrder(
                "arn:aws:execute-api:us-east-1:" + ACCOUNT + ":" + httpId + "/*/GET/items",
                "arn:aws:execute-api:us-east-1:" + ACCOUNT + ":" + rest.id + "/*/GET/items");

        assertThat(cli().aws("api", "route", "add", http, "GET /items", "--function", function + ":live").err()).contains("is unchanged");
    }

    @Test
    void aTransientFailureOfGetAuthorizersIsNotMistakenForAnEngineWithoutIt() {
        String name = Engine.uniqueName("http");
        String apiId = Engine.apiGatewayV2().createApi(b -> b.name(name).protocolType(ProtocolType.HTTP)).apiId();
        String function = Engine.uniqueName("fn");
        Engine.function(function);
        String authorizers = "/v2/apis/" + apiId + "/authorizers";

        try (RecordingProxy proxy = new RecordingProxy(MotoServer.get().endpoint(), (verb, path) -> verb.equals("GET") && path.equals(authorizers)
                ? new RecordingProxy.Answer(500, "{\"message\":\"Internal server error\"}") : null)) {
            Result failed = viaProxy(proxy, "api", "route", "add", name, "GET /me", "--function", function,
                    "--auth", "cognito", "--user-pool", POOL, "--client-id", "client1");

            assertThat(failed.code()).as(failed.toString()).isEqualTo(1);
            assertThat(failed.err()).contains("HTTP 500").doesNotContain("Exception");
            assertThat(proxy.requests()).filteredOn(r -> r.equals("GET " + authorizers)).as("the SDK retried").hasSizeGreaterThan(1);
            assertThat(proxy.requests()).noneMatch(r -> r.startsWith("GET " + authorizers + "/") || r.equals("POST " + authorizers));
        }
        assertThat(Engine.apiGatewayV2().getRoutes(b -> b.apiId(apiId)).items()).isEmpty();
        assertThat(Engine.apiGatewayV2().getIntegrations(b -> b.apiId(apiId)).items()).isEmpty();
    }

    @Test
    void webSocketRoutesForConnectionEventsAndActions() throws Exception {
        String name = Engine.uniqueName("chat");
        String apiId = Engine.apiGatewayV2().createApi(b -> b.name(name).protocolType(ProtocolType.WEBSOCKET)
                .routeSelectionExpression("$request.body.action")).apiId();
        String function = Engine.uniqueName("fn");
        String functionArn = Engine.function(function);

        Result connect = cli().aws("api", "route", "add", name, "$connect", "--function", function, "--auth", "iam");
        Result disconnect = cli().aws("api", "route", "add", name, "$disconnect", "--function", function);
        Result send = cli().aws("api", "route", "add", name, "sendMessage", "--function", function);

        assertThat(List.of(connect, disconnect, send)).allSatisfy(r -> assertThat(r.code()).as(r.toString()).isZero());
        assertThat(send.err()).contains("Messages whose $request.body.action is 'sendMessage' reach this route");
        Map<String, Route> routes = v2Routes(apiId);
        assertThat(routes.keySet()).containsExactlyInAnyOrder("$connect", "$disconnect", "sendMessage");
        assertThat(routes.get("$connect").authorizationTypeAsString()).isEqualTo("AWS_IAM");
        // an action route answers (two-way, its response selected by $default); connection events do not
        assertThat(routes.get("sendMessage").routeResponseSelectionExpression()).isEqualTo("$default");
        assertThat(routes.get("$connect").routeResponseSelectionExpression()).isNull();
        assertThat(routes.get("$disconnect").routeResponseSelectionExpression()).isNull();
        List<Integration> integrations = Engine.apiGatewayV2().getIntegrations(b -> b.apiId(apiId)).items();
        assertThat(integrations).hasSize(1);
        assertThat(integrations.get(0).integrationUri())
                .isEqualTo("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/" + functionArn + "/invocations");
        assertThat(sourceArns(function)).contains("arn:aws:execute-api:us-east-1:" + ACCOUNT + ":" + apiId + "/*/$connect",
                "arn:aws:execute-api:us-east-1:" + ACCOUNT + ":" + apiId + "/*/sendMessage");

        Result authOnAction = cli().aws("api", "route", "add", name, "sendMessage", "--function", function, "--auth", "iam");
        assertThat(authOnAction.code()).isEqualTo(2);
        assertThat(authOnAction.err()).contains("'$connect' only");
        assertThat(cli().aws("api", "route", "add", name, "$connect", "--function", function, "--auth", "cognito",
                "--user-pool", POOL).code()).isEqualTo(2);
        assertThat(cli().aws("api", "route", "add", name, "GET /x", "--function", function).code()).isEqualTo(2);

        Result listed = cli().aws("api", "routes", name);
        JsonNode rows = Json.MAPPER.readTree(listed.out());
        assertThat(rows.findValuesAsText("path")).containsExactly("$connect", "$disconnect", "sendMessage");
    }

    @Test
    void deletingAV2RouteKeepsTheIntegrationOthersUseAndDropsTheLastOnesWithIt() throws Exception {
        String name = Engine.uniqueName("http");
        String apiId = Engine.apiGatewayV2().createApi(b -> b.name(name).protocolType(ProtocolType.HTTP)).apiId();
        String function = Engine.uniqueName("fn");
        Engine.function(function);
        cli().aws("api", "route", "add", name, "GET /a", "--function", function);
        cli().aws("api", "route", "add", name, "GET /b", "--function", function);

        Result first = cli().aws("api", "route", "delete", name, "GET /a", "--yes");
        assertThat(first.code()).as(first.toString()).isZero();
        assertThat(v2Routes(apiId).keySet()).containsExactly("GET /b");
        assertThat(Engine.apiGatewayV2().getIntegrations(b -> b.apiId(apiId)).items()).hasSize(1);
        assertThat(sourceArns(function)).containsExactly("arn:aws:execute-api:us-east-1:" + ACCOUNT + ":" + apiId + "/*/GET/b");

        Result last = cli().aws("api", "route", "delete", name, "GET /b", "--yes");
        assertThat(last.code()).as(last.toString()).isZero();
        assertThat(v2Routes(apiId)).isEmpty();
        assertThat(Engine.apiGatewayV2().getIntegrations(b -> b.apiId(apiId)).items()).isEmpty();
    }

    // ---- not found and bad input -------------------------------------------------------

    @Test
    void unknownApiFunctionOrRouteIsExit3() {
        Rest api = rest();
        String function = Engine.uniqueName("known");
        Engine.function(function);
        cli().aws("api", "route", "add", api.name, "GET /items", "--function", function);

        Result noApi = cli().aws("api", "route", "add", api.name + "-nope", "GET /items", "--function", function);
        assertThat(noApi.code()).isEqualTo(3);
        assertThat(noApi.err()).contains("API '" + api.name + "-nope' not found");

        Result noFunction = cli().aws("api", "route", "add", api.name, "GET /items", "--function", function + "x");
        assertThat(noFunction.code()).isEqualTo(3);
        assertThat(noFunction.err()).contains("Function '" + function + "x' not found in", "Did you mean '" + function + "'?");

        Result noRoute = cli().aws("api", "route", "delete", api.name, "POST /items", "--yes");
        assertThat(noRoute.code()).isEqualTo(3);
        assertThat(noRoute.err()).contains("Route 'POST /items' not found in API '" + api.name + "'", "Its routes: GET /items.");

        assertThat(cli().aws("api", "routes", api.name + "-nope").code()).isEqualTo(3);
    }

    @Test
    void malformedRoutesAndTargetsAreExit2() {
        Rest api = rest();
        String function = Engine.uniqueName("fn");
        Engine.function(function);

        Result malformed = cli().aws("api", "route", "add", api.name, "GET items", "--function", function);
        assertThat(malformed.code()).isEqualTo(2);
        assertThat(malformed.err()).contains("The route 'GET items' is malformed", "'GET /items/{id}'");

        assertThat(cli().aws("api", "route", "add", api.name, "$default", "--function", function).code()).isEqualTo(2);
        assertThat(cli().aws("api", "route", "add", api.name, "GET /x", "--function", function, "--sns-topic",
                "arn:aws:sns:us-east-1:123456789012:t").code()).isEqualTo(2);
        assertThat(cli().aws("api", "route", "add", api.name, "GET /x").code()).isEqualTo(2);
        assertThat(cli().aws("api", "route", "add", api.name, "POST /x", "--sns-topic", "not-an-arn").code()).isEqualTo(2);
        assertThat(cli().aws("api", "route", "add", api.name, "GET /x", "--function", function, "--auth", "cognito").code()).isEqualTo(2);
        Result clientIdsOnRest = cli().aws("api", "route", "add", api.name, "GET /x", "--function", function, "--auth", "cognito",
                "--user-pool", POOL, "--client-id", "client1");
        assertThat(clientIdsOnRest.code()).isEqualTo(2);
        assertThat(clientIdsOnRest.err()).contains("A REST API's Cognito authorizer accepts the tokens of every app client of the pool");

        String http = Engine.uniqueName("http");
        Engine.apiGatewayV2().createApi(b -> b.name(http).protocolType(ProtocolType.HTTP));
        Result snsOnHttp = cli().aws("api", "route", "add", http, "POST /x", "--sns-topic", "arn:aws:sns:us-east-1:123456789012:t");
        assertThat(snsOnHttp.code()).isEqualTo(2);
        assertThat(snsOnHttp.err()).contains("--sns-topic needs a REST API; '" + http + "' is an HTTP API.");
        assertThat(paths(api.id)).containsExactly("/");
    }

    // ---- helpers -----------------------------------------------------------------------

    private record Rest(String id, String name) {
    }

    private static Rest rest() {
        String name = Engine.uniqueName("rest");
        return new Rest(Engine.apiGateway().createRestApi(b -> b.name(name)).id(), name);
    }

    private static String topic(String prefix) {
        return "arn:aws:sns:us-east-1:" + ACCOUNT + ":" + Engine.uniqueName(prefix);
    }

    /** How routes name a topic: "sns:" and its name. */
    private static String label(String topicArn) {
        return "sns:" + topicArn.substring(topicArn.lastIndexOf(':') + 1);
    }

    /** The name of the role an SNS method's integration assumes. */
    private static String roleOf(GetMethodResponse method) {
        String credentials = method.methodIntegration().credentials();
        return credentials.substring(credentials.lastIndexOf('/') + 1);
    }

    /** dynctl run against a recording proxy in front of moto. */
    private static Result viaProxy(RecordingProxy proxy, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--endpoint-url", proxy.endpoint().toString(), "--region", Cli.REGION));
        return cli().run(all.toArray(String[]::new));
    }

    private static String resourceId(String apiId, String path) {
        return Engine.apiGateway().getResources(b -> b.restApiId(apiId).limit(500)).items().stream()
                .filter(r -> r.path().equals(path)).findFirst().orElseThrow().id();
    }

    private static List<String> paths(String apiId) {
        return Engine.apiGateway().getResources(b -> b.restApiId(apiId).limit(500)).items().stream().map(Resource::path).toList();
    }

    private static GetMethodResponse method(String apiId, String path, String httpMethod) {
        String resourceId = Engine.apiGateway().getResources(b -> b.restApiId(apiId).limit(500)).items().stream()
                .filter(r -> r.path().equals(path)).findFirst().orElseThrow().id();
        return Engine.apiGateway().getMethod(b -> b.restApiId(apiId).resourceId(resourceId).httpMethod(httpMethod));
    }

    private static Map<String, Route> v2Routes(String apiId) {
        return Engine.apiGatewayV2().getRoutes(b -> b.apiId(apiId)).items().stream()
                .collect(java.util.stream.Collectors.toMap(Route::routeKey, r -> r));
    }

    private static JsonNode statements(String function) throws Exception {
        return Json.MAPPER.readTree(Engine.lambda().getPolicy(b -> b.functionName(function)).policy()).path("Statement");
    }

    private static JsonNode onlyStatement(String function) throws Exception {
        JsonNode statements = statements(function);
        assertThat(statements).hasSize(1);
        return statements.get(0);
    }

    private static List<String> sourceArns(String function) throws Exception {
        return statements(function).findValuesAsText("AWS:SourceArn");
    }
}
