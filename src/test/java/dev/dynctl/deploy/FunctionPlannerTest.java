package dev.dynctl.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import dev.dynctl.model.StageFunction;
import dev.dynctl.model.StageTable;
import dev.dynctl.model.TableAccess;
import dev.dynctl.testing.Engine;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** Functions deployed with their roles and tables, as `deploy` runs the planners, against moto. */
class FunctionPlannerTest {
    @TempDir
    Path project;

    private StageFixtures stage;

    @BeforeEach
    void fixtures() {
        stage = new StageFixtures(project);
    }

    @AfterEach
    void closeProxy() {
        stage.close();
    }

    @Test
    void aStageIsMadeFromNothingAndTheNextDeploySendsNoWrite() throws InterruptedException {
        StageTable items = stage.table("items");
        StageFunction api = stage.function("api", 128, Map.of("TABLE", items.name()), Map.of(items.name(), TableAccess.READ_WRITE));
        stage.wants(List.of(items), List.of(api));

        List<Change> made = stage.deploy();

        assertThat(made).extracting(Change::action, Change::kind, Change::name).containsExactly(
                tuple(Action.CREATE, ResourceKind.ROLE, stage.names().role("api")),
                tuple(Action.CREATE, ResourceKind.TABLE, items.name()),
                tuple(Action.CREATE, ResourceKind.FUNCTION, api.name()));
        GetFunctionConfigurationResponse live = Engine.lambda().getFunctionConfiguration(b -> b.functionName(api.name()).qualifier("dev"));
        assertThat(live.version()).isEqualTo("1");
        assertThat(live.runtimeAsString()).isEqualTo("python3.12");
        assertThat(live.handler()).isEqualTo("app.handler");
        assertThat(live.memorySize()).isEqualTo(128);
        assertThat(live.timeout()).isEqualTo(3);
        assertThat(live.environment().variables()).containsExactly(Map.entry("TABLE", items.name()));
        assertThat(live.role()).isEqualTo("arn:aws:iam::123456789012:role/dynctl/" + stage.service + "/dev/" + stage.names().role("api"));
        assertThat(Engine.lambda().listTags(b -> b.resource(arn(api.name()))).tags()).containsOnly(
                Map.entry("dynctl:service", stage.service), Map.entry("dynctl:stage", "dev"), Map.entry("dynctl:resource", "functions.api"));
        stage.writesSinceLastLook();

        DeployPlan again = stage.plan();
        assertThat(again.changesNothing()).isTrue();
        assertThat(again.changes()).extracting(Change::action).containsOnly(Action.NONE).hasSize(3);
        assertThat(stage.deploy()).isEmpty();
        assertThat(stage.writesSinceLastLook()).isEmpty();
    }

    @Test
    void aMemoryChangeIsOneUpdateThatPublishesAVersionAndMovesTheAlias() throws InterruptedException {
        stage.wants(List.of(), List.of(stage.function("api"))).deploy();

        stage.wants(List.of(), List.of(stage.function("api", 256, Map.of(), Map.of())));
        DeployPlan plan = stage.plan();

        assertThat(plan.pending()).extracting(Step::change).containsExactly(
                Change.update(ResourceKind.FUNCTION, stage.names().function("api"), List.of(new FieldChange("memory", "128", "256"))));
        assertThat(plan.pending().get(0).change().fields().get(0).toString()).isEqualTo("memory: 128 → 256");
        stage.deploy();
        GetFunctionConfigurationResponse live = Engine.lambda()
                .getFunctionConfiguration(b -> b.functionName(stage.names().function("api")).qualifier("dev"));
        assertThat(live.version()).isEqualTo("2");
        assertThat(live.memorySize()).isEqualTo(256);
        assertThat(stage.plan().changesNothing()).isTrue();
    }

    @Test
    void anEnvironmentChangeNamesTheVariablesAndNeverTheirValues() throws InterruptedException {
        stage.wants(List.of(), List.of(stage.function("api", 128, Map.of("API_KEY", "first-secret", "OLD", "x"), Map.of()))).deploy();

        stage.wants(List.of(), List.of(stage.function("api", 128, Map.of("API_KEY", "second-secret", "NEW", "y"), Map.of())));
        List<FieldChange> fields = stage.plan().pending().get(0).change().fields();

        assertThat(fields).containsExactly(new FieldChange("environment", "API_KEY, OLD", "API_KEY, NEW"));
        assertThat(fields.toString()).doesNotContain("secret").doesNotContain("x").doesNotContain("y");
        stage.deploy();
        assertThat(Engine.lambda().getFunctionConfiguration(b -> b.functionName(stage.names().function("api")).qualifier("dev"))
                .environment().variables()).containsOnly(Map.entry("API_KEY", "second-secret"), Map.entry("NEW", "y"));
    }

