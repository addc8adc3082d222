package dev.dynctl.cli.api;

import static dev.dynctl.cli.api.ApiFixtures.deployableRestApi;
import static dev.dynctl.cli.api.ApiFixtures.json;
import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.codec.Json;
import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import dev.dynctl.testing.RestJsonStub;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigateway.model.GetStageResponse;
import software.amazon.awssdk.services.apigateway.model.Stage;

class ApiStageCommandsTest {
    @Test
    void prodAndBetaLiveSideBySideWithTheirOwnDeploymentsAndVariables() {
        String name = Engine.uniqueName("shop");
        String id = deployableRestApi(name);

        Result prod = cli().aws("api", "deploy", name, "--stage", "prod", "--description", "first");
        JsonNode prodDoc = json(prod);
        String url = "https://" + id + ".execute-api.us-east-1.amazonaws.com/prod";
        assertThat(prod.err()).contains("Deployed API '" + name + "' to stage 'prod' (new stage): " + url);
        assertThat(prodDoc.path("stageCreated").asBoolean()).isTrue();
        assertThat(prodDoc.path("automatic").asBoolean()).isFalse();
        assertThat(prodDoc.path("url").asText()).isEqualTo(url);
        String prodDeployment = prodDoc.path("deployment").asText();
        assertThat(prodDeployment).isNotEmpty();
        assertThat(Engine.apiGateway().getDeployment(b -> b.restApiId(id).deploymentId(prodDeployment)).description()).isEqualTo("first");

        json(cli().aws("api", "stage", "update", name, "prod", "--var", "table=orders", "--var", "log=info"));
        JsonNode beta = json(cli().aws("api", "deploy", name, "--stage", "beta"));
        String betaDeployment = beta.path("deployment").asText();
        assertThat(betaDeployment).isNotEqualTo(prodDeployment);
        json(cli().aws("api", "stage", "update", name, "beta", "--var", "table=orders-beta"));

        GetStageResponse prodStage = Engine.apiGateway().getStage(b -> b.restApiId(id).stageName("prod"));
        GetStageResponse betaStage = Engine.apiGateway().getStage(b -> b.restApiId(id).stageName("beta"));
        assertThat(prodStage.variables()).isEqualTo(Map.of("table", "orders", "log", "info"));
        assertThat(prodStage.deploymentId()).isEqualTo(prodDeployment);
        assertThat(betaStage.variables()).isEqualTo(Map.of("table", "orders-beta"));
        assertThat(betaStage.deploymentId()).isEqualTo(betaDeployment);

        JsonNode list = json(cli().aws("api", "stage", "list", name));
        assertThat(list).hasSize(2);
        assertThat(list.get(0).path("name").asText()).isEqualTo("beta");
        assertThat(list.get(0).path("deployment").asText()).isEqualTo(betaDeployment);
        assertThat(list.get(0).path("variables")).isEqualTo(Json.MAPPER.createObjectNode().put("table", "orders-beta"));
        assertThat(list.get(1).path("name").asText()).isEqualTo("prod");
        assertThat(list.get(1).path("url").asText()).isEqualTo(url);
        assertThat(list.get(1).path("variables")).isEqualTo(Json.MAPPER.createObjectNode().put("log", "info").put("table", "orders"));

        JsonNode described = json(cli().aws("api", "describe", name));
        assertThat(described.path("stages").findValuesAsText("name")).containsExactly("beta", "prod");
        assertThat(described.path("stages").get(1).path("variables").path("table").asText()).isEqualTo("orders");

        Result table = cli().aws("api", "stage", "list", name, "-o", "table");
        assertThat(table.out()).containsPattern("beta +" + betaDeployment).containsPattern("prod +" + prodDeployment);
    }

