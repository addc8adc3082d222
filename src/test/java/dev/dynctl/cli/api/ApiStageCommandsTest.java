package dev.dynctl.cli.api;

import static dev.dynctl.cli.api.ApiFixtures.deployableRestApi;
import static dev.dynctl.cli.api.ApiFixtures.json;
import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.codec.Json;
import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigateway.model.Deployment;
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
    void stageCreateServesTheNewestDeploymentOrTheOneNamed() {
        String name = Engine.uniqueName("stages");
        String id = deployableRestApi(name);

        Result none = cli().aws("api", "stage", "create", name, "beta");
        assertThat(none.code()).as(none.toString()).isEqualTo(2);
        assertThat(none.err()).contains("has no deployment for a stage to serve", "dynctl api deploy " + id + " --stage beta");

        String first = json(cli().aws("api", "deploy", name, "--stage", "prod")).path("deployment").asText();
        String second = Engine.apiGateway().createDeployment(b -> b.restApiId(id).description("later")).id();

        Result beta = cli().aws("api", "stage", "create", name, "beta", "--var", "table=t-beta", "--description", "next");
        JsonNode doc = json(beta);
        assertThat(beta.err()).contains("Created stage 'beta' of API '" + name + "'.");
        // newest by creation time, which API Gateway keeps to the second: two made in one second tie
        Instant newest = Engine.apiGateway().getDeployments(b -> b.restApiId(id)).items().stream().map(Deployment::createdDate)
                .max(Comparator.naturalOrder()).orElseThrow();
        String chosen = doc.path("deployment").asText();
        assertThat(Engine.apiGateway().getDeployment(b -> b.restApiId(id).deploymentId(chosen)).createdDate()).isEqualTo(newest);
        assertThat(chosen).isIn(first, second);
        assertThat(doc.path("variables").path("table").asText()).isEqualTo("t-beta");
        assertThat(doc.path("url").asText()).endsWith("/beta");

        JsonNode canary = json(cli().aws("api", "stage", "create", name, "canary", "--deployment", first));
        assertThat(canary.path("deployment").asText()).isEqualTo(first);

        Result taken = cli().aws("api", "stage", "create", name, "beta");
        assertThat(taken.code()).as(taken.toString()).isEqualTo(2);
        assertThat(taken.err()).contains("Stage 'beta' already exists");
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
}