    @Test
    void aCodeChangeIsShownByItsHashAndUploaded() throws InterruptedException {
        StageFunction api = stage.function("api");
        stage.wants(List.of(), List.of(api)).deploy();
        String before = Engine.lambda().getFunctionConfiguration(b -> b.functionName(api.name())).codeSha256();

        StageFixtures.write(project.resolve("functions/api/util.py"), "ANSWER = 42\n");
        List<FieldChange> fields = stage.plan().pending().get(0).change().fields();

        assertThat(fields).hasSize(1);
        assertThat(fields.get(0).field()).isEqualTo("code");
        assertThat(fields.get(0).from()).isEqualTo(before.substring(0, 8));
        stage.deploy();
        assertThat(Engine.lambda().getFunctionConfiguration(b -> b.functionName(api.name()).qualifier("dev")).codeSha256())
                .isNotEqualTo(before);
    }

    @Test
    void anAliasLeftBehindIsMovedWithoutChangingTheFunctionAgain() throws InterruptedException {
        StageFunction api = stage.function("api");
        stage.wants(List.of(), List.of(api)).deploy();
        // a deploy that stopped after updating $LATEST, before publishing
        Engine.lambda().updateFunctionConfiguration(b -> b.functionName(api.name()).memorySize(512));
        stage.writesSinceLastLook();

        stage.wants(List.of(), List.of(stage.function("api", 512, Map.of(), Map.of())));
        assertThat(stage.plan().pending()).extracting(Step::change).containsExactly(
                Change.update(ResourceKind.FUNCTION, api.name(), List.of(new FieldChange("memory", "128", "512"))));
        stage.deploy();

        assertThat(stage.writesSinceLastLook()).containsExactly("lambda POST /2015-03-31/functions/" + api.name() + "/versions",
                "lambda PUT /2015-03-31/functions/" + api.name() + "/aliases/dev");
        assertThat(Engine.lambda().getFunctionConfiguration(b -> b.functionName(api.name()).qualifier("dev")).memorySize()).isEqualTo(512);
    }

    @Test
    void aFunctionMadeButNeverReleasedGetsItsAlias() throws InterruptedException {
        StageFunction api = stage.function("api");
        stage.wants(List.of(), List.of(api)).deploy();
        Engine.lambda().deleteAlias(b -> b.functionName(api.name()).name("dev"));

        assertThat(stage.plan().pending()).extracting(Step::change).containsExactly(
                Change.update(ResourceKind.FUNCTION, api.name(), List.of(new FieldChange("alias", null, "dev"))));
        stage.deploy();

        assertThat(Engine.lambda().getAlias(b -> b.functionName(api.name()).name("dev")).functionVersion()).isEqualTo("1");
        assertThat(stage.plan().changesNothing()).isTrue();
    }

    @Test
    void theBuildRunsOnceInTheProjectDirectoryBeforeThePackageIsMade() throws InterruptedException {
        String build = "echo building for the test && printf 'X = 1\\n' > functions/api/generated.py";
        StageFunction api = stage.function("api", 128, Map.of(), Map.of(), build);
        StageFunction worker = stage.function("worker", 128, Map.of(), Map.of(), build);
        stage.wants(List.of(), List.of(api, worker)).deploy();

        assertThat(project.resolve("functions/api/generated.py")).hasContent("X = 1");
        assertThat(stage.notes).containsOnlyOnce("building for the test");
        String sha = Engine.lambda().getFunctionConfiguration(b -> b.functionName(api.name())).codeSha256();
        assertThat(sha).isEqualTo(dev.dynctl.functions.FunctionPackage.of(project.resolve("functions/api")).sha256());
    }

