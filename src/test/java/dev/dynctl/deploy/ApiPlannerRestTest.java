package dev.dynctl.deploy;

import static dev.dynctl.deploy.ApiPlannerHttpTest.sourceArns;
import static dev.dynctl.deploy.ApiStageFixtures.cors;
import static dev.dynctl.deploy.ApiStageFixtures.pending;
import static dev.dynctl.deploy.ApiStageFixtures.route;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynctl.api.RouteAuth;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import dev.dynctl.model.StageApi;
import dev.dynctl.testing.Engine;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigateway.model.GetMethodResponse;
import software.amazon.awssdk.services.apigateway.model.GetStageResponse;
import software.amazon.awssdk.services.apigateway.model.Integration;
import software.amazon.awssdk.services.apigateway.model.Resource;
import software.amazon.awssdk.services.apigateway.model.RestApi;
import software.amazon.awssdk.services.apigateway.model.Stage;

class ApiPlannerRestTest {
    private final ApiStageFixtures fx = new ApiStageFixtures().function("items").function("users");

    @AfterEach
    void close() {
        fx.close();
    }

    private StageApi api(RouteAuth.Kind postAuth) {
        return fx.rest("rest", cors(), route("GET /items", "items"), route("POST /items", "items", postAuth),
                route("GET /users/{id}", "users"));
    }

    @Test
    void createsTheApiTaggedWithProxyRoutesThroughTheAliasPreflightsADeploymentAndTheStage() throws Exception {
        String name = fx.names.of("rest");
        DeployPlan plan = fx.deploy(fx.context(api(RouteAuth.Kind.IAM)));

        assertThat(pending(plan)).containsExactly("+ api " + name, "+ route " + name + " GET /items", "+ route " + name + " POST /items",
                "+ route " + name + " GET /users/{id}", "+ route " + name + " OPTIONS /items", "+ route " + name + " OPTIONS /users/{id}",
                "+ deployment " + name + " dev", "+ stage " + name + " dev");
        RestApi api = api(name);
        assertThat(api.tags()).containsEntry("dynctl:service", fx.service).containsEntry("dynctl:stage", "dev")
                .containsEntry("dynctl:resource", "apis.rest");
        assertThat(api.endpointConfiguration().typesAsStrings()).containsExactly("REGIONAL");

        Map<String, GetMethodResponse> methods = methods(api.id());
        assertThat(methods).containsOnlyKeys("GET /items", "POST /items", "GET /users/{id}", "OPTIONS /items", "OPTIONS /users/{id}");
        Integration get = methods.get("GET /items").methodIntegration();
        assertThat(get.typeAsString()).isEqualTo("AWS_PROXY");
        assertThat(get.uri()).isEqualTo("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/" + fx.aliasArn("items") + "/invocations");
        assertThat(methods.get("POST /items").authorizationType()).isEqualTo("AWS_IAM");
        Integration preflight = methods.get("OPTIONS /items").methodIntegration();
        assertThat(preflight.typeAsString()).isEqualTo("MOCK");
        assertThat(preflight.integrationResponses().get("200").responseParameters())
                .containsEntry("method.response.header.Access-Control-Allow-Origin", "'*'")
                .containsEntry("method.response.header.Access-Control-Allow-Methods", "'GET,POST,DELETE,OPTIONS'")
                .containsEntry("method.response.header.Access-Control-Max-Age", "'600'");

        String executeApi = "arn:aws:execute-api:us-east-1:123456789012:" + api.id() + "/*/";
        assertThat(sourceArns(fx.names.function("items"))).containsValues(executeApi + "GET/items", executeApi + "POST/items");
        assertThat(sourceArns(fx.names.function("users")).values()).containsExactly(executeApi + "GET/users/*");

        List<Stage> stages = Engine.apiGateway().getStages(b -> b.restApiId(api.id())).item();
        assertThat(stages).extracting(Stage::stageName).containsExactly("dev");
        assertThat(stages.get(0).deploymentId()).isNotNull();
        assertThat(stages.get(0).tags()).containsEntry("dynctl:stage", "dev");
        assertThat(new ApiPlanner().endpoints(fx.context(api(RouteAuth.Kind.IAM))))
                .containsExactly(new ApiEndpoint(name, "rest", "https://" + api.id() + ".execute-api.us-east-1.amazonaws.com/dev"));
    }

    @Test
    void aSecondDeployMakesNoDeploymentAndSendsNoWrite() throws Exception {
        fx.deploy(fx.context(api(RouteAuth.Kind.NONE)));
        fx.proxy.clear();

        DeployPlan again = fx.deploy(fx.context(api(RouteAuth.Kind.NONE)));

        assertThat(again.changesNothing()).as(pending(again).toString()).isTrue();
        assertThat(fx.proxy.writes()).isEmpty();
    }

