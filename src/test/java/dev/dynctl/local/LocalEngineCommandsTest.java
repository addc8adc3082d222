package dev.dynctl.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.MotoServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class LocalEngineCommandsTest {
    @TempDir
    Path home;

    EngineSandbox sandbox;

    @BeforeEach
    void sandbox() {
        sandbox = new EngineSandbox(home);
    }

    @AfterEach
    void stopEngines() {
        sandbox.close();
        assertThat(sandbox.engines()).as("engines left running").isEmpty();
    }

    @Test
    void statusWhenNothingWasStarted() {
        Result r = sandbox.cli().run("local", "status");
        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("The local engine is not running.");
        assertThat(sandbox.json("local", "status").path("running").asBoolean()).isFalse();
    }

    @Test
    void tablesAndItemsSurviveAStopAndAStart() {
        Result started = sandbox.cli().run("local", "start");
        assertThat(started.code()).as(started.toString()).isZero();
        assertThat(started.err()).contains("Started the local engine on port " + sandbox.port, "data in " + home.resolve("data"));

        JsonNode status = sandbox.json("local", "status", "-o", "json");
        assertThat(status.path("running").asBoolean()).isTrue();
        assertThat(status.path("port").asInt()).isEqualTo(sandbox.port);
        assertThat(status.path("endpoint").asText()).isEqualTo(sandbox.endpoint().toString());
        assertThat(status.path("data").asText()).isEqualTo(home.resolve("data").toString());
        assertThat(status.path("inMemory").asBoolean()).isFalse();
        long pid = status.path("pid").asLong();

        createTableWithItem(sandbox.dynamo(sandbox.endpoint()), "users");

        Result stopped = sandbox.cli().run("local", "stop");
        assertThat(stopped.code()).as(stopped.toString()).isZero();
        assertThat(stopped.err()).contains("Stopped the local engine on port " + sandbox.port + " (pid " + pid + ").");
        EngineSandbox.awaitExit(pid);
        assertThat(sandbox.engines()).isEmpty();
        assertThat(home.resolve("data/dynamodb.pickle")).exists();

        assertThat(sandbox.cli().run("local", "start").code()).isZero();
        DynamoDbClient again = sandbox.dynamo(sandbox.endpoint());
        assertThat(again.listTables().tableNames()).containsExactly("users");
        assertThat(again.getItem(b -> b.tableName("users").key(Map.of("id", s("u1")))).item())
                .containsEntry("name", s("Ada"))
                .containsEntry("score", AttributeValue.fromN("12.50"));
    }

    @Test
    void writesAreSavedEvenWhenTheEngineIsKilled() throws Exception {
        long pid = sandbox.json("local", "start").path("pid").asLong();
        createTableWithItem(sandbox.dynamo(sandbox.endpoint()), "orders");
        Path snapshot = home.resolve("data/dynamodb.pickle");
        for (int i = 0; i < 50 && !Files.exists(snapshot); i++) {
            Thread.sleep(100);
        }
        Thread.sleep(1500); // the item's write lands in the next save, at most half a second later
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        EngineSandbox.awaitExit(pid);

        Result r = sandbox.cli().run("local", "start");
        assertThat(r.err()).contains("Removed a stale pid file (pid " + pid + " no longer runs the engine).", "Started");
        assertThat(sandbox.dynamo(sandbox.endpoint()).getItem(b -> b.tableName("orders").key(Map.of("id", s("u1")))).item())
                .containsEntry("name", s("Ada"));
    }

    @Test
    void startAndStopAreIdempotent() {
        long pid = sandbox.json("local", "start").path("pid").asLong();

        Result again = sandbox.cli().run("local", "start");
        assertThat(again.code()).isZero();
        assertThat(again.err()).contains("already running on port " + sandbox.port + " (pid " + pid + ")");

        assertThat(sandbox.cli().run("local", "stop").code()).isZero();
        Result stopAgain = sandbox.cli().run("local", "stop");
        assertThat(stopAgain.code()).isZero();
        assertThat(stopAgain.err()).contains("The local engine is not running.");
        assertThat(sandbox.json("local", "stop").path("running").asBoolean()).isFalse();
    }

    @Test
    void startWithOtherSettingsWhileRunningNamesTheRunningEngine() throws IOException {
        sandbox.json("local", "start");
        int other = MotoServer.freePort();

        Result r = sandbox.cli().run("local", "start", "--port", String.valueOf(other));
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("already running on port " + sandbox.port, "dynctl local stop");
    }

    @Test
    void inMemoryKeepsNothing() {
        JsonNode status = sandbox.json("local", "start", "--in-memory");
        assertThat(status.path("inMemory").asBoolean()).isTrue();
        assertThat(status.path("data").isNull()).isTrue();
        createTableWithItem(sandbox.dynamo(sandbox.endpoint()), "scratch");
        sandbox.json("local", "stop");

        Result r = sandbox.cli().run("local", "start", "--in-memory");
        assertThat(r.err()).contains("in memory");
        assertThat(sandbox.dynamo(sandbox.endpoint()).listTables().tableNames()).isEmpty();
        assertThat(home.resolve("data")).doesNotExist();
    }

    @Test
    void dataFolderCanBeChosen(@TempDir Path data) {
        sandbox.json("local", "start", "--data", data.toString());
        createTableWithItem(sandbox.dynamo(sandbox.endpoint()), "elsewhere");
        sandbox.json("local", "stop");
        assertThat(data.resolve("dynamodb.pickle")).exists();
        assertThat(sandbox.json("local", "start", "--data", data.toString()).path("data").asText()).isEqualTo(data.toString());
        assertThat(sandbox.dynamo(sandbox.endpoint()).listTables().tableNames()).containsExactly("elsewhere");
    }

    @Test
    void inMemoryWithADataFolderIsAUsageError() {
        Result r = sandbox.cli().run("local", "start", "--in-memory", "--data", "x");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--in-memory", "--data");
    }

    @Test
    void aBusyPortIsNamedWithTheWayOut() throws IOException {
        try (ServerSocket taken = new ServerSocket(sandbox.port, 1, InetAddress.getLoopbackAddress())) {
            Result r = sandbox.cli().run("local", "start");
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.err()).contains("Port " + sandbox.port + " is in use by another program", "--port")
                    .doesNotContain("Exception");
        }
        assertThat(sandbox.engines()).isEmpty();
    }

    @Test
    void aStalePidFileIsReportedAndRemoved() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(home.resolve("engine.json"), "{\"pid\": " + gone.pid() + ", \"port\": " + sandbox.port
                + ", \"data\": null, \"inMemory\": true, \"started\": \"2024-01-01T00:00:00Z\"}");

        Result status = sandbox.cli().run("local", "status");
        assertThat(status.code()).isZero();
        assertThat(status.err()).contains("The local engine is not running (stale pid file removed).");
        assertThat(status.out()).contains("\"stalePidFileRemoved\": true");
        assertThat(home.resolve("engine.json")).doesNotExist();
        assertThat(sandbox.json("local", "status").has("stalePidFileRemoved")).isFalse();
    }

    @Test
    void anEngineWhosePidFileWasLostIsStillFound() throws IOException {
        long pid = sandbox.json("local", "start").path("pid").asLong();
        Files.delete(home.resolve("engine.json"));

        JsonNode status = sandbox.json("local", "status");
        assertThat(status.path("running").asBoolean()).isTrue();
        assertThat(status.path("pid").asLong()).isEqualTo(pid);
        assertThat(sandbox.cli().run("local", "stop").err()).contains("Stopped");
    }

    @Test
    void anEngineThatCrashesOnStartShowsItsLog() throws IOException {
        Files.createDirectories(home.resolve("data"));
        Files.writeString(home.resolve("data/dynamodb.pickle"), "not a pickle");

        Result r = sandbox.cli().run("local", "start");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("The local engine exited while starting (exit code 1)",
                "Last lines of " + home.resolve("engine.log"), "cannot read the snapshot");
        assertThat(home.resolve("engine.json")).doesNotExist();
        assertThat(home.resolve("data/dynamodb.pickle")).hasContent("not a pickle");
    }

    @Test
    void aMissingPythonIsExplained() {
        Result r = sandbox.cli().env("DYNCTL_PYTHON", home.resolve("no-such-python").toString()).run("local", "start");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("Cannot run", "moto server, a Python program", "pip install 'moto[server]'")
                .doesNotContain("Exception");
    }

    @Test
    void aPythonWithoutMotoIsExplained() throws IOException {
        Path python = home.resolve("python-without-site-packages");
        Files.writeString(python, "#!/bin/sh\nexec python3 -S \"$@\"\n");
        python.toFile().setExecutable(true);

        Result r = sandbox.cli().env("DYNCTL_PYTHON", python.toString()).run("local", "start");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("moto server is not installed", "pip install 'moto[server]'");
    }

    @Test
    void helpHasExamples() {
        for (String command : new String[] {"start", "stop", "status"}) {
            Result r = sandbox.cli().run("local", command, "--help");
            assertThat(r.code()).isZero();
            assertThat(r.out()).contains("Examples:", "dynctl local " + command);
        }
        assertThat(sandbox.cli().run("local", "--help").out()).contains("DYNCTL_LOCAL_PORT", "DYNCTL_LOCAL_HOME");
    }

    static void createTableWithItem(DynamoDbClient dynamo, String table) {
        dynamo.createTable(b -> b.tableName(table)
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .billingMode(BillingMode.PAY_PER_REQUEST));
        dynamo.putItem(b -> b.tableName(table).item(Map.of("id", s("u1"), "name", s("Ada"), "score", AttributeValue.fromN("12.50"))));
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
