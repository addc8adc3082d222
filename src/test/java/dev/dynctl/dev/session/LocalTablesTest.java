package dev.dynctl.dev.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.dynctl.aws.Clients;
import dev.dynctl.aws.Target;
import dev.dynctl.deploy.Action;
import dev.dynctl.deploy.Change;
import dev.dynctl.deploy.DeployContext;
import dev.dynctl.deploy.StageDeployment;
import dev.dynctl.model.ProjectFile;
import dev.dynctl.testing.Cli;
import dev.dynctl.testing.Engine;
import dev.dynctl.testing.MotoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;

/** dev's tables in the engine: made and updated as deploy makes them, never deleted. */
class LocalTablesTest {
    @TempDir
    Path project;

    private final String service = Engine.uniqueName("svc");
    private final List<String> notes = new CopyOnWriteArrayList<>();
    private final Clients clients = new Clients(Target.local(MotoServer.get().endpoint(), Cli.REGION), null);

    @AfterEach
    void close() {
        clients.close();
    }

    private DeployContext stage(String tables) throws IOException {
        Path file = Files.writeString(project.resolve("dynctl.yaml"), "service: " + service + "\ntables:\n" + tables);
        return StageDeployment.wanted(clients, ProjectFile.load(file), "dev", Map.of(), notes::add).context();
    }

    @Test
    void tablesAreMadeThenUpdatedAsTheFileChanges() throws Exception {
        String items = service + "-dev-items";

        List<Change> made = LocalTables.apply(stage("  items:\n    keys: {partition: id:S}\n"));

        assertThat(made).extracting(Change::action, Change::name).containsExactly(tuple(Action.CREATE, items));
        assertThat(notes).containsExactly("Created table " + items + ".");
        assertThat(LocalTables.apply(stage("  items:\n    keys: {partition: id:S}\n"))).as("nothing changed").isEmpty();

        List<Change> updated = LocalTables.apply(stage("  items:\n    keys: {partition: id:S}\n    indexes:\n      byOwner: {partition: owner:S}\n"));

        assertThat(updated).extracting(Change::action).containsExactly(Action.UPDATE);
        assertThat(Engine.dynamo().describeTable(b -> b.tableName(items)).table().globalSecondaryIndexes())
                .extracting(GlobalSecondaryIndexDescription::indexName).containsExactly("byOwner");
    }

    @Test
    void aTableTheFileNoLongerListsKeepsItsItems() throws Exception {
        String old = service + "-dev-old";
        LocalTables.apply(stage("  old:\n    keys: {partition: id:S}\n"));
        Engine.dynamo().putItem(b -> b.tableName(old).item(Map.of("id", AttributeValue.fromS("kept"))));

        List<Change> changes = LocalTables.apply(stage("  items:\n    keys: {partition: id:S}\n"));

        assertThat(changes).extracting(Change::action).containsExactly(Action.CREATE);
        assertThat(Engine.dynamo().getItem(b -> b.tableName(old).key(Map.of("id", AttributeValue.fromS("kept")))).hasItem()).isTrue();
    }

    @Test
    void aDroppedTableWithDeletionProtectionDoesNotStopDev() throws Exception {
        String guarded = service + "-dev-guarded";
        LocalTables.apply(stage("  guarded:\n    keys: {partition: id:S}\n"));
        Engine.dynamo().updateTable(b -> b.tableName(guarded).deletionProtectionEnabled(true));

        List<Change> changes = LocalTables.apply(stage("  items:\n    keys: {partition: id:S}\n"));

        assertThat(changes).extracting(Change::action, Change::name).containsExactly(tuple(Action.CREATE, service + "-dev-items"));
        assertThat(Engine.dynamo().describeTable(b -> b.tableName(guarded)).table().deletionProtectionEnabled()).isTrue();
    }
}