    @Test
    void eachRouteChangeIsOneStepAndANewDeploymentTheStageServes() throws Exception {
        String name = fx.names.of("rest");
        fx.deploy(fx.context(api(RouteAuth.Kind.NONE)));
        String id = api(name).id();
        String first = stage(id).deploymentId();

        StageApi added = fx.rest("rest", cors(), route("GET /items", "items"), route("POST /items", "items"),
                route("GET /users/{id}", "users"), route("DELETE /items", "items"));
        assertThat(pending(fx.deploy(fx.context(added))))
                .containsExactly("+ route " + name + " DELETE /items", "+ deployment " + name + " dev", "~ stage " + name + " dev");
        assertThat(methods(id)).containsKey("DELETE /items");
        String second = stage(id).deploymentId();
        assertThat(second).isNotEqualTo(first);

        StageApi authChanged = fx.rest("rest", cors(), route("GET /items", "items"), route("POST /items", "items", RouteAuth.Kind.IAM),
                route("GET /users/{id}", "users"), route("DELETE /items", "items"));
        DeployPlan update = fx.deploy(fx.context(authChanged));
        assertThat(pending(update))
                .containsExactly("~ route " + name + " POST /items", "+ deployment " + name + " dev", "~ stage " + name + " dev");
        assertThat(update.pending().get(0).change().fields()).containsExactly(new FieldChange("auth", "none", "iam"));
        assertThat(methods(id).get("POST /items").authorizationType()).isEqualTo("AWS_IAM");
        assertThat(methods(id).get("POST /items").methodIntegration().uri()).contains(fx.aliasArn("items"));

        StageApi removed = fx.rest("rest", cors(), route("GET /items", "items"), route("POST /items", "items", RouteAuth.Kind.IAM),
                route("DELETE /items", "items"));
        DeployPlan deletion = fx.deploy(fx.context(removed));
        // the deployment comes after the deletions: the stage serves the routes as the deploy leaves them
        assertThat(pending(deletion)).containsExactly("- route " + name + " OPTIONS /users/{id}", "- route " + name + " GET /users/{id}",
                "+ deployment " + name + " dev", "~ stage " + name + " dev");
        assertThat(methods(id)).containsOnlyKeys("GET /items", "POST /items", "DELETE /items", "OPTIONS /items");
        assertThat(paths(id)).containsExactlyInAnyOrder("/", "/items");
        assertThat(sourceArns(fx.names.function("users"))).isEmpty();

        assertThat(fx.plan(fx.context(removed)).changesNothing()).isTrue();
    }

    @Test
    void aStageLeftOnAnOldDeploymentGetsANewOne() throws Exception {
        String name = fx.names.of("rest");
        fx.deploy(fx.context(api(RouteAuth.Kind.NONE)));
        String id = api(name).id();
        // as a deploy that stopped after its routes and before their deployment leaves it
        String old = Engine.apiGateway().createDeployment(b -> b.restApiId(id).description("by hand")).id();
        // through the deploy's clients, which send PATCH (the engine's plain one cannot)
        fx.clients.apiGateway().updateStage(b -> b.restApiId(id).stageName("dev")
                .patchOperations(p -> p.op("replace").path("/deploymentId").value(old)));

        assertThat(pending(fx.deploy(fx.context(api(RouteAuth.Kind.NONE)))))
                .containsExactly("+ deployment " + name + " dev", "~ stage " + name + " dev");
        assertThat(stage(id).deploymentId()).isNotEqualTo(old);
        assertThat(fx.plan(fx.context(api(RouteAuth.Kind.NONE))).changesNothing()).isTrue();
    }

