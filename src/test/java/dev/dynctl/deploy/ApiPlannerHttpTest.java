package dev.dynctl.deploy;

import static dev.dynctl.deploy.ApiStageFixtures.cors;
import static dev.dynctl.deploy.ApiStageFixtures.pending;
import static dev.dynctl.deploy.ApiStageFixtures.route;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.api.RouteAuth;
import dev.dynctl.api.RouteKey;
import dev.dynctl.codec.Json;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import dev.dynctl.model.StageApi;
import dev.dynctl.model.StageRoute;
import dev.dynctl.testing.Engine;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigatewayv2.model.Api;
import software.amazon.awssdk.services.apigatewayv2.model.Integration;
import software.amazon.awssdk.services.apigatewayv2.model.Route;
import software.amazon.awssdk.services.apigatewayv2.model.Stage;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

class ApiPlannerHttpTest {
    private final ApiStageFixtures fx = new ApiStageFixtures().function("items").function("users");

    @AfterEach
    void close() {
        fx.close();
    }

    private StageApi api(RouteAuth.Kind postAuth) {
        return fx.http("http", cors(), route("GET /items", "items"), route("POST /items", "items", postAuth),
                route("GET /users/{id}", "users"));
    }

    @Test
    void createsTheApiTaggedWithCorsRoutesThroughTheAliasPermissionsAndAnAutoDeployStage() throws Exception {
        String name = fx.names.of("http");
        DeployPlan plan = fx.deploy(fx.context(api(RouteAuth.Kind.IAM)));

        assertThat(pending(plan)).containsExactly("+ api " + name, "+ route " + name + " GET /items", "+ route " + name + " POST /items",
                "+ route " + name + " GET /users/{id}", "+ stage " + name + " dev");
        Api api = api(name);
        assertThat(api.tags()).containsEntry("dynctl:service", fx.service).containsEntry("dynctl:stage", "dev")
                .containsEntry("dynctl:resource", "apis.http");
        assertThat(api.corsConfiguration().allowOrigins()).containsExactly("*");
        assertThat(api.corsConfiguration().allowMethods()).containsExactly("GET", "POST", "DELETE");
        assertThat(api.corsConfiguration().maxAge()).isEqualTo(600);

        Map<String, Route> routes = routes(api.apiId());
        assertThat(routes).containsOnlyKeys("GET /items", "POST /items", "GET /users/{id}");
        assertThat(routes.get("POST /items").authorizationTypeAsString()).isEqualTo("AWS_IAM");
        assertThat(routes.get("GET /items").authorizationTypeAsString()).isEqualTo("NONE");
        Integration items = integration(api.apiId(), routes.get("GET /items"));
        assertThat(items.integrationUri()).isEqualTo(fx.aliasArn("items"));
        assertThat(items.integrationTypeAsString()).isEqualTo("AWS_PROXY");
        assertThat(items.payloadFormatVersion()).isEqualTo("2.0");
        assertThat(integration(api.apiId(), routes.get("GET /users/{id}")).integrationUri()).isEqualTo(fx.aliasArn("users"));

        String executeApi = "arn:aws:execute-api:us-east-1:123456789012:" + api.apiId() + "/*/";
        assertThat(sourceArns(fx.names.function("items"))).containsValues(executeApi + "GET/items", executeApi + "POST/items");
        assertThat(sourceArns(fx.names.function("users")).values()).containsExactly(executeApi + "GET/users/*");

        List<Stage> stages = Engine.apiGatewayV2().getStages(b -> b.apiId(api.apiId())).items();
        assertThat(stages).extracting(Stage::stageName).containsExactly("dev");
        assertThat(stages.get(0).autoDeploy()).isTrue();
        assertThat(new ApiPlanner().endpoints(fx.context(api(RouteAuth.Kind.IAM))))
                .containsExactly(new ApiEndpoint(name, "http", api.apiEndpoint() + "/dev"));
    }

    @Test
    void aSecondDeployChangesNothingAndSendsNoWrite() throws Exception {
        fx.deploy(fx.context(api(RouteAuth.Kind.NONE)));
        fx.proxy.clear();

        DeployPlan again = fx.deploy(fx.context(api(RouteAuth.Kind.NONE)));

        assertThat(again.changesNothing()).as(pending(again).toString()).isTrue();
        assertThat(again.changes()).hasSize(5);
        assertThat(fx.proxy.writes()).isEmpty();
    }

    @Test
    void aRouteAddedIsOneCreateAnAuthChangedOneUpdateARouteRemovedOneDeleteWithItsPermission() throws Exception {
        String name = fx.names.of("http");
        fx.deploy(fx.context(api(RouteAuth.Kind.NONE)));
        String id = api(name).apiId();

        StageApi added = fx.http("http", cors(), route("GET /items", "items"), route("POST /items", "items"),
                route("GET /users/{id}", "users"), route("DELETE /items/{id}", "items"));
        assertThat(pending(fx.deploy(fx.context(added)))).containsExactly("+ route " + name + " DELETE /items/{id}");
        assertThat(routes(id)).containsKey("DELETE /items/{id}");

        StageApi authChanged = fx.http("http", cors(), route("GET /items", "items"), route("POST /items", "items", RouteAuth.Kind.IAM),
                route("GET /users/{id}", "users"), route("DELETE /items/{id}", "items"));
        DeployPlan update = fx.deploy(fx.context(authChanged));
        assertThat(pending(update)).containsExactly("~ route " + name + " POST /items");
        assertThat(update.pending().get(0).change().fields()).containsExactly(new FieldChange("auth", "none", "iam"));
        assertThat(routes(id).get("POST /items").authorizationTypeAsString()).isEqualTo("AWS_IAM");

        StageApi removed = fx.http("http", cors(), route("GET /items", "items"), route("POST /items", "items", RouteAuth.Kind.IAM),
                route("DELETE /items/{id}", "items"));
        assertThat(pending(fx.deploy(fx.context(removed)))).containsExactly("- route " + name + " GET /users/{id}");
        assertThat(routes(id)).doesNotContainKey("GET /users/{id}");
        assertThat(sourceArns(fx.names.function("users"))).isEmpty();

        assertThat(fx.plan(fx.context(removed)).changesNothing()).isTrue();
    }

