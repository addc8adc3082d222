package dev.dynctl.cli.api;

import static dev.dynctl.cli.api.ApiFixtures.deployableRestApi;
import static dev.dynctl.cli.api.ApiFixtures.json;
import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.codec.Json;
import dev.dynctl.testing.Cli;
import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import dev.dynctl.testing.MotoServer;
import dev.dynctl.testing.RecordingProxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.Stage;

/** What API Gateway would refuse is refused before anything is sent; a change that changes nothing sends nothing. */
class ApiStageRulesTest {
    @Test
    void aStageNameApiGatewayRefusesIsRefusedBeforeTheApiIsLookedUp() {
        String name = Engine.uniqueName("pets");
        String id = deployableRestApi(name);

        Result deploy = cli().aws("api", "deploy", name, "--stage", "bad stage");
        assertThat(deploy.code()).as(deploy.toString()).isEqualTo(2);
        assertThat(deploy.err()).contains("Stage name 'bad stage' is not allowed: API Gateway takes letters, digits, hyphens and "
                + "underscores, up to 128 characters.", "Hint: Pick a name such as 'bad-stage'.");
        assertThat(Engine.apiGateway().getStages(b -> b.restApiId(id)).item()).isEmpty();

        Result tooLong = cli().aws("api", "stage", "create", name, "s".repeat(129));
        assertThat(tooLong.code()).as(tooLong.toString()).isEqualTo(2);
        assertThat(tooLong.err()).contains("is not allowed", "up to 128 characters");

        // checked before the API is looked up: an API that does not exist is not what is reported
        Result unknownApi = cli().aws("api", "stage", "update", Engine.uniqueName("nope"), "bad/stage", "--var", "a=1");
        assertThat(unknownApi.code()).as(unknownApi.toString()).isEqualTo(2);
        assertThat(unknownApi.err()).contains("Stage name 'bad/stage' is not allowed");

        Result restDefault = cli().aws("api", "deploy", name, "--stage", "$default");
        assertThat(restDefault.code()).as(restDefault.toString()).isEqualTo(2);
        assertThat(restDefault.err()).contains("A REST API has no '$default' stage");
        assertThat(Engine.apiGateway().getStages(b -> b.restApiId(id)).item()).isEmpty();
    }

    @Test
    void stageVariablesApiGatewayRefusesAreRefusedWithTheRule() {
        String name = Engine.uniqueName("vars");
        String id = deployableRestApi(name);
        json(cli().aws("api", "deploy", name, "--stage", "prod"));

        Result badName = cli().aws("api", "stage", "create", name, "beta", "--var", "bad var=1");
        assertThat(badName.code()).as(badName.toString()).isEqualTo(2);
        assertThat(badName.err()).contains("Stage variable name 'bad var' is not allowed: API Gateway takes letters, digits and "
                + "underscores, up to 64 characters.");
        assertThat(Engine.apiGateway().getStages(b -> b.restApiId(id)).item()).extracting(Stage::stageName).containsExactly("prod");

        Result badValue = cli().aws("api", "stage", "update", name, "prod", "--var", "greeting=hello world");
        assertThat(badValue.code()).as(badValue.toString()).isEqualTo(2);
        assertThat(badValue.err()).contains("The value of stage variable 'greeting' is not allowed: API Gateway takes letters, digits "
                + "and - . _ ~ : / ? # & = , only (no spaces), up to 512 characters.");

        Result empty = cli().aws("api", "stage", "update", name, "prod", "--var", "a=");
        assertThat(empty.code()).as(empty.toString()).isEqualTo(2);
        assertThat(empty.err()).contains("Stage variable 'a' has no value.", "--unset-var a");
        assertThat(stage(id, "prod").variables()).isEmpty();

        json(cli().aws("api", "stage", "update", name, "prod", "--var", "url=https://x.example/a?b=c&d=e,f#g~h"));
        assertThat(stage(id, "prod").variables()).isEqualTo(Map.of("url", "https://x.example/a?b=c&d=e,f#g~h"));
    }

    @Test
    void aVariableBothSetAndRemovedIsRefused() {
        String name = Engine.uniqueName("clash");
        String id = deployableRestApi(name);
        json(cli().aws("api", "deploy", name, "--stage", "prod"));
        json(cli().aws("api", "stage", "update", name, "prod", "--var", "a=0"));

        Result clash = cli().aws("api", "stage", "update", name, "prod", "--var", "a=1", "--unset-var", "a");
        assertThat(clash.code()).as(clash.toString()).isEqualTo(2);
        assertThat(clash.err()).contains("Stage variable 'a' is both set (--var) and removed (--unset-var).");
        assertThat(stage(id, "prod").variables()).isEqualTo(Map.of("a", "0"));
    }

