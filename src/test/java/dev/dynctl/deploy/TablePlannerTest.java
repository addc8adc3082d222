package dev.dynctl.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.dynctl.aws.Clients;
import dev.dynctl.dynamo.TableBilling;
import dev.dynctl.dynamo.TableDefinition;
import dev.dynctl.dynamo.TableKeyAttribute;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import dev.dynctl.model.ServiceStage;
import dev.dynctl.model.StageTable;
import dev.dynctl.testing.Cli;
import dev.dynctl.testing.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** The stage's tables: made, updated one change at a time, backed up and deleted, against moto. */
class TablePlannerTest {
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
    void aTableIsMadeWithItsIndexStreamTtlAndTagsAndThenLeftAlone() throws InterruptedException {
        StageTable items = stage.table("items", List.of(StageFixtures.globalIndex("byOwner", "owner")), StreamViewType.NEW_IMAGE, "expiresAt");
        stage.wants(List.of(items), List.of());

        assertThat(stage.deploy()).containsExactly(Change.create(ResourceKind.TABLE, items.name()));

        TableDescription table = describe(items.name());
        assertThat(table.tableStatusAsString()).isEqualTo("ACTIVE");
        assertThat(table.billingModeSummary().billingModeAsString()).isEqualTo("PAY_PER_REQUEST");
        assertThat(table.globalSecondaryIndexes()).extracting(GlobalSecondaryIndexDescription::indexName).containsExactly("byOwner");
        assertThat(table.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_IMAGE);
        assertThat(Engine.dynamo().describeTimeToLive(b -> b.tableName(items.name())).timeToLiveDescription())
                .satisfies(ttl -> {
                    assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
                    assertThat(ttl.attributeName()).isEqualTo("expiresAt");
                });
        assertThat(Engine.dynamo().listTagsOfResource(b -> b.resourceArn(table.tableArn())).tags()).extracting(Tag::key, Tag::value)
                .containsExactlyInAnyOrder(tuple("dynctl:service", stage.service), tuple("dynctl:stage", "dev"),
                        tuple("dynctl:resource", "tables.items"));
        stage.writesSinceLastLook();

        assertThat(stage.plan().changes()).containsExactly(Change.none(ResourceKind.TABLE, items.name()));
        assertThat(stage.deploy()).isEmpty();
        assertThat(stage.writesSinceLastLook()).isEmpty();
    }

    @Test
    void aTableMadeButNotFinishedIsFinishedByTheNextDeploy() throws InterruptedException {
        StageTable items = stage.table("items", List.of(), null, "expiresAt");
        stage.wants(List.of(items), List.of()).failing("UpdateTimeToLive", 1);

        assertThatThrownBy(stage::deploy).isInstanceOfSatisfying(DynctlException.class, e -> assertThat(e.getMessage())
                .startsWith("Deploy stopped at table " + items.name() + " (create): ").endsWith(" 0 of 1 changes made."));

        assertThat(stage.plan().pending()).extracting(Step::change).containsExactly(
                Change.update(ResourceKind.TABLE, items.name(), List.of(new FieldChange("ttl", null, "expiresAt"))));
        stage.deploy();
        assertThat(Engine.dynamo().describeTimeToLive(b -> b.tableName(items.name())).timeToLiveDescription().attributeName())
                .isEqualTo("expiresAt");
    }

    @Test
    void anIndexAddedIsAnUpdateThatMakesIt() throws InterruptedException {
        stage.wants(List.of(stage.table("items")), List.of()).deploy();

        StageTable withIndex = stage.table("items", List.of(StageFixtures.globalIndex("byOwner", "owner")), null, null);
        stage.wants(List.of(withIndex), List.of());
        assertThat(stage.plan().pending()).extracting(Step::change).containsExactly(Change.update(ResourceKind.TABLE, withIndex.name(),
                List.of(new FieldChange("index byOwner", null, "owner:S, all"))));
        stage.deploy();

        assertThat(describe(withIndex.name()).globalSecondaryIndexes()).extracting(GlobalSecondaryIndexDescription::indexName)
                .containsExactly("byOwner");
        assertThat(stage.plan().changesNothing()).isTrue();
    }

