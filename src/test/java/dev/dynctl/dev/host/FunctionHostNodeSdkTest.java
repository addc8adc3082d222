package dev.dynctl.dev.host;

import static dev.dynctl.dev.host.HostFixtures.event;
import static dev.dynctl.dev.host.HostFixtures.fixture;
import static dev.dynctl.dev.host.HostFixtures.function;
import static dev.dynctl.dev.host.HostFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.dev.LocalInvocation;
import dev.dynctl.testing.Engine;
import dev.dynctl.testing.MotoServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * A Node.js handler that imports the AWS SDK for JavaScript without bringing it: the host installs
 * it with npm into its cache (under target/, so that later runs find it) and the handler writes to
 * the engine through AWS_ENDPOINT_URL. Needs the npm registry: without it this test fails.
 */
class FunctionHostNodeSdkTest {
    private static final String TABLE = Engine.uniqueName("host-sdk");
    private static final RecordingLog LOG = new RecordingLog();
    private static FunctionHost host;
    private static boolean installedBefore;

    @BeforeAll
    static void start() {
        Engine.dynamo().createTable(b -> b.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));
        installedBefore = Files.exists(HostFixtures.CACHE.resolve("nodejs/node_modules/@aws-sdk/client-dynamodb"));
        Map<String, String> environment = Map.of("TABLE", TABLE);
        host = new FunctionHost(List.of(
                function("put", "nodejs20.x", "index.handler", fixture("node-sdk"), 30, environment),
                function("get", "nodejs20.x", "counter.handler", fixture("node-sdk"), 30, environment),
                function("moduleJs", "nodejs20.x", "index.handler", fixture("node-sdk-module"), 30, environment),
                function("moduleCjs", "nodejs20.x", "legacy.handler", fixture("node-sdk-module"), 30, environment)),
                HostFixtures.settings(MotoServer.get().endpoint(), Map.of("AWS_ACCESS_KEY_ID", "testing", "AWS_SECRET_ACCESS_KEY", "testing"), 1),
                LOG);
    }

    @AfterAll
    static void stop() {
        host.close();
        HostFixtures.assertNoRuntimeLeft();
    }

    /**
     * As on Lambda, a .js file under a package.json with "type": "module" is imported (node 20.19 and
     * later would also require() it, but not with top-level await, nor with the SDK the host provides);
     * a .cjs beside it is required.
     */
    @Test
    void aJsEsModuleWithTopLevelAwaitAndACjsModuleInTheSamePackageRun() throws Exception {
        LocalInvocation esm = host.invoke("moduleJs", event("{}"));
        LocalInvocation cjs = host.invoke("moduleCjs", event("{}"));

        assertThat(esm.failed()).as(new String(esm.payload(), StandardCharsets.UTF_8) + LOG.lines("moduleJs")).isFalse();
        assertThat(json(esm).get("module").asText()).isEqualTo("esm");
        assertThat(json(esm).get("sawTable").asBoolean()).isTrue();
        assertThat(cjs.failed()).as(new String(cjs.payload(), StandardCharsets.UTF_8) + LOG.lines("moduleCjs")).isFalse();
        assertThat(json(cjs).get("module").asText()).isEqualTo("cjs");
        assertThat(json(cjs).get("client").asText()).isEqualTo("function");
    }

    @Test
    void esModuleAndCommonJsHandlersUseTheSdkTheHostProvides() throws Exception {
        LocalInvocation put = host.invoke("put", event("{\"id\": \"a1\"}"));
        LocalInvocation get = host.invoke("get", event("{\"id\": \"a1\"}"));

        assertThat(put.failed()).as(new String(put.payload(), StandardCharsets.UTF_8) + LOG.lines("put")).isFalse();
        assertThat(json(put).get("stored").asText()).isEqualTo("a1");
        assertThat(Engine.dynamo().getItem(b -> b.tableName(TABLE).key(Map.of("id", AttributeValue.fromS("a1")))).item())
                .containsEntry("from", AttributeValue.fromS("node"));
        assertThat(get.failed()).as(new String(get.payload(), StandardCharsets.UTF_8) + LOG.lines("get")).isFalse();
        assertThat(json(get).get("found").asText()).isEqualTo("node");
        // the npm SDK's "needs node >= 22 from 2027" warning is about this machine's node, not the function
        assertThat(LOG.lines("put")).as("the cold start's output").isNotEmpty()
                .noneMatch(line -> line.contains("NodeVersionSupportWarning") || line.contains("will require node"));
        assertThat(LOG.lines("get")).noneMatch(line -> line.contains("NodeVersionSupportWarning"));
        for (String name : NodeSdk.PACKAGES) {
            assertThat(HostFixtures.CACHE.resolve("nodejs/node_modules").resolve(name).resolve("package.json")).exists();
        }
        assertThat(Files.exists(fixture("node-sdk").resolve("node_modules"))).isFalse();
        if (!installedBefore) {
            assertThat(LOG.notes()).anyMatch(note -> note.startsWith("Installing the AWS SDK for JavaScript (@aws-sdk/client-apigatewaymanagementapi,"));
        }
    }
}
