package dev.dynctl.cli.deploy;

import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.codec.Json;
import dev.dynctl.model.StageNames;
import dev.dynctl.testing.Cli;
import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import dev.dynctl.testing.MotoServer;
import dev.dynctl.testing.RecordingProxy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.apigatewayv2.model.Api;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

/**
 * deploy, deploy plan and deploy destroy on the project dynctl init writes (python3.12, HTTP API),
 * end to end against moto through a proxy that counts the requests. Each test has a service of
 * its own, so tests never see each other's resources.
 */
class DeployCommandTest {
    @TempDir
    Path temp;

    private final String service = Engine.uniqueName("svc");
    private final String stage = Engine.uniqueName("s");
    private final StageNames names = new StageNames(service, stage);

    @Test
    void deploysTheInitProjectTaggedAndPrintsTheInvokeUrl() throws IOException {
        Path project = initProject();
        try (RecordingProxy proxy = proxy()) {
            Result r = deploy(proxy, project, "deploy", "--stage", stage);

            assertThat(r.code()).as(r.toString()).isZero();
            JsonNode result = Json.MAPPER.readTree(r.out());
            assertThat(result.path("service").asText()).isEqualTo(service);
            assertThat(result.path("summary").path("create").asInt()).isPositive();
            Api api = stageApis().stream().filter(a -> a.name().equals(names.of("http"))).findFirst().orElseThrow();
            assertThat(result.path("endpoints")).anySatisfy(endpoint -> {
                assertThat(endpoint.path("api").asText()).isEqualTo(names.of("http"));
                assertThat(endpoint.path("url").asText()).contains(api.apiId()).endsWith("/" + stage);
            });
        }
        assertThat(tableTags(names.of("items"))).containsEntry("dynctl:service", service).containsEntry("dynctl:stage", stage)
                .containsEntry("dynctl:resource", "tables.items");
        assertThat(stageFunctions()).extracting(FunctionConfiguration::functionName).containsExactly(names.function("items"));
        assertThat(stageRoles()).extracting(Role::roleName).containsExactly(names.role("items"));
        assertThat(stageApis()).extracting(Api::name).containsExactly(names.of("http"));
    }