    @Test
    void aMissingPermissionIsAnUpdateOfItsRoute() throws Exception {
        String name = fx.names.of("http");
        fx.deploy(fx.context(api(RouteAuth.Kind.NONE)));
        String sid = sourceArns(fx.names.function("users")).keySet().iterator().next();
        Engine.lambda().removePermission(b -> b.functionName(fx.names.function("users")).qualifier("dev").statementId(sid));

        DeployPlan plan = fx.deploy(fx.context(api(RouteAuth.Kind.NONE)));

        assertThat(pending(plan)).containsExactly("~ route " + name + " GET /users/{id}");
        assertThat(plan.pending().get(0).change().fields()).extracting(FieldChange::field).containsExactly("permission");
        assertThat(sourceArns(fx.names.function("users"))).hasSize(1);
    }

    @Test
    void aCognitoRouteWhoseAppClientsChangeIsAnUpdate() throws Exception {
        String name = fx.names.of("http");
        String pool = "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbC123";
        StageApi first = fx.http("http", null, new StageRoute(RouteKey.parse("GET /items"), "items",
                RouteAuth.of(RouteAuth.Kind.COGNITO, pool, List.of("client-one"))));
        fx.deploy(fx.context(first));
        assertThat(fx.plan(fx.context(first)).changesNothing()).isTrue();

        StageApi second = fx.http("http", null, new StageRoute(RouteKey.parse("GET /items"), "items",
                RouteAuth.of(RouteAuth.Kind.COGNITO, pool, List.of("client-two"))));
        DeployPlan plan = fx.deploy(fx.context(second));

        assertThat(pending(plan)).containsExactly("~ route " + name + " GET /items");
        assertThat(plan.pending().get(0).change().fields()).containsExactly(new FieldChange("user_pool", null, "us-east-1_AbC123 for client-two"));
        assertThat(fx.plan(fx.context(second)).changesNothing()).isTrue();
    }

    @Test
    void corsChangedIsAnUpdateOfTheApi() throws Exception {
        String name = fx.names.of("http");
        fx.deploy(fx.context(api(RouteAuth.Kind.NONE)));

        StageApi noCors = fx.http("http", null, route("GET /items", "items"), route("POST /items", "items"),
                route("GET /users/{id}", "users"));
        DeployPlan plan = fx.deploy(fx.context(noCors));

        assertThat(pending(plan)).containsExactly("~ api " + name);
        assertThat(api(name).corsConfiguration()).isNull();
        assertThat(fx.plan(fx.context(noCors)).changesNothing()).isTrue();
    }

    @Test
    void anApiWithTheWantedNameThatTheStageDoesNotOwnStopsThePlanAndIsLeftAlone() {
        String name = fx.names.of("http");
        String id = Engine.apiGatewayV2().createApi(b -> b.name(name).protocolType("HTTP")).apiId();

        assertThatThrownBy(() -> fx.plan(fx.context(api(RouteAuth.Kind.NONE))))
                .isInstanceOfSatisfying(DynctlException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.FAILURE))
                .hasMessageContaining("'" + name + "'").hasMessageContaining(id).hasMessageContaining("not this stage's");
        assertThat(fx.proxy.writes()).isEmpty();
        assertThat(Engine.apiGatewayV2().getRoutes(b -> b.apiId(id)).items()).isEmpty();
        assertThat(Engine.apiGatewayV2().getApi(b -> b.apiId(id)).tags()).isEmpty();
    }

    private static Api api(String name) {
        List<Api> named = Engine.apiGatewayV2().getApis(b -> b.maxResults("500")).items().stream().filter(a -> name.equals(a.name())).toList();
        assertThat(named).hasSize(1);
        return named.get(0);
    }

    private static Map<String, Route> routes(String apiId) {
        Map<String, Route> routes = new HashMap<>();
        Engine.apiGatewayV2().getRoutes(b -> b.apiId(apiId)).items().forEach(r -> routes.put(r.routeKey(), r));
        return routes;
    }

    private static Integration integration(String apiId, Route route) {
        String integrationId = route.target().substring("integrations/".length());
        return Engine.apiGatewayV2().getIntegrations(b -> b.apiId(apiId)).items().stream()
                .filter(i -> i.integrationId().equals(integrationId)).findFirst().orElseThrow();
    }

    /** Statement id → SourceArn of the statements on the function's alias "dev". */
    static Map<String, String> sourceArns(String function) throws Exception {
        String policy;
        try {
            policy = Engine.lambda().getPolicy(b -> b.functionName(function).qualifier("dev")).policy();
        } catch (ResourceNotFoundException none) {
            return Map.of();
        }
        Map<String, String> arns = new HashMap<>();
        for (JsonNode statement : Json.MAPPER.readTree(policy).path("Statement")) {
            assertThat(statement.path("Resource").asText()).endsWith(":function:" + function + ":dev");
            arns.put(statement.path("Sid").asText(), statement.path("Condition").path("ArnLike").path("AWS:SourceArn").asText());
        }
        return arns;
    }
}