    @Test
    void anUpdateThatChangesNothingSaysSoAndSendsNoUpdate() throws Exception {
        String name = Engine.uniqueName("same");
        String id = deployableRestApi(name);
        json(cli().aws("api", "deploy", name, "--stage", "prod"));
        json(cli().aws("api", "stage", "update", name, "prod", "--var", "b=2", "--description", "main"));
        String stagePath = "PATCH /restapis/" + id + "/stages/prod";

        try (RecordingProxy proxy = new RecordingProxy(MotoServer.get().endpoint(), (verb, path) -> null)) {
            Result again = viaProxy(proxy, "api", "stage", "update", name, "prod", "--var", "b=2", "--description", "main");
            assertThat(again.code()).as(again.toString()).isZero();
            assertThat(again.err()).contains("Nothing changed: stage 'prod' of API '" + name + "' already is as asked.")
                    .doesNotContain("Updated");
            assertThat(Json.MAPPER.readTree(again.out()).path("variables").path("b").asText()).isEqualTo("2");

            Result absent = viaProxy(proxy, "api", "stage", "update", name, "prod", "--unset-var", "zzz");
            assertThat(absent.code()).as(absent.toString()).isZero();
            assertThat(absent.err()).contains("Stage 'prod' has no variable 'zzz' to remove.", "Nothing changed");
            assertThat(proxy.requests()).doesNotContain(stagePath);

            Result some = viaProxy(proxy, "api", "stage", "update", name, "prod", "--var", "b=2", "--var", "c=3", "--unset-var", "zzz");
            assertThat(some.code()).as(some.toString()).isZero();
            assertThat(some.err()).contains("Stage 'prod' has no variable 'zzz' to remove.", "Updated stage 'prod'");
            assertThat(proxy.requests()).containsOnlyOnce(stagePath);
        }
        assertThat(stage(id, "prod").variables()).isEqualTo(Map.of("b", "2", "c", "3"));
    }

    @Test
    void deployingAnApiWithoutRoutesSaysToAddThemFirst() {
        ApiGatewayClient v1 = Engine.apiGateway();
        String empty = Engine.uniqueName("empty");
        String emptyId = v1.createRestApi(b -> b.name(empty)).id();

        Result none = cli().aws("api", "deploy", empty, "--stage", "prod");
        assertThat(none.code()).as(none.toString()).isEqualTo(2);
        assertThat(none.err()).contains("REST API '" + empty + "' (" + emptyId + ") has no methods to deploy.",
                "Hint: Add routes first: 'dynctl api route add " + emptyId + " \"GET /items\" --function F', then deploy again.");

        String bare = Engine.uniqueName("bare");
        String bareId = v1.createRestApi(b -> b.name(bare)).id();
        String root = v1.getResources(b -> b.restApiId(bareId)).items().get(0).id();
        String items = v1.createResource(b -> b.restApiId(bareId).parentId(root).pathPart("items")).id();
        v1.putMethod(b -> b.restApiId(bareId).resourceId(items).httpMethod("GET").authorizationType("NONE"));

        Result noIntegration = cli().aws("api", "deploy", bare, "--stage", "prod");
        assertThat(noIntegration.code()).as(noIntegration.toString()).isEqualTo(2);
        assertThat(noIntegration.err()).contains("REST API '" + bare + "' (" + bareId + ") cannot be deployed: method GET /items has "
                + "no integration.", "Give it a target: 'dynctl api route add " + bareId + " \"GET /items\" --function F'", "'dynctl api routes " + bareId + "' lists the routes");
        assertThat(v1.getStages(b -> b.restApiId(bareId)).item()).isEmpty();
    }

    @Test
    void aMissingStageToDeleteOrExportListsTheStagesThereAre() {
        String name = Engine.uniqueName("list");
        String id = deployableRestApi(name);
        json(cli().aws("api", "deploy", name, "--stage", "prod"));
        json(cli().aws("api", "deploy", name, "--stage", "beta"));

        for (String[] command : new String[][] {{"api", "stage", "delete", name, "nope", "--yes"}, {"api", "export", name, "--stage", "nope"}}) {
            Result r = cli().aws(command);
            assertThat(r.code()).as(r.toString()).isEqualTo(3);
            assertThat(r.err()).contains("Its stages: beta, prod.", "Hint: Name one of them; 'dynctl api stage list " + id + "' shows them with their URLs.")
                    .doesNotContain("Deploy to it");
        }
    }

    /** The URL, the widest column, comes last, so that a narrow terminal cuts nothing before it; what a stage lacks is blank. */
    @Test
    void theStageTableEndsWithTheUrlAndShowsNoNulls() {
        String name = Engine.uniqueName("tbl");
        String id = deployableRestApi(name);
        json(cli().aws("api", "deploy", name, "--stage", "prod"));

        Result table = cli().width(140).aws("api", "stage", "list", name, "-o", "table");
        assertThat(table.code()).as(table.toString()).isZero();
        List<String> lines = table.out().lines().toList();
        assertThat(lines.get(0).stripTrailing()).startsWith("name").endsWith("url");
        assertThat(lines.get(1)).startsWith("prod").endsWith("/prod").contains("https://" + id + ".execute-api");
        assertThat(table.out()).doesNotContain("null", "…");
    }

    private static Stage stage(String api, String name) {
        return Engine.apiGateway().getStages(b -> b.restApiId(api)).item().stream().filter(s -> s.stageName().equals(name))
                .findFirst().orElseThrow();
    }

    private static Result viaProxy(RecordingProxy proxy, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--endpoint-url", proxy.endpoint().toString(), "--region", Cli.REGION));
        return cli().run(all.toArray(String[]::new));
    }
}