    @Test
    void indexesStreamAndTtlChangeOneRequestAtATime() throws InterruptedException {
        stage.wants(List.of(stage.table("items", List.of(StageFixtures.globalIndex("byOwner", "owner"),
                StageFixtures.globalIndex("byStatus", "status")), StreamViewType.NEW_IMAGE, null)), List.of()).deploy();
        stage.writesSinceLastLook();

        StageTable changed = stage.table("items", List.of(StageFixtures.globalIndex("byStatus", "state"),
                StageFixtures.globalIndex("byDay", "day")), null, "expiresAt");
        stage.wants(List.of(changed), List.of());
        assertThat(stage.plan().pending().get(0).change().fields()).containsExactly(
                new FieldChange("index byOwner", "owner:S, all", null),
                new FieldChange("index byStatus", "status:S, all", "state:S, all"),
                new FieldChange("index byDay", null, "day:S, all"),
                new FieldChange("stream", "new-image", null),
                new FieldChange("ttl", null, "expiresAt"));
        stage.deploy();

        // two removals, two creations, the stream, TTL: each its own request
        assertThat(stage.writesSinceLastLook()).containsExactly("dynamodb UpdateTable", "dynamodb UpdateTable", "dynamodb UpdateTable",
                "dynamodb UpdateTable", "dynamodb UpdateTable", "dynamodb UpdateTimeToLive");
        TableDescription table = describe(changed.name());
        assertThat(table.globalSecondaryIndexes()).extracting(GlobalSecondaryIndexDescription::indexName)
                .containsExactlyInAnyOrder("byStatus", "byDay");
        assertThat(table.streamSpecification()).isNull();
        assertThat(stage.plan().changesNothing()).isTrue();
    }

