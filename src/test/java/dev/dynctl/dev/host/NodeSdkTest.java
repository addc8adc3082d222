package dev.dynctl.dev.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynctl.dev.HostSettings;
import dev.dynctl.dev.LocalFunction;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import dev.dynctl.process.ProcessTrees;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the host installs the AWS SDK for Node.js: only for code that imports it and does not bring it. */
class NodeSdkTest {
    @TempDir
    Path cache;

    @TempDir
    Path code;

    private final RecordingLog log = new RecordingLog();

    @Test
    void findsTheSdkPackagesTheCodeImportsOutsideNodeModules() throws Exception {
        Files.writeString(code.resolve("index.mjs"), "import { DynamoDBClient } from \"@aws-sdk/client-dynamodb\";\n");
        Files.createDirectories(code.resolve("lib"));
        Files.writeString(code.resolve("lib/store.cjs"), "const { S3Client } = require('@aws-sdk/client-s3/dist-cjs/index.js');\n");
        Files.writeString(code.resolve("README.md"), "uses \"@aws-sdk/client-sqs\"\n");
        Files.createDirectories(code.resolve("node_modules/x"));
        Files.writeString(code.resolve("node_modules/x/index.js"), "require(\"@aws-sdk/client-sns\");\n");

        assertThat(NodeSdk.imported(code)).containsExactly("@aws-sdk/client-dynamodb", "@aws-sdk/client-s3");
    }

    @Test
    void codeThatImportsNoSdkInstallsNothing() throws Exception {
        Files.writeString(code.resolve("index.mjs"), "export const handler = async () => 1;\n");

        new NodeSdk(cache, log).provideFor(function("index.handler"), code);

        assertThat(log.notes()).isEmpty();
        assertThat(cache.resolve("nodejs")).doesNotExist();
    }

    @Test
    void codeThatBringsItsOwnSdkInstallsNothing() throws Exception {
        Files.createDirectories(code.resolve("src"));
        Files.writeString(code.resolve("src/app.mjs"), "import { DynamoDBClient } from \"@aws-sdk/client-dynamodb\";\n");
        Path own = Files.createDirectories(code.resolve("node_modules/@aws-sdk/client-dynamodb"));
        Files.writeString(own.resolve("package.json"), "{\"name\": \"@aws-sdk/client-dynamodb\"}\n");

        new NodeSdk(cache, log).provideFor(function("src/app.handler"), code);

        assertThat(log.notes()).isEmpty();
        assertThat(cache.resolve("nodejs")).doesNotExist();
    }

    /** npm reads the prefix's .npmrc: a registry nobody serves fails the install at once. */
    @Test
    void aFailingNpmIsAClearError() throws Exception {
        Files.writeString(code.resolve("index.mjs"), "import { DynamoDBClient } from \"@aws-sdk/client-dynamodb\";\n");
        Files.createDirectories(cache.resolve("nodejs"));
        Files.writeString(cache.resolve("nodejs/.npmrc"), "registry=http://127.0.0.1:9/\nfetch-retries=0\n");

        assertThatThrownBy(() -> new NodeSdk(cache, log).provideFor(function("index.handler"), code))
                .isInstanceOfSatisfying(DynctlException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.FAILURE);
                    assertThat(e.getMessage()).startsWith("npm could not install @aws-sdk/client-apigatewaymanagementapi, @aws-sdk/client-dynamodb, "
                            + "@aws-sdk/lib-dynamodb, @aws-sdk/util-dynamodb into " + cache.resolve("nodejs") + " for function f: ")
                            .contains("ECONNREFUSED");
                    assertThat(e.hint()).startsWith("Check that npm reaches its registry");
                });
        assertThat(log.notes()).singleElement().asString().startsWith("Installing the AWS SDK for JavaScript");
    }

    /** A registry that takes the connection and never answers: npm waits (its own timeouts are minutes). */
    @Test
    void closingTheHostStopsARunningNpm() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Path code = silentRegistry(silent);
            Map<String, String> none = Map.of();
            FunctionHost host = new FunctionHost(List.of(HostFixtures.function("f", "nodejs20.x", "index.handler", code, 3, none)),
                    new HostSettings(HostFixtures.REGION, HostFixtures.ENGINE, none, 1, cache), log);
            CompletableFuture<Throwable> invocation = CompletableFuture.supplyAsync(() -> {
                try {
                    host.invoke("f", HostFixtures.event("{}"));
                    return null;
                } catch (Throwable e) {
                    return e;
                }
            });
            HostFixtures.await("npm to run", () -> !npmProcesses().isEmpty());

            host.close();

            assertThat(invocation.get(30, TimeUnit.SECONDS)).isInstanceOfSatisfying(DynctlException.class, e -> {
                assertThat(e.exitCode()).isEqualTo(ExitCode.INTERRUPTED);
                assertThat(e.getMessage()).isEqualTo("The function host stopped while npm installed the AWS SDK for JavaScript; stopped npm too.");
            });
            assertThat(npmProcesses()).isEmpty();
        }
    }

    @Test
    void anInterruptStopsARunningNpm() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Path code = silentRegistry(silent);
            NodeSdk sdk = new NodeSdk(cache, log);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread installing = new Thread(() -> {
                try {
                    sdk.provideFor(function("index.handler"), code);
                } catch (Throwable e) {
                    failure.set(e);
                }
            });
            installing.start();
            HostFixtures.await("npm to run", () -> !npmProcesses().isEmpty());

            installing.interrupt();
            installing.join(30_000);

            assertThat(failure.get()).isInstanceOfSatisfying(DynctlException.class, e -> {
                assertThat(e.exitCode()).isEqualTo(ExitCode.INTERRUPTED);
                assertThat(e.getMessage()).isEqualTo("Interrupted while npm installed the AWS SDK for JavaScript; stopped it.");
            });
            assertThat(npmProcesses()).isEmpty();
        }
    }

    /** Code that imports the SDK, and the cache's .npmrc pointing npm at {@code registry}. */
    private Path silentRegistry(ServerSocket registry) throws IOException {
        Files.writeString(code.resolve("index.mjs"), "import { DynamoDBClient } from \"@aws-sdk/client-dynamodb\";\n");
        Files.createDirectories(cache.resolve("nodejs"));
        Files.writeString(cache.resolve("nodejs/.npmrc"), "registry=http://127.0.0.1:" + registry.getLocalPort() + "/\nfetch-retries=0\n");
        return code;
    }

    /** The npm processes this JVM started that still run. */
    private static List<String> npmProcesses() {
        return ProcessHandle.current().descendants()
                .filter(ProcessTrees::running)
                .map(process -> process.info().commandLine().orElse(""))
                .filter(line -> line.contains("npm") && line.contains("install"))
                .toList();
    }

    @Test
    void theHandlersFolderIsWhereItsFileIs() {
        assertThat(NodeSdk.handlerFolder("index.handler", code)).isEqualTo(code);
        assertThat(NodeSdk.handlerFolder("src/api/app.handler", code)).isEqualTo(code.resolve("src/api"));
        assertThat(NodeSdk.handlerFolder("src/v1.2/app.handler", code)).isEqualTo(code.resolve("src/v1.2"));
    }

    private LocalFunction function(String handler) {
        return HostFixtures.function("f", "nodejs20.x", handler, code, 3, Map.of());
    }
}