    @Test
    void deployingAgainMovesTheStageToANewDeployment() {
        String name = Engine.uniqueName("again");
        String id = deployableRestApi(name);
        String first = json(cli().aws("api", "deploy", id, "--stage", "prod")).path("deployment").asText();
        Result second = cli().aws("api", "deploy", id, "--stage", "prod");
        JsonNode doc = json(second);
        assertThat(doc.path("stageCreated").asBoolean()).isFalse();
        assertThat(second.err()).doesNotContain("new stage");
        assertThat(doc.path("deployment").asText()).isNotEqualTo(first);
        assertThat(Engine.apiGateway().getStage(b -> b.restApiId(id).stageName("prod")).deploymentId()).isEqualTo(doc.path("deployment").asText());
    }

    @Test
    void stageCreateServesTheNewestDeploymentOrTheOneNamed() throws InterruptedException {
        String name = Engine.uniqueName("stages");
        String id = deployableRestApi(name);

        Result none = cli().aws("api", "stage", "create", name, "beta");
        assertThat(none.code()).as(none.toString()).isEqualTo(2);
        assertThat(none.err()).contains("has no deployment for a stage to serve", "dynctl api deploy " + id + " --stage beta");

        String first = json(cli().aws("api", "deploy", name, "--stage", "prod")).path("deployment").asText();
        // API Gateway keeps creation times to the second: the second deployment is made in a later second than the first
        Instant firstCreated = created(id, first);
        awaitSecondAfter(firstCreated);
        String second = Engine.apiGateway().createDeployment(b -> b.restApiId(id).description("later")).id();
        assertThat(created(id, second)).isAfter(firstCreated);

        Result beta = cli().aws("api", "stage", "create", name, "beta", "--var", "table=t-beta", "--description", "next");
        JsonNode doc = json(beta);
        assertThat(beta.err()).contains("Created stage 'beta' of API '" + name + "'.");
        assertThat(doc.path("deployment").asText()).isEqualTo(second);
        assertThat(doc.path("variables").path("table").asText()).isEqualTo("t-beta");
        assertThat(doc.path("url").asText()).endsWith("/beta");

        JsonNode canary = json(cli().aws("api", "stage", "create", name, "canary", "--deployment", first));
        assertThat(canary.path("deployment").asText()).isEqualTo(first);

        Result taken = cli().aws("api", "stage", "create", name, "beta");
        assertThat(taken.code()).as(taken.toString()).isEqualTo(2);
        assertThat(taken.err()).contains("Stage 'beta' already exists");
    }

    @Test
    void deploymentsMadeInTheSameSecondAreNotPickedAtRandom() throws InterruptedException {
        String name = Engine.uniqueName("tied");
        String id = deployableRestApi(name);
        List<String> tied = tiedDeployments(id);

        Result refused = cli().aws("api", "stage", "create", name, "beta");
        assertThat(refused.code()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.err()).contains("has 2 deployments made in the same second", tied.get(0), tied.get(1), "--deployment");
        assertThat(Engine.apiGateway().getStages(b -> b.restApiId(id)).item()).isEmpty();

        JsonNode chosen = json(cli().aws("api", "stage", "create", name, "beta", "--deployment", tied.get(1)));
        assertThat(chosen.path("deployment").asText()).isEqualTo(tied.get(1));
    }

    /**
     * Two deployments of the API made in one second, newer than any other, sorted by id. Made just
     * after a second begins, so both fall in it; a pair that still straddles two seconds is made again.
     */
    private static List<String> tiedDeployments(String id) throws InterruptedException {
        for (int attempt = 0; attempt < 5; attempt++) {
            awaitSecondAfter(Instant.now());
            String one = Engine.apiGateway().createDeployment(b -> b.restApiId(id)).id();
            String two = Engine.apiGateway().createDeployment(b -> b.restApiId(id)).id();
            if (created(id, one).equals(created(id, two))) {
                return Stream.of(one, two).sorted().toList();
            }
        }
        throw new AssertionError("could not make two deployments within one second");
    }

