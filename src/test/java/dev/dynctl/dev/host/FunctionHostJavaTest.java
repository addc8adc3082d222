package dev.dynctl.dev.host;

import static dev.dynctl.dev.host.HostFixtures.await;
import static dev.dynctl.dev.host.HostFixtures.event;
import static dev.dynctl.dev.host.HostFixtures.fixture;
import static dev.dynctl.dev.host.HostFixtures.function;
import static dev.dynctl.dev.host.HostFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.dev.LocalFunction;
import dev.dynctl.dev.LocalInvocation;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Java functions on the local host: a handler compiled here against aws-lambda-java-core runs in a
 * child JVM through AWS's runtime interface client, from a jar and from a classes directory.
 */
class FunctionHostJavaTest {
    private static final String HANDLER = "fixture.EchoHandler::handleRequest";
    private static final RecordingLog LOG = new RecordingLog();
    private static FunctionHost host;

    @TempDir
    static Path temporary;

    @BeforeAll
    static void start() throws Exception {
        Path classes = compile(temporary.resolve("classes"),
                fixture("java").resolve("fixture/EchoHandler.java"), fixture("java").resolve("fixture/BrokenHandler.java"));
        Path jar = jar(classes, temporary.resolve("echo.jar"));
        host = new FunctionHost(List.of(
                function("jar", "java17", HANDLER, jar, 10, Map.of("GREETING", "hallo")),
                function("classes", "java17", HANDLER, classes, 10, Map.of()),
                function("unknownClass", "java17", "fixture.Nowhere::handleRequest", classes, 10, Map.of()),
                function("broken", "java17", "fixture.BrokenHandler::handleRequest", classes, 10, Map.of())),
                HostFixtures.settings(1), LOG);
    }

    @AfterAll
    static void stop() {
        host.close();
        HostFixtures.assertNoRuntimeLeft();
    }

    @Test
    void aJarsHandlerRunsAndStaysWarm() throws Exception {
        LocalInvocation first = host.invoke("jar", event("{\"hello\": \"java\"}"));
        LocalInvocation second = host.invoke("jar", event("{\"again\": 2}"));

        assertThat(first.failed()).as(new String(first.payload(), StandardCharsets.UTF_8)).isFalse();
        JsonNode answer = json(first);
        assertThat(answer.at("/event/hello").asText()).isEqualTo("java");
        assertThat(answer.get("functionName").asText()).isEqualTo("svc-dev-jar");
        assertThat(answer.get("memoryLimitInMB").asInt()).isEqualTo(256);
        assertThat(answer.get("requestId").asText()).isNotBlank();
        assertThat(answer.get("remaining").asLong()).isBetween(1L, 10_000L);
        assertThat(answer.get("region").asText()).isEqualTo("us-east-1");
        assertThat(answer.get("greeting").asText()).isEqualTo("hallo");
        assertThat(first.coldStart()).isTrue();
        assertThat(second.coldStart()).isFalse();
        assertThat(json(second).get("pid").asLong()).isEqualTo(answer.get("pid").asLong());
        List<String> lines = LOG.lastInvocation("jar");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("java handler got {again=2}");
        assertThat(lines.get(1)).startsWith("REPORT RequestId: " + json(second).get("requestId").asText() + "\t");
    }

    @Test
    void aClassesDirectorysHandlerRunsAndItsExceptionsAreFailedInvocations() throws Exception {
        LocalInvocation answered = host.invoke("classes", event("{\"n\": 1}"));
        LocalInvocation failed = host.invoke("classes", event("{\"fail\": \"no stock\"}"));

        assertThat(json(answered).at("/event/n").asInt()).isEqualTo(1);
        assertThat(failed.errorType()).isEqualTo("java.lang.IllegalStateException");
        assertThat(failed.errorMessage()).isEqualTo("refused: no stock");
        assertThat(json(failed).get("stackTrace").toString()).contains("fixture.EchoHandler.handleRequest");
    }

    /**
     * The client prints a handler's exception after it posts the error: the host logs it before the
     * invocation's REPORT line, not after it (where it would read as the next invocation's).
     */
    @Test
    void aHandlersStackTraceIsLoggedBeforeItsReportLine() throws Exception {
        for (int n = 1; n <= 3; n++) {
            String message = "refused: late stack " + n;
            LocalInvocation failed = host.invoke("classes", event("{\"fail\": \"late stack " + n + "\"}"));

            List<String> lines = LOG.lastInvocation("classes");
            assertThat(failed.errorMessage()).isEqualTo(message);
            assertThat(lines.get(lines.size() - 1)).as("%s", lines).startsWith("REPORT RequestId: ");
            assertThat(lines).as("the stack trace, before REPORT").anyMatch(line -> line.endsWith(message))
                    .anyMatch(line -> line.contains("at fixture.EchoHandler.handleRequest"));
        }
    }

    /** As on Lambda, the runtime interface client reports a missing class on each invocation rather than at init. */
    @Test
    void aClassThatIsNotThereFailsTheInvocation() throws Exception {
        LocalInvocation invocation = host.invoke("unknownClass", event("{}"));

        assertThat(invocation.errorType()).isEqualTo("java.lang.ClassNotFoundException");
        assertThat(invocation.errorMessage()).isEqualTo("Class not found: fixture.Nowhere");
    }

