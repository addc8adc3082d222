package dev.dynctl.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The packaged launcher: an engine started by one dynctl process serves the next ones. */
class LocalEngineLauncherIT {
    @RegisterExtension
    final EngineSandbox sandbox = new EngineSandbox();

    @Test
    void theEngineOutlivesTheDynctlThatStartedIt() throws Exception {
        Launched start = dynctl("local", "start");
        assertThat(start.code).as(start.err).isZero();
        assertThat(start.err).contains("Started the local engine on port " + sandbox.port);

        Launched status = dynctl("local", "status", "-o", "json");
        assertThat(status.out).contains("\"running\": true", "\"port\": " + sandbox.port);
        assertThat(sandbox.dynamo().listTables().tableNames()).isEmpty();

        Launched stop = dynctl("local", "stop");
        assertThat(stop.code).isZero();
        assertThat(stop.err).contains("Stopped the local engine");
        assertThat(sandbox.engines()).isEmpty();
    }

    private Launched dynctl(String... args) throws IOException, InterruptedException {
        Path launcher = Path.of(System.getProperty("dynctl.home"), "bin", "dynctl");
        ProcessBuilder builder = new ProcessBuilder(launcher.toString());
        builder.command().addAll(List.of(args));
        builder.environment().putAll(sandbox.env());
        builder.environment().put("XDG_CACHE_HOME", sandbox.home.resolve("cache").toString());
        Path out = sandbox.home.resolve("launcher.out");
        Path err = sandbox.home.resolve("launcher.err");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("dynctl returned").isTrue();
        return new Launched(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private record Launched(int code, String out, String err) {
    }
}
