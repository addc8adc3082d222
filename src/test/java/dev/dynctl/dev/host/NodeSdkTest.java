package dev.dynctl.dev.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynctl.dev.LocalFunction;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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