    /** The runtime interface client names the class; the cause is in the function's output, as in CloudWatch. */
    @Test
    void aClassThatCannotInitialiseIsAnInitError() throws Exception {
        LocalInvocation invocation = host.invoke("broken", event("{}"));

        // the client's type, as Lambda answers it
        assertThat(invocation.errorType()).isEqualTo("java.lang.ExceptionInInitializerError");
        assertThat(invocation.errorMessage()).isEqualTo("Error loading class fixture.BrokenHandler");
        await("the cause in the log", () -> LOG.lines("broken").contains("Caused by: java.lang.IllegalStateException: NO_SUCH_TABLE_VARIABLE is not set"));
    }

    /** AWS's runtime interface client ships its native library for Linux alone: elsewhere the function says so. */
    @Test
    void elsewhereThanLinuxAJavaFunctionIsAnInitErrorThatSaysWhy() {
        JavaLauncher launcher = new JavaLauncher(function("mac", "java17", HANDLER, temporary, 10, Map.of()), "Mac OS X", "aarch64", Map.of());

        assertThatThrownBy(() -> launcher.prepare(temporary))
                .isInstanceOf(InitFailure.class)
                .hasMessage("Function mac (java17) cannot run on Mac OS X aarch64: AWS's runtime interface client, which runs Java functions as on Lambda,"
                        + " ships its native library for Linux on x86_64 and arm64 only. Run dynctl dev for Java functions on Linux"
                        + " (WSL 2 on Windows; a Linux VM or container on macOS).");
    }

    /** A runtime newer than the Java dynctl runs on, with no JAVA_HOME that is new enough: said before any class fails to load. */
    @Test
    void aRuntimeNewerThanDynctlsJavaIsAnInitErrorThatSaysWhatToDo() {
        int newer = Runtime.version().feature() + 1;
        JavaLauncher launcher = new JavaLauncher(function("newer", "java" + newer, HANDLER, temporary, 10, Map.of()), "Linux", "amd64",
                Map.of("JAVA_HOME", System.getProperty("java.home")));

        assertThatThrownBy(() -> launcher.prepare(temporary))
                .isInstanceOf(InitFailure.class)
                .hasMessage("Function newer has runtime java" + newer + ", but dynctl runs on Java " + Runtime.version().feature()
                        + " (" + System.getProperty("java.home") + ") and JAVA_HOME (" + System.getProperty("java.home") + ") is not Java " + newer
                        + " or newer: classes built for Java " + newer + " would fail to load (UnsupportedClassVersionError). Run dynctl on Java " + newer
                        + " or newer, or set JAVA_HOME to a JDK " + newer + " or newer: dynctl then runs the function on that JDK's java.");
    }

    /** With JAVA_HOME at a JDK as new as the runtime, the function runs on that JDK (skipped where this machine has none newer than dynctl's). */
    @Test
    void aRuntimeNewerThanDynctlsJavaRunsOnJavaHome() throws Exception {
        Optional<Path> newerJdk = newerJdk();
        Assumptions.assumeTrue(newerJdk.isPresent(), "no JDK newer than " + Runtime.version().feature() + " under /usr/lib/jvm");
        int newer = Runtime.version().feature() + 1;
        LocalFunction function = function("newer", "java" + newer, HANDLER, temporary.resolve("classes"), 10, Map.of());
        ExecutorService threads = Executors.newCachedThreadPool();
        FunctionPool pool = new FunctionPool(function, HostFixtures.settings(1),
                new JavaLauncher(function, "Linux", System.getProperty("os.arch"), Map.of("JAVA_HOME", newerJdk.get().toString())), LOG, threads);
        try {
            LocalInvocation invocation = pool.invoke(event("{}")).orElseThrow();

            assertThat(invocation.failed()).as(new String(invocation.payload(), StandardCharsets.UTF_8)).isFalse();
            assertThat(json(invocation).get("javaVersion").asInt()).isGreaterThanOrEqualTo(newer);
        } finally {
            pool.close();
            threads.shutdownNow();
        }
    }

    private static Optional<Path> newerJdk() throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(home -> Files.isExecutable(home.resolve("bin/java")) && Files.isRegularFile(home.resolve("release")))
                    .filter(home -> {
                        try {
                            Matcher version = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)").matcher(Files.readString(home.resolve("release")));
                            return version.find() && Integer.parseInt(version.group(1)) > Runtime.version().feature();
                        } catch (IOException e) {
                            return false;
                        }
                    })
                    .findFirst();
        }
    }

    private static Path compile(Path classes, Path... sources) throws IOException, java.net.URISyntaxException {
        Files.createDirectories(classes);
        String core = Path.of(Context.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        boolean compiled = compiler.getTask(errors, null, null, List.of("-classpath", core, "-d", classes.toString(), "--release", "17"), null,
                compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(sources)).call();
        assertThat(compiled).as(errors.toString()).isTrue();
        return classes;
    }

    private static Path jar(Path classes, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file); Stream<Path> files = Files.walk(classes)) {
            for (Path path : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(path).toString()));
                out.write(Files.readAllBytes(path));
                out.closeEntry();
            }
        }
        return jar;
    }
}
