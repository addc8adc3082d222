package dev.dynctl.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import dev.dynctl.testing.MotoServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What --local does before any request: {@link LocalEngine#ensureRunning}, the entry point of cli/Context. */
class LocalFlagTest {
    @RegisterExtension
    final EngineSandbox sandbox = new EngineSandbox();

    final StringWriter progress = new StringWriter();

    @Test
    void startsTheEngineWhenNothingListensAndSaysSo() {
        URI endpoint = ensureRunning(sandbox.env());
        assertThat(endpoint).isEqualTo(sandbox.endpoint());
        assertThat(progress.toString()).isEqualTo("Starting the local engine on port " + sandbox.port + "…" + System.lineSeparator());
        EngineSandbox.createTableWithItem(sandbox.dynamo(endpoint), "auto");

        progress.getBuffer().setLength(0);
        assertThat(ensureRunning(sandbox.env())).isEqualTo(endpoint);
        assertThat(progress.toString()).as("already running: nothing to say").isEmpty();
        assertThat(sandbox.json("local", "status").path("data").asText()).isEqualTo(sandbox.home.resolve("data").toString());
    }

    @Test
    void usesTheRunningEngineOnItsRecordedPortWhenNoPortIsAskedFor() throws IOException {
        int recorded = MotoServer.freePort();
        sandbox.json("local", "start", "--port", String.valueOf(recorded));

        assertThat(ensureRunning(Map.of("DYNCTL_LOCAL_HOME", sandbox.home.toString())))
                .isEqualTo(URI.create("http://127.0.0.1:" + recorded));
        assertThat(progress.toString()).isEmpty();
    }

    @Test
    void refusesTheRunningEngineWhenDynctlLocalPortAsksForAnother() throws IOException {
        int recorded = MotoServer.freePort();
        sandbox.json("local", "start", "--port", String.valueOf(recorded));

        assertThatThrownBy(() -> ensureRunning(sandbox.env()))
                .isInstanceOfSatisfying(DynctlException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.FAILURE);
                    assertThat(e.getMessage()).isEqualTo("The local engine runs on port " + recorded
                            + ", but DYNCTL_LOCAL_PORT asks for " + sandbox.port + ".");
                    assertThat(e.hint()).isEqualTo("Stop it first (dynctl local stop) or unset DYNCTL_LOCAL_PORT.");
                });
        assertThat(progress.toString()).as("nothing was started").isEmpty();
        assertThat(sandbox.engines()).hasSize(1);
    }

    @Test
    void theSystemPropertyIsNamedWhenItAsksForTheOtherPort() throws IOException {
        int recorded = MotoServer.freePort();
        sandbox.json("local", "start", "--port", String.valueOf(recorded));

        System.setProperty("dynctl.local.port", String.valueOf(sandbox.port));
        try {
            assertThatThrownBy(() -> ensureRunning(Map.of("DYNCTL_LOCAL_HOME", sandbox.home.toString())))
                    .isInstanceOfSatisfying(DynctlException.class, e -> {
                        assertThat(e.getMessage()).contains("but dynctl.local.port asks for " + sandbox.port);
                        assertThat(e.hint()).contains("leave out -Ddynctl.local.port");
                    });
        } finally {
            System.clearProperty("dynctl.local.port");
        }
    }

    @Test
    void usesADynamoDbThatAlreadyAnswersOnThePort() {
        Map<String, String> env = new HashMap<>(sandbox.env());
        env.put("DYNCTL_LOCAL_PORT", String.valueOf(MotoServer.get().port()));

        assertThat(ensureRunning(env)).isEqualTo(MotoServer.get().endpoint());
        assertThat(progress.toString()).isEmpty();
        assertThat(sandbox.home.resolve("engine.json")).doesNotExist();
    }

    @Test
    void refusesAPortTakenBySomethingElse() throws IOException {
        try (ServerSocket taken = new ServerSocket(sandbox.port, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> ensureRunning(sandbox.env()))
                    .isInstanceOfSatisfying(DynctlException.class, e -> {
                        assertThat(e.exitCode()).isEqualTo(ExitCode.FAILURE);
                        assertThat(e.getMessage()).contains("Port " + sandbox.port + " is in use");
                        assertThat(e.hint()).contains("DYNCTL_LOCAL_PORT=");
                    });
        }
    }

    @Test
    void aPortThatIsNotANumberIsAUsageError() {
        Map<String, String> env = new HashMap<>(sandbox.env());
        env.put("DYNCTL_LOCAL_PORT", "eighty");
        assertThatThrownBy(() -> ensureRunning(env))
                .isInstanceOfSatisfying(DynctlException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
                .hasMessageContaining("DYNCTL_LOCAL_PORT 'eighty'");
    }

    private URI ensureRunning(Map<String, String> env) {
        PrintWriter writer = new PrintWriter(progress, true);
        return LocalEngine.fromEnvironment(env).ensureRunning(writer);
    }
}