    @Test
    void aKeyChangeIsRefusedBecauseItNeedsANewTable() throws InterruptedException {
        StageTable items = stage.table("items");
        stage.wants(List.of(items), List.of()).deploy();

        TableDefinition rekeyed = new TableDefinition(items.name(), new TableKeyAttribute("pk", ScalarAttributeType.S),
                new TableKeyAttribute("sk", ScalarAttributeType.N), List.of(), List.of(), TableBilling.ON_DEMAND, null, Map.of(), false, null, false);
        stage.wants(List.of(new StageTable("items", rekeyed)), List.of());

        assertThatThrownBy(stage::plan).isInstanceOfSatisfying(DynctlException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(e.getMessage()).startsWith("Table " + items.name() + " has the keys id:S; the project gives pk:S, sk:N.")
                    .contains("needs a new table");
        });
        assertThat(describe(items.name()).keySchema()).hasSize(1);
    }

    @Test
    void aTableTheProjectNoLongerListsIsBackedUpThenDeleted() throws Exception {
        StageTable kept = stage.table("kept");
        StageTable old = stage.table("old");
        stage.wants(List.of(kept, old), List.of()).deploy();
        for (int i = 0; i < 3; i++) {
            String id = "item-" + i;
            Engine.dynamo().putItem(b -> b.tableName(old.name()).item(Map.of("id", AttributeValue.fromS(id), "n", AttributeValue.fromN("7"))));
        }

        stage.wants(List.of(kept), List.of());
        assertThat(stage.plan().pending()).extracting(Step::change).containsExactly(Change.delete(ResourceKind.TABLE, old.name()));
        stage.deploy();

        assertThat(Engine.dynamo().listTablesPaginator(b -> { }).tableNames()).contains(kept.name()).doesNotContain(old.name());
        // deploy hands the planner PROJECT/.dynctl/backups/STAGE: the file goes right there
        Path backup = onlyBackupIn(project.resolve(".dynctl/backups/dev"), old.name());
        assertThat(stage.notes).anyMatch(note -> note.equals("Backed up table " + old.name() + " (3 items) to " + backup + "."));

        String restored = Engine.uniqueName("restored");
        Cli.Result imported = Cli.cli().aws("table", "import", restored, "--from", backup.toString(), "--create");
        assertThat(imported.code()).as(imported.toString()).isZero();
        assertThat(Engine.dynamo().scan(b -> b.tableName(restored)).items()).hasSize(3)
                .allSatisfy(item -> assertThat(item.get("n").n()).isEqualTo("7"));
    }

    @Test
    void withoutABackupDirectoryATableIsDeletedWithoutAFile() throws IOException, InterruptedException {
        StageTable old = stage.table("old");
        stage.wants(List.of(old), List.of()).deploy();
        Deployer noBackups = new Deployer(List.of(new RolePlanner(), new TablePlanner(null), new FunctionPlanner()));
        DeployContext context = stage.context(ServiceStage.nothing(stage.service, "dev", project));

        try (Clients clients = context.clients()) {
            noBackups.apply(noBackups.plan(context), context);
        }

        assertThat(Engine.dynamo().listTablesPaginator(b -> { }).tableNames()).doesNotContain(old.name());
        assertThat(project.resolve(".dynctl")).doesNotExist();
    }

    @Test
    void aBackupDirectoryGivenIsWhereTheFilesGoWithNoStageFolderAdded() throws IOException, InterruptedException {
        StageTable old = stage.table("old");
        stage.wants(List.of(old), List.of()).deploy();
        Path given = project.resolve("elsewhere");
        Deployer toGiven = new Deployer(List.of(new RolePlanner(), new TablePlanner(given), new FunctionPlanner()));
        DeployContext context = stage.context(ServiceStage.nothing(stage.service, "dev", project));

        try (Clients clients = context.clients()) {
            toGiven.apply(toGiven.plan(context), context);
        }

        onlyBackupIn(given, old.name());
        assertThat(project.resolve(".dynctl")).doesNotExist();
    }

    @Test
    void onlyTablesThatHoldTheStageAsAPartOfTheirNameAreAskedForTheirTags() {
        assertThat(TablePlanner.mayBeTheStages("notes-dev-items", "notes", "dev")).as("a default name").isTrue();
        assertThat(TablePlanner.mayBeTheStages("shop-dev-users", "notes", "dev")).as("name: shop-${stage}-users").isTrue();
        assertThat(TablePlanner.mayBeTheStages("dev_users", "notes", "dev")).as("name: ${stage}_users").isTrue();
        assertThat(TablePlanner.mayBeTheStages("users.dev", "notes", "dev")).as("name: users.${stage}").isTrue();
        assertThat(TablePlanner.mayBeTheStages("devices", "notes", "dev")).isFalse();
        assertThat(TablePlanner.mayBeTheStages("shop-devices-dev2", "notes", "dev")).isFalse();
        assertThat(TablePlanner.mayBeTheStages("notes-prod-items", "notes", "dev")).isFalse();
    }

    @Test
    void aTableWithTheWantedNameThatIsNotTheStagesStopsThePlanAndIsLeftAlone() {
        StageTable items = stage.table("items", List.of(StageFixtures.globalIndex("byOwner", "owner")), null, null);
        Engine.dynamo().createTable(b -> b.tableName(items.name())
                .keySchema(k -> k.attributeName("id").keyType("HASH"))
                .attributeDefinitions(a -> a.attributeName("id").attributeType("S"))
                .billingMode("PAY_PER_REQUEST"));
        stage.wants(List.of(items), List.of());

        assertThatThrownBy(stage::plan).isInstanceOfSatisfying(DynctlException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.FAILURE);
            assertThat(e.getMessage()).startsWith("Table " + items.name() + " already exists but is not stage ")
                    .contains("it has no dynctl:service and dynctl:stage tags, so no dynctl deploy made it");
        });
        assertThat(describe(items.name()).globalSecondaryIndexes()).isEmpty();
    }

    @Test
    void aProtectedTableTheStageNoLongerWantsStopsThePlanBeforeAnythingIsDeleted() throws InterruptedException {
        StageTable old = stage.table("old");
        stage.wants(List.of(old), List.of(stage.function("api"))).deploy();
        Engine.dynamo().updateTable(b -> b.tableName(old.name()).deletionProtectionEnabled(true));
        stage.writesSinceLastLook();

        assertThatThrownBy(stage::destroy).isInstanceOfSatisfying(DynctlException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.FAILURE);
            assertThat(e.getMessage()).contains("Table " + old.name()).contains("deletion protection");
            assertThat(e.hint()).contains("dynctl table update " + old.name() + " --no-deletion-protection");
        });
        assertThat(stage.writesSinceLastLook()).isEmpty();
        Engine.dynamo().updateTable(b -> b.tableName(old.name()).deletionProtectionEnabled(false));
        stage.destroy();
    }

    /** The one backup of {@code table} right in {@code directory} (no folder below it), with its manifest beside it and nothing else. */
    private static Path onlyBackupIn(Path directory, String table) throws IOException {
        List<String> files;
        try (Stream<Path> listed = Files.list(directory)) {
            files = listed.map(f -> f.getFileName().toString()).sorted().toList();
        }
        assertThat(files).hasSize(2);
        assertThat(files.get(0)).matches(java.util.regex.Pattern.quote(table) + "-\\d{8}T\\d{6}Z\\.jsonl\\.gz");
        assertThat(files.get(1)).isEqualTo(files.get(0) + ".manifest.json");
        return directory.resolve(files.get(0));
    }

    private static TableDescription describe(String table) {
        return Engine.dynamo().describeTable(b -> b.tableName(table)).table();
    }
}