    private static Instant created(String api, String deployment) {
        return Engine.apiGateway().getDeployment(b -> b.restApiId(api).deploymentId(deployment)).createdDate();
    }

    /** Returns once the clock has passed the second {@code time} falls in. */
    private static void awaitSecondAfter(Instant time) throws InterruptedException {
        while (Instant.now().getEpochSecond() <= time.getEpochSecond()) {
            Thread.sleep(5);
        }
    }

    @Test
    void updateSetsAndRemovesVariables() {
        String name = Engine.uniqueName("vars");
        String id = deployableRestApi(name);
        json(cli().aws("api", "deploy", name, "--stage", "prod"));
        json(cli().aws("api", "stage", "update", name, "prod", "--var", "a=1", "--var", "b=2"));

        JsonNode doc = json(cli().aws("api", "stage", "update", name, "prod", "--unset-var", "a", "--var", "c=x=y"));
        assertThat(doc.path("variables")).isEqualTo(Json.MAPPER.createObjectNode().put("b", "2").put("c", "x=y"));
        assertThat(Engine.apiGateway().getStage(b -> b.restApiId(id).stageName("prod")).variables()).isEqualTo(Map.of("b", "2", "c", "x=y"));

        Result nothing = cli().aws("api", "stage", "update", name, "prod");
        assertThat(nothing.code()).isEqualTo(2);
        assertThat(nothing.err()).contains("Nothing to change.");
    }

    /**
     * moto has no v2 UpdateStage: a stub stands in for API Gateway v2 and merges the variables it is
     * sent into the stage's as AWS does, an empty value removing a key. What dynctl sends is checked.
     */
    @Test
    void anHttpStageUpdateSendsTheChangesAndAnEmptyValueForEachRemovedVariable() throws Exception {
        Map<String, String> variables = new TreeMap<>(Map.of("a", "1", "b", "2"));
        try (RestJsonStub stub = RestJsonStub.start(request -> switch (request.method() + " " + request.path()) {
            case "GET /restapis" -> RestJsonStub.Answer.ok("{\"item\": []}");
            case "GET /v2/apis" -> RestJsonStub.Answer.ok("{\"items\": [" + HTTP_API + "]}");
            case "GET /v2/apis/h1" -> RestJsonStub.Answer.ok(HTTP_API);
            case "GET /v2/apis/h1/stages" -> RestJsonStub.Answer.ok("{\"items\": [" + stage(variables) + "]}");
            case "PATCH /v2/apis/h1/stages/prod" -> {
                tree(request.body()).path("stageVariables").fields().forEachRemaining(field -> {
                    if (field.getValue().asText().isEmpty()) {
                        variables.remove(field.getKey());
                    } else {
                        variables.put(field.getKey(), field.getValue().asText());
                    }
                });
                yield RestJsonStub.Answer.ok(stage(variables));
            }
            default -> new RestJsonStub.Answer(404, Map.of("x-amzn-ErrorType", "NotFoundException"), "{}");
        })) {
            Result r = cli().run("api", "stage", "update", "shop", "prod", "--unset-var", "a", "--unset-var", "never", "--var", "c=3",
                    "-o", "json", "--endpoint-url", stub.endpoint().toString(), "--region", "us-east-1");

            JsonNode doc = json(r);
            List<RestJsonStub.Request> patches = stub.requests().stream().filter(q -> q.method().equals("PATCH")).toList();
            assertThat(patches).hasSize(1);
            JsonNode sent = Json.MAPPER.readTree(patches.get(0).body());
            // a variable the stage does not have is not sent; the description is left as it is
            assertThat(sent.path("stageVariables")).isEqualTo(Json.MAPPER.createObjectNode().put("c", "3").put("a", ""));
            assertThat(sent.has("description")).isFalse();
            assertThat(doc.path("variables")).isEqualTo(Json.MAPPER.createObjectNode().put("b", "2").put("c", "3"));
            assertThat(doc.path("url").asText()).isEqualTo("https://h1.execute-api.us-east-1.amazonaws.com/prod");
        }
    }