    @Test
    void aPreflightLeftHalfMadeByAStoppedDeployIsFinishedNotDeletedAndPutAgain() throws Exception {
        String name = fx.names.of("rest");
        fx.proxy.failOnce(call -> call.method().equals("PUT") && call.path().endsWith("/methods/OPTIONS/integration"),
                400, "BadRequestException", "injected");

        assertThatThrownBy(() -> fx.deploy(fx.context(api(RouteAuth.Kind.NONE))))
                .isInstanceOf(DynctlException.class)
                .hasMessageStartingWith("Deploy stopped at route " + name + " OPTIONS /items (create): ");
        String id = api(name).id();
        String items = resources(id).stream().filter(r -> r.path().equals("/items")).findFirst().orElseThrow().id();
        // what the stopped put left: the method and its response, without the MOCK integration
        assertThat(methods(id).get("OPTIONS /items").methodIntegration()).isNull();
        fx.proxy.clear();

        DeployPlan rerun = fx.deploy(fx.context(api(RouteAuth.Kind.NONE)));

        assertThat(pending(rerun)).containsExactly("~ route " + name + " OPTIONS /items", "+ route " + name + " OPTIONS /users/{id}",
                "+ deployment " + name + " dev", "+ stage " + name + " dev");
        assertThat(rerun.pending().get(0).change().fields()).containsExactly(new FieldChange("integration", null, "MOCK"));
        // AWS refuses a PutMethod on a method that is there (moto overwrites it): the method goes first
        String method = "/restapis/" + id + "/resources/" + items + "/methods/OPTIONS";
        assertThat(fx.proxy.writes().stream().filter(call -> call.path().startsWith(method))
                .map(call -> call.method() + " " + call.path().substring(method.length())))
                .containsExactly("DELETE ", "PUT ", "PUT /responses/200", "PUT /integration", "PUT /integration/responses/200");
        Integration preflight = methods(id).get("OPTIONS /items").methodIntegration();
        assertThat(preflight.typeAsString()).isEqualTo("MOCK");
        assertThat(preflight.integrationResponses().get("200").responseParameters())
                .containsEntry("method.response.header.Access-Control-Allow-Origin", "'*'");
        assertThat(fx.plan(fx.context(api(RouteAuth.Kind.NONE))).changesNothing()).isTrue();
    }

    @Test
    void anOptionsRouteOfTheFileTakesOverItsPathsPreflight() throws Exception {
        String name = fx.names.of("rest");
        fx.deploy(fx.context(fx.rest("rest", cors(), route("GET /items", "items"))));
        String id = api(name).id();
        assertThat(methods(id).get("OPTIONS /items").methodIntegration().typeAsString()).isEqualTo("MOCK");

        StageApi own = fx.rest("rest", cors(), route("GET /items", "items"), route("OPTIONS /items", "items"));
        assertThat(pending(fx.deploy(fx.context(own))))
                .containsExactly("+ route " + name + " OPTIONS /items", "+ deployment " + name + " dev", "~ stage " + name + " dev");

        assertThat(methods(id).get("OPTIONS /items").methodIntegration().uri()).contains(fx.aliasArn("items"));
        assertThat(fx.plan(fx.context(own)).changesNothing()).isTrue();
    }

    @Test
    void anOptionsRouteDroppedFromTheFileGivesItsPathBackToThePreflightInOneDeploy() throws Exception {
        String name = fx.names.of("rest");
        fx.deploy(fx.context(fx.rest("rest", cors(), route("GET /items", "items"), route("OPTIONS /items", "items"))));
        String id = api(name).id();

        StageApi preflighted = fx.rest("rest", cors(), route("GET /items", "items"));
        assertThat(pending(fx.deploy(fx.context(preflighted))))
                .containsExactly("~ route " + name + " OPTIONS /items", "+ deployment " + name + " dev", "~ stage " + name + " dev");

        assertThat(methods(id).get("OPTIONS /items").methodIntegration().typeAsString()).isEqualTo("MOCK");
        assertThat(fx.plan(fx.context(preflighted)).changesNothing()).isTrue();
    }

    @Test
    void anApiWithTheWantedNameThatTheStageDoesNotOwnStopsThePlanAndIsLeftAlone() {
        String name = fx.names.of("rest");
        String id = Engine.apiGateway().createRestApi(b -> b.name(name)).id();

        assertThatThrownBy(() -> fx.plan(fx.context(api(RouteAuth.Kind.NONE))))
                .isInstanceOfSatisfying(DynctlException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.FAILURE))
                .hasMessageContaining("'" + name + "'").hasMessageContaining(id);
        assertThat(paths(id)).containsExactly("/");
    }

    private static RestApi api(String name) {
        List<RestApi> named = Engine.apiGateway().getRestApis(b -> b.limit(500)).items().stream().filter(a -> name.equals(a.name())).toList();
        assertThat(named).hasSize(1);
        return named.get(0);
    }

    private static GetStageResponse stage(String id) {
        return Engine.apiGateway().getStage(b -> b.restApiId(id).stageName("dev"));
    }

    private static List<Resource> resources(String id) {
        return Engine.apiGateway().getResources(b -> b.restApiId(id).embed("methods").limit(500)).items();
    }

    private static List<String> paths(String id) {
        return resources(id).stream().map(Resource::path).toList();
    }

    /** "GET /items" → the method with its integration. */
    private static Map<String, GetMethodResponse> methods(String id) {
        Map<String, GetMethodResponse> methods = new HashMap<>();
        for (Resource resource : resources(id)) {
            resource.resourceMethods().forEach((verb, method) -> methods.put(verb + " " + resource.path(),
                    Engine.apiGateway().getMethod(b -> b.restApiId(id).resourceId(resource.id()).httpMethod(verb))));
        }
        return methods;
    }
}
