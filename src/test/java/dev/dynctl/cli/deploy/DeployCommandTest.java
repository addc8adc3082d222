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
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.apigatewayv2.model.Api;
import software.amazon.awssdk.services.apigatewayv2.model.Integration;
import software.amazon.awssdk.services.apigatewayv2.model.Route;
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
    void aPlanAsCsvIsOneRowPerResource() {
        Path project = initProject();
        try (RecordingProxy proxy = proxy()) {
            Result r = deploy(proxy, project, "deploy", "plan", "--stage", stage, "-o", "csv");

            assertThat(r.code()).as(r.toString()).isZero();
            List<String> lines = r.out().lines().toList();
            assertThat(lines.get(0)).isEqualTo("action,kind,name,changes");
            assertThat(lines).contains("+,table," + names.of("items") + ",", "+,function," + names.of("items") + ",");
            assertThat(r.out()).doesNotContain("\"fields\"", "\"summary\"");
            assertThat(r.err()).contains("Plan: ");
            assertThat(proxy.writes()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http-api", "rest-api", "websocket"})
    void aPlanAfterADeployShowsNoChangeAndASecondDeployWritesNothing(String template) throws IOException {
        Path project = initProject(template);
        try (RecordingProxy proxy = proxy()) {
            Result first = deploy(proxy, project, "deploy", "--stage", stage);
            assertThat(first.code()).as(first.toString()).isZero();
            assertThat(Json.MAPPER.readTree(first.out()).path("endpoints")).singleElement()
                    .satisfies(endpoint -> assertThat(endpoint.path("url").asText()).contains(stage));

            Result plan = deploy(proxy, project, "deploy", "plan", "--stage", stage, "-o", "json");
            assertThat(plan.code()).as(plan.toString()).isZero();
            assertNoChange(Json.MAPPER.readTree(plan.out()));
            Result before = deploy(proxy, project, "deploy", "--stage", stage, "plan", "-o", "json");
            assertThat(before.code()).as("--stage before the command: " + before).isZero();
            assertThat(before.out()).isEqualTo(plan.out());

            proxy.clear();
            Result again = deploy(proxy, project, "deploy", "--stage", stage);

            assertThat(again.code()).as(again.toString()).isZero();
            assertThat(again.err()).contains("No changes.");
            assertThat(proxy.writes()).as("write requests of a deploy with nothing to change").isEmpty();
        }
        assertThat(stageFunctions()).hasSize(1);
        assertThat(template.equals("rest-api") ? stageRestApis() : stageApis().stream().map(Api::name).toList())
                .containsExactly(names.of(template.equals("websocket") ? "ws" : template.equals("rest-api") ? "rest" : "http"));
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
    void aFailedCreateNamesTheFunctionAndTheRerunFinishesWithoutDuplicates() throws IOException {
        Path project = initProject();
        try (RecordingProxy proxy = proxy()) {
            proxy.failOnce(call -> call.service().equals("lambda") && call.operation().matches("POST /2015-03-31/functions/?"),
                    400, "InvalidParameterValueException", "Injected failure");

            Result failed = deploy(proxy, project, "deploy", "--stage", stage);

            assertThat(failed.code()).as("the exit code of the cause, a bad request: " + failed).isEqualTo(2);
            assertThat(failed.err()).contains("Deploy stopped at function " + names.function("items") + " (create)", "Injected failure",
                    "changes made", "Run the same deploy again");
            assertThat(stageFunctions()).isEmpty();

            Result rerun = deploy(proxy, project, "deploy", "--stage", stage);

            assertThat(rerun.code()).as(rerun.toString()).isZero();
            assertNothingTwice(proxy, project);
        }
    }

    /** A step of several calls stopped after its first: the rerun finishes it and makes nothing twice. */
    @ParameterizedTest(name = "{0} fails")
    @ValueSource(strings = {"PublishVersion", "CreateAlias", "AddPermission"})
    void aStepStoppedHalfwayIsFinishedByTheRerunWithoutDuplicates(String failing) throws IOException {
        Path project = initProject();
        String path = switch (failing) {
            case "PublishVersion" -> "POST /2015-03-31/functions/[^/]+/versions";
            case "CreateAlias" -> "POST /2015-03-31/functions/[^/]+/aliases";
            default -> "POST /2015-03-31/functions/[^/]+/policy";
        };
        try (RecordingProxy proxy = proxy()) {
            proxy.failOnce(call -> call.service().equals("lambda") && call.operation().matches(path), 400, "ServiceException",
                    "Injected failure of " + failing);

            Result failed = deploy(proxy, project, "deploy", "--stage", stage);

            assertThat(failed.code()).as(failed.toString()).isEqualTo(1);
            assertThat(failed.err()).contains("Injected failure of " + failing, "changes made", "Run the same deploy again")
                    .contains(failing.equals("AddPermission")
                            ? "Deploy stopped at route " + names.of("http") + " GET /items (create)"
                            : "Deploy stopped at function " + names.function("items") + " (create)");
            if (failing.equals("AddPermission")) {
                assertThat(routes()).as("the route was made before its permission").containsExactly("GET /items");
            } else {
                assertThat(stageFunctions()).as("the function was made before " + failing).hasSize(1);
            }

            Result rerun = deploy(proxy, project, "deploy", "--stage", stage);

            assertThat(rerun.code()).as(rerun.toString()).isZero();
            assertNothingTwice(proxy, project);
        }
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
        assertBackedUp(project.resolve(".dynctl").resolve("backups").resolve(stage), "kept-1");
    }

    @Test
    void destroyWithBackupDirPutsTheBackupInThatDirectory() throws IOException {
        Path project = initProject();
        Path backups = temp.resolve("backups");
        try (RecordingProxy proxy = proxy()) {
            assertThat(deploy(proxy, project, "deploy", "--stage", stage).code()).isZero();
            Engine.dynamo().putItem(b -> b.tableName(names.of("items")).item(Map.of("id", AttributeValue.fromS("kept-2"))));

            Result r = deploy(proxy, project, "deploy", "destroy", "--stage", stage, "--yes", "--backup-dir", backups.toString());

            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.err()).contains("Table backups: " + backups);
        }
        assertBackedUp(backups, "kept-2");
        assertThat(project.resolve(".dynctl")).as("nothing in the default place").doesNotExist();
    }

    @Test
    void aBackupDirThatIsAFileStopsTheDestroyBeforeAnythingIsDeleted() throws IOException {
        Path project = initProject();
        Path file = Files.writeString(temp.resolve("not-a-dir"), "x");
        try (RecordingProxy proxy = proxy()) {
            assertThat(deploy(proxy, project, "deploy", "--stage", stage).code()).isZero();
            proxy.clear();

            Result r = deploy(proxy, project, "deploy", "destroy", "--stage", stage, "--yes", "--backup-dir", file.toString());

            assertThat(r.code()).as(r.toString()).isEqualTo(2);
            assertThat(r.err()).contains("Cannot back up table " + names.of("items") + " into " + file + ": it is a file, not a directory.");
            assertThat(proxy.writes()).isEmpty();
        }
        assertThat(stageTables()).containsExactly(names.of("items"));
        assertThat(stageFunctions()).hasSize(1);
    }

    @Test
    void destroyReadsOnlyTheServiceSoABrokenFileStillDestroys() throws IOException {
        Path project = initProject();
        try (RecordingProxy proxy = proxy()) {
            assertThat(deploy(proxy, project, "deploy", "--stage", stage).code()).isZero();
            Path file = project.resolve("dynctl.yaml");
            Files.writeString(file, Files.readString(file).replace("    memory: 256", "    memroy: 256"));
            Result plan = deploy(proxy, project, "deploy", "plan", "--stage", stage);
            assertThat(plan.code()).as("the file is broken: " + plan).isEqualTo(2);
            assertThat(plan.err()).contains(file + ":", "unknown key 'memroy'");

            Result r = deploy(proxy, project, "deploy", "destroy", "--stage", stage, "--yes", "--skip-backup");

            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.err()).contains("Destroyed stage '" + stage + "'");
        }
        assertThat(stageTables()).isEmpty();
        assertThat(stageFunctions()).isEmpty();
        assertThat(stageRoles()).isEmpty();
        assertThat(stageApis()).isEmpty();
    }

    @Test
    void destroyStillPointsAtABadServiceName() throws IOException {
        Path file = temp.resolve("dynctl.yaml");
        Files.writeString(file, "service: My Notes\nfunctions: {items: {runtime: cobol}}\n");
        try (RecordingProxy proxy = proxy()) {
            Result r = cli().run("deploy", "destroy", "--stage", "dev", "--yes", "--project", file.toString(),
                    "--endpoint-url", proxy.endpoint().toString(), "--region", Cli.REGION);

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains(file + ":1:10: service 'My Notes' must be lower-case letters");
            assertThat(proxy.calls()).as("checked before any request").isEmpty();
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

    @Test
    void aSecretFromTheEnvironmentIsNeverShown() throws IOException {
        Path project = initProject();
        Path file = project.resolve("dynctl.yaml");
        Files.writeString(file, Files.readString(file).replace("      TABLE: ${tables.items.name}\n",
                "      TABLE: ${tables.items.name}\n      API_KEY: ${env:SECRET}\n"));
        String first = "first-" + Engine.uniqueName("secret");
        String second = "second-" + Engine.uniqueName("secret");
        try (RecordingProxy proxy = proxy()) {
            Result deployed = cli().env("SECRET", first).run(withTarget(proxy, project, "deploy", "--stage", stage));
            assertThat(deployed.code()).as(deployed.toString()).isZero();
            assertThat(deployed.out() + deployed.err()).doesNotContain(first);

            Result plan = cli().env("SECRET", second).run(withTarget(proxy, project, "deploy", "plan", "--stage", stage));
            assertThat(plan.code()).as(plan.toString()).isZero();
            assertThat(plan.out()).contains("environment", "API_KEY");
            assertThat(plan.out() + plan.err()).doesNotContain(first).doesNotContain(second);

            Result person = cli().interactive(true).env("SECRET", second).run(withTarget(proxy, project, "deploy", "plan", "--stage", stage));
            assertThat(person.out() + person.err()).contains("API_KEY").doesNotContain(first).doesNotContain(second);

            Result debug = cli().env("SECRET", second).run(withTarget(proxy, project, "deploy", "--stage", stage, "--debug"));
            assertThat(debug.code()).as(debug.toString()).isZero();
            assertThat(debug.out()).as("the result, even with --debug (whose request log is on stderr)")
                    .doesNotContain(first).doesNotContain(second);
            assertThat(debug.err().lines().filter(line -> line.startsWith("+ ") || line.startsWith("~ ") || line.startsWith("Plan: ")
                    || line.startsWith("Deploy")).toList()).as("plan lines and messages with --debug").noneMatch(line -> line.contains(second));
        }
        assertThat(Engine.lambda().getFunctionConfiguration(b -> b.functionName(names.function("items")).qualifier(stage))
                .environment().variables()).as("the secret was deployed").containsEntry("API_KEY", second);

        Files.writeString(file, Files.readString(file).replace("    memory: 256\n", "    build: test '${env:SECRET}' = x\n    memory: 256\n"));
        try (RecordingProxy proxy = proxy()) {
            Result build = cli().env("SECRET", second).run(withTarget(proxy, project, "deploy", "plan", "--stage", stage));

            assertThat(build.code()).as(build.toString()).isEqualTo(1);
            assertThat(build.err()).contains("The build of function items", "failed with exit status 1");
            assertThat(build.out() + build.err()).as("the build's command as the file writes it, never resolved").doesNotContain(second);
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
        try (RecordingProxy proxy = proxy()) {
            for (String command : List.of("apply", "plan", "destroy")) {
                Result r = cli().run(withTarget(proxy, temp.resolve("none"), "deploy", command, "--stage", "Prod_1"));

                assertThat(r.code()).isEqualTo(2);
                assertThat(r.err()).contains("'Prod_1' is not a stage name");

                Result tooLong = cli().run(withTarget(proxy, temp.resolve("none"), "deploy", command, "--stage", "a".repeat(40)));

                assertThat(tooLong.code()).as("a 40-character stage, before STS: " + tooLong).isEqualTo(2);
                assertThat(tooLong.err()).contains("is not a stage name: at most 32 characters");
            }
            Result bare = cli().run(withTarget(proxy, temp.resolve("none"), "deploy", "--stage", "1st"));
            assertThat(bare.code()).isEqualTo(2);
            assertThat(bare.err()).contains("'1st' is not a stage name");
            Result before = cli().run(withTarget(proxy, temp.resolve("none"), "deploy", "--stage", "Prod_1", "plan"));
            assertThat(before.code()).isEqualTo(2);
            assertThat(before.err()).as("--stage before the command is checked too").contains("'Prod_1' is not a stage name");
            assertThat(proxy.calls()).isEmpty();
        }
    }

    @Test
    void aStageGivenBeforeAndAfterTheCommandMustBeTheSame() {
        Result r = cli().aws("deploy", "--stage", "dev", "plan", "--stage", "prod", "--project", temp.resolve("none.yaml").toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Two stages given: 'dev' before the command and 'prod' after it.", "Pass --stage once.");
    }

    @Test
    void withoutAProjectFileThereIsNothingToDeploy() {
        assumeFalse(Files.exists(Path.of("dynctl.yaml")), "the tests' working directory has a dynctl.yaml");
        try (RecordingProxy proxy = proxy()) {
            for (String command : List.of("apply", "plan", "destroy")) {
                Result r = cli().run("deploy", command, "--stage", "dev", "--endpoint-url", proxy.endpoint().toString(),
                        "--region", Cli.REGION);

                assertThat(r.code()).as(r.toString()).isEqualTo(2);
                assertThat(r.err()).contains("No dynctl.yaml in the current directory: nothing to deploy.", "--project FILE",
                        "dynctl init");
            }
            assertThat(proxy.calls()).as("no request: not even STS without credentials").isEmpty();
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
        return initProject("http-api");
    }

    private Path initProject(String template) {
        Path project = temp.resolve("project");
        Result r = cli().run("init", project.toString(), "--service", service, "--template", template, "--runtime", "python3.12");
        assertThat(r.code()).as(r.toString()).isZero();
        return project;
    }

    private static void assertNoChange(JsonNode plan) {
        assertThat(plan.path("changes")).isNotEmpty().allSatisfy(change -> assertThat(change.path("action").asText())
                .as(change.toString()).isEqualTo("none"));
        assertThat(plan.path("summary").path("create").asInt() + plan.path("summary").path("update").asInt()
                + plan.path("summary").path("delete").asInt()).isZero();
        assertThat(plan.path("summary").path("unchanged").asInt()).isEqualTo(plan.path("changes").size());
    }

    /**
     * The HTTP API project deployed once, whatever stopped before: one table, role, function,
     * published version and alias; each route once, no two integrations for the same function,
     * every route's integration there; one permission statement per route; a plan shows no change.
     */
    private void assertNothingTwice(RecordingProxy proxy, Path project) throws IOException {
        assertThat(allTables()).containsOnlyOnce(names.of("items"));
        assertThat(stageRoles()).hasSize(1);
        String function = names.function("items");
        assertThat(stageFunctions()).extracting(FunctionConfiguration::functionName).containsExactly(function);
        List<String> versions = Engine.lambda().listVersionsByFunctionPaginator(b -> b.functionName(function)).versions().stream()
                .map(FunctionConfiguration::version).filter(v -> !v.equals("$LATEST")).toList();
        assertThat(versions).as("published versions").hasSize(1);
        assertThat(Engine.lambda().listAliasesPaginator(b -> b.functionName(function)).aliases()).singleElement().satisfies(alias -> {
            assertThat(alias.name()).isEqualTo(stage);
            assertThat(alias.functionVersion()).isEqualTo(versions.get(0));
        });
        List<Api> apis = stageApis();
        assertThat(apis).hasSize(1);
        Api api = apis.get(0);
        assertThat(routes()).containsExactlyInAnyOrder("GET /items", "POST /items", "GET /items/{id}", "PUT /items/{id}",
                "DELETE /items/{id}");
        List<Integration> integrations = Engine.apiGatewayV2().getIntegrations(b -> b.apiId(api.apiId())).items();
        assertThat(integrations.stream().map(Integration::integrationUri).toList()).as("one integration per function").doesNotHaveDuplicates();
        Set<String> integrationIds = integrations.stream().map(Integration::integrationId).collect(Collectors.toSet());
        assertThat(Engine.apiGatewayV2().getRoutes(b -> b.apiId(api.apiId())).items()).allSatisfy(route ->
                assertThat(integrationIds).contains(route.target().substring("integrations/".length())));
        JsonNode policy = Json.MAPPER.readTree(Engine.lambda().getPolicy(b -> b.functionName(function).qualifier(stage)).policy());
        List<String> statements = new ArrayList<>();
        policy.path("Statement").forEach(statement -> statements.add(statement.path("Sid").asText()));
        assertThat(statements).as("one permission statement per route").hasSize(5).doesNotHaveDuplicates();

        Result plan = deploy(proxy, project, "deploy", "plan", "--stage", stage, "-o", "json");
        assertThat(plan.code()).as(plan.toString()).isZero();
        assertNoChange(Json.MAPPER.readTree(plan.out()));
    }

    /** DIR holds exactly one backup of the table, TABLE-TIMESTAMP.jsonl.gz with the item, and its manifest beside it. */
    private void assertBackedUp(Path directory, String itemId) throws IOException {
        List<String> files;
        try (Stream<Path> listed = Files.list(directory)) {
            files = listed.map(f -> f.getFileName().toString()).sorted().toList();
        }
        assertThat(files).as("files in " + directory).hasSize(2);
        String backup = files.get(0);
        assertThat(backup).startsWith(names.of("items") + "-").endsWith(".jsonl.gz");
        assertThat(files.get(1)).isEqualTo(backup + ".manifest.json");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(directory.resolve(backup)))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains(itemId);
        }
    }

    /** The route keys of the stage's one HTTP API. */
    private List<String> routes() {
        Api api = stageApis().get(0);
        return Engine.apiGatewayV2().getRoutes(b -> b.apiId(api.apiId())).items().stream().map(Route::routeKey).toList();
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
