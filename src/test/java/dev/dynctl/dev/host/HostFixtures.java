package dev.dynctl.dev.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.codec.Json;
import dev.dynctl.dev.HostSettings;
import dev.dynctl.dev.LocalFunction;
import dev.dynctl.dev.LocalInvocation;
import dev.dynctl.process.ProcessTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The handlers under src/test/resources/dev/host and what the host tests share. */
final class HostFixtures {
    static final String REGION = "us-east-1";
    static final URI ENGINE = URI.create("http://127.0.0.1:8000");
    static final Map<String, String> CREDENTIALS = Map.of("AWS_ACCESS_KEY_ID", "local-key", "AWS_SECRET_ACCESS_KEY", "local-secret");
    /** Where npm installs the AWS SDK for Node.js: kept under target/ so that later runs find it. */
    static final Path CACHE = Path.of("target", "dev-host-cache").toAbsolutePath();
    /** The processes an instance is made of: dynctl's runtimes, the RIC's JVM, a custom bootstrap and the curl it runs. */
    private static final Pattern RUNTIME_PROCESS = Pattern.compile(".*(dynctl-runtime\\.mjs|dynctl_lambda_runtime\\.py|AWSLambda|/bootstrap|runtime/invocation).*");

    private HostFixtures() {
    }

    static HostSettings settings(int concurrency) {
        return settings(ENGINE, CREDENTIALS, concurrency);
    }

    static HostSettings settings(URI engine, Map<String, String> credentials, int concurrency) {
        return new HostSettings(REGION, engine, credentials, concurrency, CACHE);
    }

    static LocalFunction function(String logicalName, String runtime, String handler, Path code, int timeoutSeconds, Map<String, String> environment) {
        return new LocalFunction(logicalName, "svc-dev-" + logicalName, runtime, handler, code, 256, timeoutSeconds, environment);
    }

    /** A fixture folder as the tests' classpath has it. */
    static Path fixture(String name) {
        try {
            return Path.of(HostFixtures.class.getResource("/dev/host/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy of a fixture folder that a test may change (file modes kept: a bootstrap stays executable). */
    static Path copy(String name, Path into) {
        Path source = fixture(name);
        Path target = into.resolve(name);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(source.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    static byte[] event(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    static JsonNode json(LocalInvocation invocation) {
        try {
            return Json.MAPPER.readTree(invocation.payload());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + new String(invocation.payload(), StandardCharsets.UTF_8), e);
        }
    }

    /** Polls until the condition holds (30 s at most). */
    static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("still waiting after 30 s for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Sends SIGINT to one process (as Ctrl-C at a terminal does to each process of its group) and waits until kill has. */
    static void interrupt(long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
    }

    /** Whether the process leads a session of its own (Linux: the session id in /proc/PID/stat is its pid). */
    static boolean sessionLeader(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[3]) == pid;
    }

    static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessTrees::running).orElse(false);
    }

    /** The runtime processes this JVM started that are still running. */
    static List<String> runtimeProcesses() {
        return ProcessHandle.current().descendants()
                .filter(ProcessTrees::running)
                .map(process -> process.pid() + " " + process.info().commandLine().orElse("?"))
                .filter(line -> RUNTIME_PROCESS.matcher(line).matches())
                .toList();
    }

    static void assertNoRuntimeLeft() {
        assertThat(runtimeProcesses()).as("runtime processes left after close()").isEmpty();
    }
}