    private static final String HTTP_API = "{\"apiId\": \"h1\", \"name\": \"shop\", \"protocolType\": \"HTTP\", "
            + "\"apiEndpoint\": \"https://h1.execute-api.us-east-1.amazonaws.com\"}";

    private static JsonNode tree(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String stage(Map<String, String> variables) {
        ObjectNode stage = Json.MAPPER.createObjectNode().put("stageName", "prod").put("deploymentId", "d1").put("autoDeploy", false);
        variables.forEach(stage.putObject("stageVariables")::put);
        return stage.toString();
    }

    @Test
    void anUnknownStageIsNotFoundNamingTheApisStages() {
        String name = Engine.uniqueName("named");
        String id = deployableRestApi(name);
        json(cli().aws("api", "deploy", name, "--stage", "prod"));
        json(cli().aws("api", "deploy", name, "--stage", "beta"));

        for (String[] command : new String[][] {{"api", "stage", "delete", name, "prodd", "--yes"},
                {"api", "stage", "update", name, "prodd", "--var", "a=1"}, {"api", "export", name, "--stage", "prodd"}}) {
            Result r = cli().aws(command);
            assertThat(r.code()).as(r.toString()).isEqualTo(3);
            assertThat(r.err()).contains("Stage 'prodd' not found in API '" + name + "' (" + id + "). Its stages: beta, prod.",
                    "Did you mean 'prod'?");
        }
    }

    @Test
    void stageDeleteConfirmsUnlessYes() {
        String name = Engine.uniqueName("trim");
        String id = deployableRestApi(name);
        json(cli().aws("api", "deploy", name, "--stage", "prod"));
        json(cli().aws("api", "deploy", name, "--stage", "beta"));

        Result refused = cli().aws("api", "stage", "delete", name, "beta", "--no-input");
        assertThat(refused.code()).as(refused.toString()).isEqualTo(2);
        assertThat(Engine.apiGateway().getStages(b -> b.restApiId(id)).item()).hasSize(2);

        Result typed = cli().stdin("beta\n").aws("api", "stage", "delete", name, "beta");
        assertThat(typed.err()).contains("Delete stage 'beta' of API '" + name + "'", "Deleted stage 'beta'");
        assertThat(json(typed).path("status").asText()).isEqualTo("DELETED");
        assertThat(Engine.apiGateway().getStages(b -> b.restApiId(id)).item()).extracting(Stage::stageName).containsExactly("prod");
    }

    @Test
    void httpStagesHaveVariablesAndTheDefaultStageServesAtTheRoot() {
        String name = Engine.uniqueName("http");
        String id = Engine.apiGatewayV2().createApi(b -> b.name(name).protocolType("HTTP")).apiId();
        Engine.apiGatewayV2().createStage(b -> b.apiId(id).stageName("$default").autoDeploy(true));

        JsonNode beta = json(cli().aws("api", "stage", "create", name, "beta", "--var", "table=orders-beta"));
        assertThat(beta.path("url").asText()).isEqualTo("https://" + id + ".execute-api.us-east-1.amazonaws.com/beta");
        assertThat(Engine.apiGatewayV2().getStage(b -> b.apiId(id).stageName("beta")).stageVariables()).isEqualTo(Map.of("table", "orders-beta"));

        JsonNode list = json(cli().aws("api", "stage", "list", id));
        assertThat(list.findValuesAsText("name")).containsExactly("$default", "beta");
        assertThat(list.get(0).path("url").asText()).isEqualTo("https://" + id + ".execute-api.us-east-1.amazonaws.com");
        assertThat(list.get(0).path("autoDeploy").asBoolean()).isTrue();
        assertThat(list.get(1).path("variables").path("table").asText()).isEqualTo("orders-beta");

        Result deploy = cli().aws("api", "deploy", name, "--stage", "$default");
        JsonNode doc = json(deploy);
        assertThat(deploy.err()).contains("Stage '$default' of API '" + name + "' deploys automatically on every change; nothing to deploy.");
        assertThat(doc.path("automatic").asBoolean()).isTrue();
        assertThat(doc.path("url").asText()).isEqualTo("https://" + id + ".execute-api.us-east-1.amazonaws.com");

        json(cli().aws("api", "stage", "delete", name, "beta", "--yes"));
        assertThat(Engine.apiGatewayV2().getStages(b -> b.apiId(id)).items()).hasSize(1);
    }

    /** A v2 stage not yet deployed has no deployment: an empty field, never "null", in create, list and describe. */
    @Test
    void anUndeployedHttpStageShowsNoNullDeployment() {
        String name = Engine.uniqueName("shop");
        json(cli().aws("api", "create", name, "--type", "http"));

        Result created = cli().aws("api", "stage", "create", name, "beta", "-o", "table");
        assertThat(created.code()).as(created.toString()).isZero();
        assertThat(created.out()).doesNotContain("null").containsPattern("(?m)^deployment *$");
        assertThat(json(cli().aws("api", "stage", "list", name)).get(0).path("deployment").asText()).isEmpty();

        Result table = cli().aws("api", "stage", "list", name, "-o", "table");
        assertThat(table.code()).as(table.toString()).isZero();
        assertThat(table.out()).doesNotContain("null").containsPattern("(?m)^beta +\\{\\} +https://");
        assertThat(cli().aws("api", "describe", name, "-o", "table").out()).doesNotContain("null");
    }

    /** The table keeps to name, deployment, variables and URL, so that at 110 columns a REST stage's URL is whole. */
    @Test
    void theStageTableShowsTheWholeUrlAt110Columns() {
        String name = Engine.uniqueName("orders");
        String id = deployableRestApi(name);
        json(cli().aws("api", "deploy", name, "--stage", "beta"));
        json(cli().aws("api", "deploy", name, "--stage", "prod"));
        json(cli().aws("api", "stage", "update", name, "prod", "--var", "table=orders", "--var", "log=info"));

        Result table = cli().width(110).aws("api", "stage", "list", name, "-o", "table");

        assertThat(table.code()).as(table.toString()).isZero();
        List<String> lines = table.out().lines().toList();
        assertThat(lines.get(0).split(" +")).containsExactly("name", "deployment", "variables", "url");
        assertThat(lines).allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(110).doesNotContain("…"));
        assertThat(table.out()).contains("https://" + id + ".execute-api.us-east-1.amazonaws.com/prod");

        JsonNode json = json(cli().aws("api", "stage", "list", name)).get(1);
        assertThat(json.has("description")).isTrue();
        assertThat(json.path("url").asText()).endsWith("/prod");

        json(cli().aws("api", "stage", "update", name, "prod", "--description", "live traffic"));
        Result described = cli().width(200).aws("api", "stage", "list", name, "-o", "table");
        assertThat(described.out().lines().findFirst().orElseThrow().split(" +"))
                .containsExactly("name", "deployment", "variables", "description", "url");
        assertThat(described.out()).contains("live traffic");
    }

    /** A wrong answer to the confirmation says how to get it right. */
    @Test
    void aWrongConfirmationSaysHowToConfirm() {
        String name = Engine.uniqueName("again");
        deployableRestApi(name);
        json(cli().aws("api", "deploy", name, "--stage", "beta"));

        Result wrong = cli().stdin("nope\n").aws("api", "stage", "delete", name, "beta");

        assertThat(wrong.code()).as(wrong.toString()).isEqualTo(2);
        assertThat(wrong.err()).contains("Error: Not confirmed: expected 'beta', got 'nope'. Nothing was changed.\n"
                + "Hint: Type it exactly, or pass --yes to skip the question.");
    }
}
