package dev.dynctl.deploy;

import dev.dynctl.aws.Clients;
import dev.dynctl.aws.Target;
import dev.dynctl.dynamo.TableBilling;
import dev.dynctl.dynamo.TableDefinition;
import dev.dynctl.dynamo.TableIndexSpec;
import dev.dynctl.dynamo.TableKeyAttribute;
import dev.dynctl.model.ServiceStage;
import dev.dynctl.model.StageFunction;
import dev.dynctl.model.StageNames;
import dev.dynctl.model.StageTable;
import dev.dynctl.model.TableAccess;
import dev.dynctl.testing.Cli;
import dev.dynctl.testing.Engine;
import dev.dynctl.testing.MotoServer;
import dev.dynctl.testing.RecordingProxy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.Projection;

/**
 * A service stage as the project file would resolve it, deployed to the test run's moto with the
 * deployer and the role, table and function planners. Every request goes through a {@link
 * RecordingProxy}, so writes are counted at the endpoint and failures injected there; close it
 * after each test.
 */
final class StageFixtures implements AutoCloseable {
    static final String ACCOUNT = "123456789012";
    static final String STAGE = "dev";

    final String service = Engine.uniqueName("svc");
    final Path project;
    /** Where tables go before they are deleted: the stage's folder, as deploy gives it to the table planner. */
    final Path backups;
    final List<String> notes = new CopyOnWriteArrayList<>();
    final RecordingProxy proxy = new RecordingProxy(MotoServer.get().endpoint());

    private final List<StageTable> tables = new ArrayList<>();
    private final List<StageFunction> functions = new ArrayList<>();

    StageFixtures(Path project) {
        this.project = project;
        this.backups = project.resolve(".dynctl/backups").resolve(STAGE);
    }

    StageNames names() {
        return new StageNames(service, STAGE);
    }

    // --- what the project wants -----------------------------------------------------------

    /** An on-demand table {@code key} with partition key id:S. */
    StageTable table(String key) {
        return table(key, List.of(), null, null);
    }

    StageTable table(String key, List<TableIndexSpec> globalIndexes, StreamViewType stream, String ttl) {
        TableDefinition definition = new TableDefinition(names().of(key), new TableKeyAttribute("id", ScalarAttributeType.S), null,
                globalIndexes, List.of(), TableBilling.ON_DEMAND, stream, Map.of(), false, ttl, false);
        return new StageTable(key, definition);
    }

    static TableIndexSpec globalIndex(String name, String partitionKey) {
        return new TableIndexSpec(name, new TableKeyAttribute(partitionKey, ScalarAttributeType.S), null,
                Projection.builder().projectionType(ProjectionType.ALL).build(), null, null);
    }

    /** A Python function {@code key} whose code is the folder functions/KEY of the project (made here). */
    StageFunction function(String key) {
        return function(key, StageFunction.DEFAULT_MEMORY_MB, Map.of(), Map.of());
    }

    StageFunction function(String key, int memory, Map<String, String> environment, Map<String, TableAccess> tables) {
        return function(key, memory, environment, tables, null);
    }

    StageFunction function(String key, int memory, Map<String, String> environment, Map<String, TableAccess> tables, String build) {
        Path code = project.resolve("functions").resolve(key);
        write(code.resolve("app.py"), "def handler(event, context):\n    return {'function': '" + key + "'}\n");
        return new StageFunction(key, names().function(key), "python3.12", "app.handler", Path.of("functions", key), build,
                memory, StageFunction.DEFAULT_TIMEOUT_SECONDS, environment, "", tables);
    }

    /** The stage wants these tables and functions (and nothing else). */
    StageFixtures wants(List<StageTable> tables, List<StageFunction> functions) {
        this.tables.clear();
        this.tables.addAll(tables);
        this.functions.clear();
        this.functions.addAll(functions);
        return this;
    }

    ServiceStage stage() {
        return new ServiceStage(service, STAGE, project, tables, functions, List.of());
    }

    // --- deploying ---------------------------------------------------------------------------

    Deployer deployer() {
        return new Deployer(List.of(new RolePlanner(), new TablePlanner(backups), new FunctionPlanner()));
    }

    DeployContext context(ServiceStage stage) {
        Clients clients = new Clients(Target.local(proxy.endpoint(), Cli.REGION), null);
        return new DeployContext(clients, stage, ACCOUNT, Cli.REGION, "aws", notes::add);
    }

    /** A plan only (its steps cannot be applied: their clients are closed). */
    DeployPlan plan() throws InterruptedException {
        DeployContext context = context(stage());
        try (Clients ignored = context.clients()) {
            return deployer().plan(context);
        }
    }

    /** Plans and applies what the stage wants; the changes made. */
    List<Change> deploy() throws InterruptedException {
        return deploy(stage());
    }

    List<Change> deploy(ServiceStage stage) throws InterruptedException {
        DeployContext context = context(stage);
        try (Clients ignored = context.clients()) {
            return deployer().apply(deployer().plan(context), context);
        }
    }

    /** What the stage owns goes. */
    List<Change> destroy() throws InterruptedException {
        return deploy(ServiceStage.nothing(service, STAGE, project));
    }

    /** The requests sent since the last call that may have changed something ("dynamodb UpdateTable"), in order. */
    List<String> writesSinceLastLook() {
        List<String> writes = proxy.writes().stream().map(RecordingProxy.Call::toString).toList();
        proxy.clear();
        return writes;
    }

    static Map<String, String> changes(DeployPlan plan) {
        Map<String, String> byResource = new LinkedHashMap<>();
        plan.changes().forEach(c -> byResource.put(c.kind() + " " + c.name(), c.action().label()));
        return Collections.unmodifiableMap(byResource);
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The {@code nth} request from now on (counted from 1) whose operation is {@code operation}
     * ({@link RecordingProxy.Call#operation}: "UpdateTimeToLive", "POST /2015-03-31/functions")
     * fails with an AWS error the SDK does not retry, saying "Injected failure of OPERATION."
     */
    StageFixtures failing(String operation, int nth) {
        int[] seen = {0};
        proxy.failOnce(call -> call.operation().equals(operation) && ++seen[0] == nth, 400, "InjectedFailure",
                "Injected failure of " + operation + ".");
        return this;
    }

    @Override
    public void close() {
        proxy.close();
    }
}