    @Test
    void aPersonSeesThePlanThenTheUrl() {
        Path project = initProject();
        try (RecordingProxy proxy = proxy()) {
            Result r = cli().interactive(true).run(withTarget(proxy, project, "deploy", "apply", "--stage", stage));

            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.out()).contains("action", "kind", "name", "changes", "table", names.of("items"), "execute-api");
            assertThat(r.err()).contains("Plan: ", " to create, ", "Deployed stage '" + stage + "'");
        }
    }

    @Test
    void aPlanAfterADeployShowsNoChangeAndASecondDeployWritesNothing() throws IOException {
        Path project = initProject();
        try (RecordingProxy proxy = proxy()) {
            assertThat(deploy(proxy, project, "deploy", "--stage", stage).code()).isZero();

            Result plan = deploy(proxy, project, "deploy", "plan", "--stage", stage, "-o", "json");
            assertThat(plan.code()).as(plan.toString()).isZero();
            JsonNode document = Json.MAPPER.readTree(plan.out());
            assertThat(document.path("changes")).isNotEmpty().allSatisfy(change -> assertThat(change.path("action").asText())
                    .as(change.toString()).isEqualTo("none"));
            assertThat(document.path("summary").path("create").asInt() + document.path("summary").path("update").asInt()
                    + document.path("summary").path("delete").asInt()).isZero();
            assertThat(document.path("summary").path("unchanged").asInt()).isEqualTo(document.path("changes").size());

            proxy.clear();
            Result again = deploy(proxy, project, "deploy", "--stage", stage);

            assertThat(again.code()).as(again.toString()).isZero();
            assertThat(again.err()).contains("No changes.");
            assertThat(proxy.writes()).as("write requests of a deploy with nothing to change").isEmpty();
        }
    }

    @Test
    void aChangedMemoryIsExactlyOneUpdate() throws IOException {
        Path project = initProject();
        try (RecordingProxy proxy = proxy()) {
            assertThat(deploy(proxy, project, "deploy", "--stage", stage).code()).isZero();
            Path file = project.resolve("dynctl.yaml");
            Files.writeString(file, Files.readString(file).replace("memory: 256", "memory: 512"));

            Result plan = deploy(proxy, project, "deploy", "plan", "--stage", stage, "-o", "json");

            assertThat(plan.code()).as(plan.toString()).isZero();
            List<JsonNode> changing = new ArrayList<>();
            Json.MAPPER.readTree(plan.out()).path("changes").forEach(change -> {
                if (!change.path("action").asText().equals("none")) {
                    changing.add(change);
                }
            });
            assertThat(changing).singleElement().satisfies(change -> {
                assertThat(change.path("action").asText()).isEqualTo("update");
                assertThat(change.path("kind").asText()).isEqualTo("function");
                assertThat(change.path("name").asText()).isEqualTo(names.function("items"));
                assertThat(change.path("fields")).singleElement().satisfies(field -> {
                    assertThat(field.path("field").asText()).isEqualTo("memory");
                    assertThat(field.path("from").asText()).isEqualTo("256");
                    assertThat(field.path("to").asText()).isEqualTo("512");
                });
            });

            assertThat(deploy(proxy, project, "deploy", "--stage", stage).code()).isZero();
            assertThat(Engine.lambda().getFunctionConfiguration(b -> b.functionName(names.function("items"))).memorySize()).isEqualTo(512);
        }
    }

    @Test
    void aFailedCreateNamesTheFunctionAndTheRerunFinishesWithoutDuplicates() {
        Path project = initProject();
        try (RecordingProxy proxy = proxy()) {
            proxy.failOnce(call -> call.service().equals("lambda") && call.operation().matches("POST /2015-03-31/functions/?"),
                    400, "InvalidParameterValueException", "Injected failure");

            Result failed = deploy(proxy, project, "deploy", "--stage", stage);

            assertThat(failed.code()).as(failed.toString()).isNotZero();
            assertThat(failed.err()).contains("Deploy stopped at function " + names.function("items") + " (create)", "Injected failure",
                    "changes made");
            assertThat(stageFunctions()).isEmpty();

            Result rerun = deploy(proxy, project, "deploy", "--stage", stage);

            assertThat(rerun.code()).as(rerun.toString()).isZero();
        }
        assertThat(stageFunctions()).extracting(FunctionConfiguration::functionName).containsExactly(names.function("items"));
        assertThat(stageRoles()).hasSize(1);
        assertThat(stageApis()).hasSize(1);
        assertThat(allTables()).containsOnlyOnce(names.of("items"));
    }

    @Test
    void destroyLeavesNothingTaggedWithTheStageAndBacksTheTableUp() throws IOException {
        Path project = initProject();
        try (RecordingProxy proxy = proxy()) {
            assertThat(deploy(proxy, project, "deploy", "--stage", stage).code()).isZero();
            Engine.dynamo().putItem(b -> b.tableName(names.of("items")).item(Map.of("id", AttributeValue.fromS("kept-1"))));

            Result r = deploy(proxy, project, "deploy", "destroy", "--stage", stage, "--yes");

            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.err()).contains("Destroyed stage '" + stage + "'");
        }
        assertThat(allTables()).doesNotContain(names.of("items"));
        assertThat(stageTables()).isEmpty();
        assertThat(stageRoles()).isEmpty();
        assertThat(stageFunctions()).isEmpty();
        assertThat(stageApis()).isEmpty();
        assertThat(stageRestApis()).isEmpty();
        List<Path> backups;
        try (Stream<Path> files = Files.walk(project.resolve(".dynctl/backups"))) {
            backups = files.filter(f -> f.getFileName().toString().startsWith(names.of("items"))
                    && f.getFileName().toString().endsWith(".jsonl.gz")).toList();
        }
        assertThat(backups).hasSize(1);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(backups.get(0)))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("kept-1");
        }
    }

    @Test
    void destroyWithoutYesUnderNoInputRefusesAndKeepsEverything() {
        Path project = initProject();
        try (RecordingProxy proxy = proxy()) {
            assertThat(deploy(proxy, project, "deploy", "--stage", stage).code()).isZero();

            Result r = deploy(proxy, project, "deploy", "destroy", "--stage", stage, "--no-input");

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("Not confirmed", "--yes");
        }
        assertThat(allTables()).contains(names.of("items"));
        assertThat(stageFunctions()).hasSize(1);
    }

    @Test
    void destroyAsksForTheStageName() {
        Path project = initProject();
        try (RecordingProxy proxy = proxy()) {
            assertThat(deploy(proxy, project, "deploy", "--stage", stage).code()).isZero();

            Result wrong = cli().stdin("prod\n").run(withTarget(proxy, project, "deploy", "destroy", "--stage", stage, "--skip-backup"));
            assertThat(wrong.code()).isEqualTo(2);
            assertThat(wrong.err()).contains("Destroy stage '" + stage + "'", "Type '" + stage + "' to confirm", "Not confirmed");
            assertThat(stageFunctions()).hasSize(1);

            Result typed = cli().stdin(stage + "\n").run(withTarget(proxy, project, "deploy", "destroy", "--stage", stage, "--skip-backup"));
            assertThat(typed.code()).as(typed.toString()).isZero();
        }
        assertThat(stageFunctions()).isEmpty();
        assertThat(project.resolve(".dynctl")).as("--skip-backup").doesNotExist();
    }

    @Test
    void destroyingAStageThatOwnsNothingSaysSo() {
        Path project = initProject();
        try (RecordingProxy proxy = proxy()) {
            Result r = deploy(proxy, project, "deploy", "destroy", "--stage", stage, "--no-input");

            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.err()).contains("Nothing to destroy");
            assertThat(proxy.writes()).isEmpty();
        }
    }

    // usage errors: these stop before any request

    @Test
    void everyDeployCommandNeedsAStage() {
        for (List<String> command : List.of(List.of("deploy"), List.of("deploy", "apply"), List.of("deploy", "plan"),
                List.of("deploy", "destroy"))) {
            Result r = cli().aws(command.toArray(String[]::new));

            assertThat(r.code()).as(String.join(" ", command)).isEqualTo(2);
            assertThat(r.err()).contains("Missing required option: '--stage=STAGE'");
        }
    }

    @Test
    void aStageNameIsCheckedBeforeAnythingIsRead() {
        for (String command : List.of("apply", "plan", "destroy")) {
            Result r = cli().aws("deploy", command, "--stage", "Prod_1", "--project", temp.resolve("none.yaml").toString());

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("'Prod_1' is not a stage name");
        }
        Result bare = cli().aws("deploy", "--stage", "1st");
        assertThat(bare.code()).isEqualTo(2);
        assertThat(bare.err()).contains("'1st' is not a stage name");
    }

    @Test
    void withoutAProjectFileThereIsNothingToDeploy() {
        assumeFalse(Files.exists(Path.of("dynctl.yaml")), "the tests' working directory has a dynctl.yaml");
        for (String command : List.of("apply", "plan", "destroy")) {
            Result r = cli().aws("deploy", command, "--stage", "dev");

            assertThat(r.code()).as(r.toString()).isEqualTo(2);
            assertThat(r.err()).contains("No dynctl.yaml in the current directory", "--project FILE", "dynctl init");
        }
        Result missing = cli().aws("deploy", "--stage", "dev", "--project", temp.resolve("gone/dynctl.yaml").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("not found");
    }

    @Test
    void skipBackupAndBackupDirContradictEachOther() {
        Result r = cli().aws("deploy", "destroy", "--stage", "dev", "--skip-backup", "--backup-dir", temp.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--skip-backup", "--backup-dir");
    }

    @Test
    void destroyNeedsTheServiceName() throws IOException {
        Path file = temp.resolve("dynctl.yaml");
        Files.writeString(file, "tables:\n  items:\n");

        Result r = cli().aws("deploy", "destroy", "--stage", "dev", "--project", file.toString(), "--yes");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("service");
    }

    private Path initProject() {
        Path project = temp.resolve("project");
        Result r = cli().run("init", project.toString(), "--service", service, "--template", "http-api", "--runtime", "python3.12");
        assertThat(r.code()).as(r.toString()).isZero();
        return project;
    }

    private static RecordingProxy proxy() {
        return new RecordingProxy(MotoServer.get().endpoint());
    }

    /** Runs dynctl against moto through the proxy, as a script would (JSON out, no terminal). */
    private static Result deploy(RecordingProxy proxy, Path project, String... args) {
        return cli().run(withTarget(proxy, project, args));
    }

    private static String[] withTarget(RecordingProxy proxy, Path project, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--project", project.resolve("dynctl.yaml").toString(), "--endpoint-url", proxy.endpoint().toString(),
                "--region", Cli.REGION));
        return all.toArray(String[]::new);
    }

    private boolean ours(Map<String, String> tags) {
        return service.equals(tags.get("dynctl:service")) && stage.equals(tags.get("dynctl:stage"));
    }

    private Map<String, String> tableTags(String table) {
        String arn = Engine.dynamo().describeTable(b -> b.tableName(table)).table().tableArn();
        Map<String, String> tags = new HashMap<>();
        for (Tag tag : Engine.dynamo().listTagsOfResource(b -> b.resourceArn(arn)).tags()) {
            tags.put(tag.key(), tag.value());
        }
        return tags;
    }

    /** Every table in the shared engine: all pages, as other tests leave many. */
    private static List<String> allTables() {
        return Engine.dynamo().listTablesPaginator().tableNames().stream().toList();
    }

    private List<String> stageTables() {
        return Engine.dynamo().listTablesPaginator().tableNames().stream().filter(table -> {
            try {
                return ours(tableTags(table));
            } catch (software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException gone) {
                return false;
            }
        }).toList();
    }

    private List<Role> stageRoles() {
        return Engine.iam().listRolesPaginator(b -> b.pathPrefix(names.rolePath())).roles().stream().toList();
    }

    private List<FunctionConfiguration> stageFunctions() {
        return Engine.lambda().listFunctionsPaginator().functions().stream()
                .filter(f -> ours(Engine.lambda().listTags(b -> b.resource(f.functionArn())).tags())).toList();
    }

    private List<Api> stageApis() {
        return Engine.apiGatewayV2().getApis().items().stream().filter(api -> ours(api.tags())).toList();
    }

    private List<String> stageRestApis() {
        return Engine.apiGateway().getRestApisPaginator().items().stream().filter(api -> ours(api.tags())).map(api -> api.name()).toList();
    }
}
