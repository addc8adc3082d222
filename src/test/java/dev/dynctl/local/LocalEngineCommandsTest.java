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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class LocalEngineCommandsTest {
    @RegisterExtension
    final EngineSandbox sandbox = new EngineSandbox();

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
        assertThat(started.err()).contains("Started the local engine on port " + sandbox.port, "data in " + sandbox.home.resolve("data"));

        JsonNode status = sandbox.json("local", "status", "-o", "json");
        assertThat(status.path("running").asBoolean()).isTrue();
        assertThat(status.path("port").asInt()).isEqualTo(sandbox.port);
        assertThat(status.path("endpoint").asText()).isEqualTo(sandbox.endpoint().toString());
        assertThat(status.path("data").asText()).isEqualTo(sandbox.home.resolve("data").toString());
        assertThat(status.path("inMemory").asBoolean()).isFalse();
        long pid = status.path("pid").asLong();

        EngineSandbox.createTableWithItem(sandbox.dynamo(), "users");

        Result stopped = sandbox.cli().run("local", "stop");
        assertThat(stopped.code()).as(stopped.toString()).isZero();
        assertThat(stopped.err()).contains("Stopped the local engine on port " + sandbox.port + " (pid " + pid + ").");
        EngineSandbox.awaitExit(pid);
        assertThat(sandbox.engines()).isEmpty();
        assertThat(sandbox.home.resolve("data/dynamodb.pickle")).exists();

        assertThat(sandbox.cli().run("local", "start").code()).isZero();
        DynamoDbClient again = sandbox.dynamo();
        assertThat(again.listTables().tableNames()).containsExactly("users");
        assertThat(again.getItem(b -> b.tableName("users").key(Map.of("id", AttributeValue.fromS("u1")))).item())
                .containsEntry("name", AttributeValue.fromS("Ada"))
                .containsEntry("score", AttributeValue.fromN("12.50"));
    }

    @Test
    void writesAreSavedEvenWhenTheEngineIsKilled() throws Exception {
        long pid = sandbox.json("local", "start").path("pid").asLong();
        EngineSandbox.createTableWithItem(sandbox.dynamo(), "orders");
        Path snapshot = sandbox.home.resolve("data/dynamodb.pickle");
        awaitSnapshotHolding(snapshot, "Ada"); // the item's write lands in the next save
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        EngineSandbox.awaitExit(pid);

        Result r = sandbox.cli().run("local", "start");
        assertThat(r.err()).contains("Removed a stale pid file (pid " + pid + " no longer runs the engine).", "Started");
        assertThat(sandbox.dynamo().getItem(b -> b.tableName("orders").key(Map.of("id", AttributeValue.fromS("u1")))).item())
                .containsEntry("name", AttributeValue.fromS("Ada"));
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
    void startWithOtherSettingsWhileRunningNamesTheRunningEngine(@TempDir Path otherData) {
        sandbox.json("local", "start");

        Result r = sandbox.cli().run("local", "start", "--data", otherData.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("already running on port " + sandbox.port, "dynctl local stop");
    }

    @Test
    void startOnAnotherPortWhileRunningSaysWhichPortAskedForIt() throws IOException {
        sandbox.json("local", "start");
        int other = MotoServer.freePort();

        Result r = sandbox.cli().run("local", "start", "--port", String.valueOf(other));
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("The local engine runs on port " + sandbox.port + ", but --port asks for " + other + ".",
                "Stop it first (dynctl local stop) or leave out --port.");
        assertThat(sandbox.engines()).hasSize(1);
    }

    @Test
    void aLocalPortVariableThatContradictsTheRunningEngineIsAnError() throws IOException {
        long pid = sandbox.json("local", "start").path("pid").asLong();
        int other = MotoServer.freePort();
        String expected = "Error: The local engine runs on port " + sandbox.port + ", but DYNCTL_LOCAL_PORT asks for " + other
                + "." + System.lineSeparator() + "Hint: Stop it first (dynctl local stop) or unset DYNCTL_LOCAL_PORT.";

        Result local = sandbox.cli().env("DYNCTL_LOCAL_PORT", String.valueOf(other)).run("--local", "table", "list");
        assertThat(local.code()).as(local.toString()).isEqualTo(1);
        assertThat(local.err()).contains(expected);
        assertThat(local.out()).isEmpty();

        Result start = sandbox.cli().env("DYNCTL_LOCAL_PORT", String.valueOf(other)).run("local", "start");
        assertThat(start.code()).isEqualTo(1);
        assertThat(start.err()).contains(expected);
        assertThat(sandbox.engines()).as("nothing started on the other port").hasSize(1);

        Result status = sandbox.cli().env("DYNCTL_LOCAL_PORT", String.valueOf(other)).run("local", "status", "-o", "json");
        assertThat(status.code()).isZero();
        assertThat(status.err()).contains("running on port " + sandbox.port + " (pid " + pid + ")",
                "Note: DYNCTL_LOCAL_PORT asks for port " + other + ", so --local fails until you stop the engine on "
                        + sandbox.port + " (dynctl local stop).");
        assertThat(status.out()).contains("\"port\": " + sandbox.port, "\"requestedPort\": " + other);
        assertThat(sandbox.json("local", "status").has("requestedPort")).as("no note when the ports agree").isFalse();

        Result stop = sandbox.cli().env("DYNCTL_LOCAL_PORT", String.valueOf(other)).run("local", "stop");
        assertThat(stop.err()).as("the hint's way out works as given").contains("Stopped the local engine on port " + sandbox.port);
        EngineSandbox.awaitExit(pid);
    }

    @Test
    void inMemoryKeepsNothing() {
        JsonNode status = sandbox.json("local", "start", "--in-memory");
        assertThat(status.path("inMemory").asBoolean()).isTrue();
        assertThat(status.path("data").isNull()).isTrue();
        EngineSandbox.createTableWithItem(sandbox.dynamo(), "scratch");
        sandbox.json("local", "stop");

        Result r = sandbox.cli().run("local", "start", "--in-memory");
        assertThat(r.err()).contains("in memory");
        assertThat(sandbox.dynamo().listTables().tableNames()).isEmpty();
        assertThat(sandbox.home.resolve("data")).doesNotExist();
    }

    @Test
    void dataFolderCanBeChosen(@TempDir Path data) {
        sandbox.json("local", "start", "--data", data.toString());
        EngineSandbox.createTableWithItem(sandbox.dynamo(), "elsewhere");
        sandbox.json("local", "stop");
        assertThat(data.resolve("dynamodb.pickle")).exists();
        assertThat(sandbox.json("local", "start", "--data", data.toString()).path("data").asText()).isEqualTo(data.toString());
        assertThat(sandbox.dynamo().listTables().tableNames()).containsExactly("elsewhere");
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
        Files.writeString(sandbox.home.resolve("engine.json"), "{\"pid\": " + gone.pid() + ", \"port\": " + sandbox.port
                + ", \"data\": null, \"inMemory\": true, \"started\": \"2024-01-01T00:00:00Z\"}");

        Result status = sandbox.cli().run("local", "status");
        assertThat(status.code()).isZero();
        assertThat(status.err()).contains("The local engine is not running (stale pid file removed).");
        assertThat(status.out()).contains("\"stalePidFileRemoved\": true");
        assertThat(sandbox.home.resolve("engine.json")).doesNotExist();
        assertThat(sandbox.json("local", "status").has("stalePidFileRemoved")).isFalse();
    }

    @Test
    void anEngineWhosePidFileWasLostIsStillFound() throws IOException {
        long pid = sandbox.json("local", "start").path("pid").asLong();
        Files.delete(sandbox.home.resolve("engine.json"));

        JsonNode status = sandbox.json("local", "status");
        assertThat(status.path("running").asBoolean()).isTrue();
        assertThat(status.path("pid").asLong()).isEqualTo(pid);
        assertThat(sandbox.cli().run("local", "stop").err()).contains("Stopped");
    }

    @Test
    void anEngineThatCrashesOnStartShowsItsLog() throws IOException {
        Files.createDirectories(sandbox.home.resolve("data"));
        Files.writeString(sandbox.home.resolve("data/dynamodb.pickle"), "not a pickle");

        Result r = sandbox.cli().run("local", "start");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("The local engine exited while starting (exit code 1)",
                "Last lines of " + sandbox.home.resolve("engine.log"), "cannot read the snapshot");
        assertThat(sandbox.home.resolve("engine.json")).doesNotExist();
        assertThat(sandbox.home.resolve("data/dynamodb.pickle")).hasContent("not a pickle");
    }

    @Test
    void aMissingPythonIsExplained() {
        Result r = sandbox.cli().env("DYNCTL_PYTHON", sandbox.home.resolve("no-such-python").toString()).run("local", "start");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("Cannot run", "moto server, a Python program", "pip install 'moto[server]'")
                .doesNotContain("Exception");
    }

    @Test
    void aPythonWithoutMotoIsNamedWithTheVariableThatChoseIt() throws IOException {
        Path python = pythonWithoutMoto(sandbox.home.resolve("python-without-site-packages"));

        Result r = sandbox.cli().env("DYNCTL_PYTHON", python.toString()).run("local", "start");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("moto server is not installed for DYNCTL_PYTHON=" + python + ";",
                python + " -m pip install 'moto[server]'");
    }

    /** python3 first on PATH lacks moto while another Python has it: dynctl names the one it ran, and DYNCTL_PYTHON wins. */
    @Test
    void python3OnThePathWithoutMotoIsNamedAndDynctlPythonPointsElsewhere() throws IOException {
        Path bin = Files.createDirectories(sandbox.home.resolve("bin"));
        Path python3 = pythonWithoutMoto(bin.resolve("python3"));
        String path = bin + java.io.File.pathSeparator + System.getenv("PATH");

        Result r = sandbox.cli().env("PATH", path).run("local", "start");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("moto server is not installed for python3 (" + python3 + ");",
                python3 + " -m pip install 'moto[server]'", "set DYNCTL_PYTHON to a Python that has it");

        Result fixed = sandbox.cli().env("PATH", path).env("DYNCTL_PYTHON", pythonWithMoto().toString()).run("local", "start");
        assertThat(fixed.code()).as(fixed.toString()).isZero();
        assertThat(fixed.err()).contains("Started the local engine on port " + sandbox.port);
    }

    /** A Python that cannot import moto: the machine's own, without its site-packages. */
    private static Path pythonWithoutMoto(Path file) throws IOException {
        Files.writeString(file, "#!/bin/sh\nexec '" + pythonWithMoto() + "' -S \"$@\"\n");
        assertThat(file.toFile().setExecutable(true)).isTrue();
        return file;
    }

    /** The python3 this test run's PATH finds, which has moto (the tests' engine runs on it). */
    private static Path pythonWithMoto() {
        return Python.fromEnvironment(System.getenv()).path();
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


    /** Waits until the engine's snapshot holds the text (pickle keeps strings as UTF-8 bytes). */
    private static void awaitSnapshotHolding(Path snapshot, String text) throws Exception {
        byte[] wanted = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (!(Files.exists(snapshot) && contains(Files.readAllBytes(snapshot), wanted))) {
            assertThat(System.nanoTime()).as("the snapshot did not take the write within 10 s").isLessThan(deadline);
            Thread.onSpinWait();
            Thread.sleep(20);
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
