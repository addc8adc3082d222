package dev.dynctl.deploy;

import static dev.dynctl.deploy.ApiPlannerHttpTest.sourceArns;
import static dev.dynctl.deploy.ApiStageFixtures.cors;
import static dev.dynctl.deploy.ApiStageFixtures.pending;
import static dev.dynctl.deploy.ApiStageFixtures.route;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynctl.api.RouteAuth;
import dev.dynctl.error.DynctlException;
import dev.dynctl.model.StageApi;
import dev.dynctl.testing.Engine;
import dev.dynctl.testing.RecordingProxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigatewayv2.model.Api;
import software.amazon.awssdk.services.apigatewayv2.model.Route;

/** WebSocket APIs, and the APIs of a stage as a whole: one the file drops, and destroy. */
class ApiPlannerStageTest {
    private final ApiStageFixtures fx = new ApiStageFixtures().function("chat").function("items");

    @AfterEach
    void close() {
        fx.close();
    }

    private StageApi websocket() {
        return fx.websocket("ws", route("$connect", "chat", RouteAuth.Kind.IAM), route("$default", "chat"));
    }

    @Test
    void aWebSocketApiRoutesConnectAndDefaultThroughTheAliasAndDeploysItself() throws Exception {
        String name = fx.names.of("ws");
        DeployPlan plan = fx.deploy(fx.context(websocket()));

        assertThat(pending(plan)).containsExactly("+ api " + name, "+ route " + name + " $connect", "+ route " + name + " $default",
                "+ stage " + name + " dev");
        Api api = v2Api(name);
        assertThat(api.protocolTypeAsString()).isEqualTo("WEBSOCKET");
        assertThat(api.routeSelectionExpression()).isEqualTo("$request.body.action");
        assertThat(api.tags()).containsEntry("dynctl:resource", "apis.ws");
        Map<String, Route> routes = new HashMap<>();
        Engine.apiGatewayV2().getRoutes(b -> b.apiId(api.apiId())).items().forEach(r -> routes.put(r.routeKey(), r));
        assertThat(routes).containsOnlyKeys("$connect", "$default");
        assertThat(routes.get("$connect").authorizationTypeAsString()).isEqualTo("AWS_IAM");
        assertThat(Engine.apiGatewayV2().getIntegrations(b -> b.apiId(api.apiId())).items())
                .extracting(i -> i.integrationUri())
                .containsExactly("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/" + fx.aliasArn("chat") + "/invocations");
        String executeApi = "arn:aws:execute-api:us-east-1:123456789012:" + api.apiId() + "/*/";
        assertThat(sourceArns(fx.names.function("chat")).values())
                .containsExactlyInAnyOrder(executeApi + "$connect", executeApi + "$default");
        assertThat(Engine.apiGatewayV2().getStages(b -> b.apiId(api.apiId())).items())
                .singleElement().satisfies(stage -> assertThat(stage.autoDeploy()).isTrue());
        assertThat(new ApiPlanner().endpoints(fx.context(websocket())).get(0).url()).startsWith("wss://").endsWith("/dev");

        assertThat(fx.plan(fx.context(websocket())).changesNothing()).isTrue();
    }

    @Test
    void messageRoutesAreTwoWaySoWhatTheFunctionReturnsReachesTheClient() throws Exception {
        StageApi chat = fx.websocket("ws", route("$connect", "chat"), route("$disconnect", "chat"), route("$default", "chat"),
                route("send", "chat"));
        fx.deploy(fx.context(chat));

        String apiId = v2Api(fx.names.of("ws")).apiId();
        Map<String, Route> routes = routes(apiId);
        assertThat(routes.get("$default").routeResponseSelectionExpression()).isEqualTo("$default");
        assertThat(routes.get("send").routeResponseSelectionExpression()).isEqualTo("$default");
        assertThat(routes.get("$connect").routeResponseSelectionExpression()).isNull();
        assertThat(routes.get("$disconnect").routeResponseSelectionExpression()).isNull();
        // moto cannot list route responses (no GetRouteResponses): the proxy saw each message route get one
        assertThat(routeResponsesMade(apiId)).containsExactlyInAnyOrder(routes.get("$default").routeId(), routes.get("send").routeId());

        fx.proxy.clear();
        DeployPlan again = fx.deploy(fx.context(chat));
        assertThat(again.changesNothing()).as(pending(again).toString()).isTrue();
        assertThat(fx.proxy.writes()).isEmpty();
    }