    @Test
    void aFailedBuildStopsThePlanNamingTheFunctionAndItsStatus() {
        stage.wants(List.of(), List.of(stage.function("api", 128, Map.of(), Map.of(), "echo compiling; exit 3")));

        assertThatThrownBy(stage::plan).isInstanceOfSatisfying(DynctlException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.FAILURE);
            assertThat(e.getMessage()).contains("function api").contains("exit status 3");
        });
        assertThat(stage.notes).contains("compiling");
        assertThat(stage.writesSinceLastLook()).isEmpty();
    }

    @Test
    void aDeployStoppedPartWayIsFinishedByTheNextWithNothingMadeTwice() throws InterruptedException {
        StageFunction api = stage.function("api");
        StageFunction worker = stage.function("worker");
        stage.wants(List.of(), List.of(api, worker)).failing("POST /2015-03-31/functions", 2);

        assertThatThrownBy(stage::deploy).isInstanceOfSatisfying(DynctlException.class, e -> assertThat(e.getMessage())
                .startsWith("Deploy stopped at function " + worker.name() + " (create): ")
                .contains("Injected failure of POST /2015-03-31/functions.")
                .endsWith(" 3 of 4 changes made."));

        assertThat(stage.deploy()).containsExactly(Change.create(ResourceKind.FUNCTION, worker.name()));
        assertThat(stage.plan().changesNothing()).isTrue();
    }

    @Test
    void aBuildIsShownAsTheFileWritesItNeverWithTheSecretsItIsGiven() {
        StageFunction api = stage.function("api");
        StageFunction secretBuild = new StageFunction("api", api.name(), api.runtime(), api.handler(), api.code(),
                "test -n 'the-s3cret-value' && exit 3", "test -n '${env:API_KEY}' && exit 3",
                128, 3, Map.of("API_KEY", "the-s3cret-value"), "", Map.of());
        stage.wants(List.of(), List.of(secretBuild));

        assertThatThrownBy(stage::plan).isInstanceOfSatisfying(DynctlException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.FAILURE);
            assertThat(e.getMessage()).isEqualTo("The build of function api ('test -n '${env:API_KEY}' && exit 3') failed with exit status 3;"
                    + " nothing was deployed.");
        });
        assertThat(stage.notes).containsExactly("Building function api: test -n '${env:API_KEY}' && exit 3");
        assertThat(secretBuild.toString()).doesNotContain("s3cret").contains("API_KEY");
        assertThat(stage.stage().toString()).doesNotContain("s3cret");
        assertThat(FunctionConfig.wanted(secretBuild, "sha", "role").toString()).doesNotContain("s3cret").contains("API_KEY");
    }

    @Test
    void codeThatIsNotThereStopsThePlanNamingTheSetting() {
        StageFunction api = stage.function("api");
        stage.wants(List.of(), List.of(new StageFunction("api", api.name(), api.runtime(), api.handler(), Path.of("missing"), null,
                128, 3, Map.of(), "", Map.of())));

        assertThatThrownBy(stage::plan).isInstanceOfSatisfying(DynctlException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(e.getMessage()).startsWith("Cannot read functions.api.code " + project.resolve("missing"));
        });
    }

    @Test
    void aFunctionWithTheWantedNameThatIsNotTheStagesStopsThePlanAndIsLeftAlone() throws InterruptedException {
        StageFunction api = stage.function("api");
        Engine.function(api.name());
        stage.wants(List.of(), List.of(api));

        assertThatThrownBy(stage::plan).isInstanceOfSatisfying(DynctlException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.FAILURE);
            assertThat(e.getMessage()).contains("Function " + api.name()).contains("so no dynctl deploy made it");
        });
        assertThat(stage.writesSinceLastLook()).isEmpty();
        assertThat(Engine.lambda().getFunctionConfiguration(b -> b.functionName(api.name())).role()).endsWith(api.name() + "-role");
        assertThatThrownBy(() -> Engine.lambda().getAlias(b -> b.functionName(api.name()).name("dev")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void aFunctionTheProjectNoLongerListsIsDeletedWithItsRole() throws InterruptedException {
        StageFunction api = stage.function("api");
        StageFunction old = stage.function("old");
        stage.wants(List.of(), List.of(api, old)).deploy();

        stage.wants(List.of(), List.of(api));
        DeployPlan plan = stage.plan();
        assertThat(plan.pending()).extracting(Step::change).containsExactly(
                Change.delete(ResourceKind.FUNCTION, old.name()),
                Change.delete(ResourceKind.ROLE, stage.names().role("old")));
        stage.deploy();

        assertThat(functionNames()).contains(api.name()).doesNotContain(old.name());
        assertThat(Engine.iam().listRoles(b -> b.pathPrefix(stage.names().rolePath())).roles())
                .extracting(r -> r.roleName()).containsExactly(stage.names().role("api"));
    }

    @Test
    void destroyLeavesNothingTaggedWithTheStage() throws InterruptedException {
        StageTable items = stage.table("items");
        stage.wants(List.of(items), List.of(stage.function("api", 128, Map.of(), Map.of(items.name(), TableAccess.READ)),
                stage.function("worker"))).deploy();
        String otherStageTable = Engine.uniqueName("other");
        // another service's table with the same stage is not this stage's
        Engine.dynamo().createTable(b -> b.tableName(otherStageTable + "-dev")
                .keySchema(k -> k.attributeName("id").keyType("HASH"))
                .attributeDefinitions(a -> a.attributeName("id").attributeType("S"))
                .billingMode("PAY_PER_REQUEST")
                .tags(t -> t.key("dynctl:service").value("someone-else"), t -> t.key("dynctl:stage").value("dev")));

        List<Change> destroyed = stage.destroy();

        assertThat(destroyed).extracting(Change::action).containsOnly(Action.DELETE);
        assertThat(destroyed).extracting(Change::kind).containsExactly(
                ResourceKind.FUNCTION, ResourceKind.FUNCTION, ResourceKind.TABLE, ResourceKind.ROLE, ResourceKind.ROLE);
        assertThat(functionNames()).noneMatch(name -> name.startsWith(stage.service));
        assertThat(Engine.iam().listRoles(b -> b.pathPrefix(stage.names().rolePath())).roles()).isEmpty();
        assertThat(Engine.dynamo().listTablesPaginator(b -> { }).tableNames()).noneMatch(name -> name.startsWith(stage.service))
                .contains(otherStageTable + "-dev");
        assertThat(stage.wants(List.of(), List.of()).plan().steps()).isEmpty();
    }

    private static List<String> functionNames() {
        return Engine.lambda().listFunctionsPaginator(b -> { }).functions().stream().map(FunctionConfiguration::functionName).toList();
    }

    private static String arn(String function) {
        return "arn:aws:lambda:us-east-1:123456789012:function:" + function;
    }
}