    @Test
    void aRouteWhoseResponseWasMadeBeforeTheDeployStoppedGetsOnlyItsSelectionExpression() throws Exception {
        // AWS lists a route's responses; the proxy answers GetRouteResponses as AWS would once the response is made
        try (ApiStageFixtures aws = new ApiStageFixtures((method, path) -> method.equals("GET") && path.endsWith("/routeresponses")
                ? new RecordingProxy.Answer(200, "{\"items\":[{\"routeResponseId\":\"r1\",\"routeResponseKey\":\"$default\"}]}")
                : null).function("chat")) {
            StageApi chat = aws.websocket("ws", route("$default", "chat"));
            String name = aws.names.of("ws");
            aws.proxy.failOnce(call -> call.method().equals("PATCH") && call.path().matches("/v2/apis/[^/]+/routes/[^/]+"),
                    400, "BadRequestException", "injected");
            assertThatThrownBy(() -> aws.deploy(aws.context(chat))).isInstanceOf(DynctlException.class)
                    .hasMessageStartingWith("Deploy stopped at route " + name + " $default (create): ");
            String apiId = v2Api(name).apiId();
            assertThat(routeResponsesMade(aws, apiId)).hasSize(1);
            aws.proxy.clear();

            DeployPlan rerun = aws.deploy(aws.context(chat));

            assertThat(pending(rerun)).containsExactly("~ route " + name + " $default", "+ stage " + name + " dev");
            assertThat(routeResponsesMade(aws, apiId)).isEmpty();
            assertThat(routes(apiId).get("$default").routeResponseSelectionExpression()).isEqualTo("$default");
            assertThat(aws.plan(aws.context(chat)).changesNothing()).isTrue();
        }
    }

    private List<String> routeResponsesMade(String apiId) {
        return routeResponsesMade(fx, apiId);
    }

    /** The routes the proxy saw a CreateRouteResponse for, by id. */
    private static List<String> routeResponsesMade(ApiStageFixtures fixtures, String apiId) {
        String prefix = "/v2/apis/" + apiId + "/routes/";
        return fixtures.proxy.writes().stream().filter(call -> call.method().equals("POST") && call.path().startsWith(prefix)
                        && call.path().endsWith("/routeresponses"))
                .map(call -> call.path().substring(prefix.length(), call.path().length() - "/routeresponses".length())).toList();
    }

    private static Map<String, Route> routes(String apiId) {
        Map<String, Route> routes = new HashMap<>();
        Engine.apiGatewayV2().getRoutes(b -> b.apiId(apiId)).items().forEach(r -> routes.put(r.routeKey(), r));
        return routes;
    }

    @Test
    void anApiTheFileNoLongerListsIsDeletedWithItsPermissions() throws Exception {
        StageApi http = fx.http("http", cors(), route("GET /items", "items"));
        fx.deploy(fx.context(http, websocket()));

        DeployPlan plan = fx.deploy(fx.context(http));

        assertThat(pending(plan)).containsExactly("- api " + fx.names.of("ws"));
        assertThat(owned()).containsExactly(fx.names.of("http"));
        assertThat(sourceArns(fx.names.function("chat"))).isEmpty();
        assertThat(sourceArns(fx.names.function("items"))).hasSize(1);
    }

    @Test
    void destroyLeavesNoApiTaggedWithTheStage() throws Exception {
        fx.deploy(fx.context(fx.http("http", cors(), route("GET /items", "items")),
                fx.rest("rest", cors(), route("GET /items", "items"), route("POST /items", "items")), websocket()));
        assertThat(owned()).hasSize(3);

        DeployPlan plan = fx.deploy(fx.nothing());

        assertThat(pending(plan)).containsExactlyInAnyOrder("- api " + fx.names.of("http"), "- api " + fx.names.of("rest"),
                "- api " + fx.names.of("ws"));
        assertThat(owned()).isEmpty();
        assertThat(sourceArns(fx.names.function("items"))).isEmpty();
        assertThat(sourceArns(fx.names.function("chat"))).isEmpty();
        assertThat(new ApiPlanner().endpoints(fx.nothing())).isEmpty();
        assertThat(fx.plan(fx.nothing()).changes()).isEmpty();
    }

    /** The names of the APIs, REST or v2, tagged with this service and stage. */
    private List<String> owned() {
        List<String> names = new java.util.ArrayList<>();
        Engine.apiGateway().getRestApis(b -> b.limit(500)).items().stream().filter(a -> owns(a.tags())).forEach(a -> names.add(a.name()));
        Engine.apiGatewayV2().getApis(b -> b.maxResults("500")).items().stream().filter(a -> owns(a.tags())).forEach(a -> names.add(a.name()));
        return names;
    }

    private boolean owns(Map<String, String> tags) {
        return fx.service.equals(tags.get("dynctl:service")) && "dev".equals(tags.get("dynctl:stage"));
    }

    private static Api v2Api(String name) {
        return Engine.apiGatewayV2().getApis(b -> b.maxResults("500")).items().stream().filter(a -> name.equals(a.name()))
                .findFirst().orElseThrow();
    }
}
