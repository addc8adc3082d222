package dev.dynctl.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.codec.Json;
import dev.dynctl.testing.Cli;
import dev.dynctl.testing.MotoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * An engine folder of its own (a temp dir) and a free port for each test, so tests never touch
 * the user's engine. Register it with {@code @RegisterExtension final EngineSandbox sandbox = new
 * EngineSandbox();}. After each test it stops every engine started from its folder (also when the
 * test failed half-way), checks that none is left running and deletes the folder.
 */
final class EngineSandbox implements BeforeEachCallback, AfterEachCallback {
    Path home;
    int port;
    private final List<DynamoDbClient> clients = new ArrayList<>();

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        home = Files.createTempDirectory("dynctl-engine-").toRealPath();
        port = MotoServer.freePort();
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        clients.forEach(DynamoDbClient::close);
        clients.clear();
        cli().run("local", "stop");
        List<ProcessHandle> left = engines();
        for (ProcessHandle engine : left) {
            engine.destroyForcibly();
            engine.onExit().completeOnTimeout(null, Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS).join();
        }
        delete(home);
        assertThat(left).as("engines left running after 'local stop'").isEmpty();
    }

    Map<String, String> env() {
        return Map.of("DYNCTL_LOCAL_HOME", home.toString(), "DYNCTL_LOCAL_PORT", String.valueOf(port));
    }

    /** dynctl in-process with this sandbox's engine folder and port. */
    Cli cli() {
        Cli cli = Cli.cli();
        env().forEach(cli::env);
        return cli;
    }

    /** Runs a command that must succeed and returns its stdout as JSON. */
    JsonNode json(String... args) {
        Cli.Result r = cli().run(args);
        assertThat(r.code()).as(r.toString()).isZero();
        try {
            return Json.MAPPER.readTree(r.out());
        } catch (IOException e) {
            throw new AssertionError("stdout is not JSON: " + r, e);
        }
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** A raw SDK client on the engine, to check its state behind dynctl's back. */
    DynamoDbClient dynamo(URI endpoint) {
        DynamoDbClient client = DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(Cli.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        clients.add(client);
        return client;
    }

    DynamoDbClient dynamo() {
        return dynamo(endpoint());
    }

    /** Creates {@code table} (key id:S) holding one item: id u1, name Ada, score 12.50. */
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

    /** The engine processes started from this folder that still run. */
    List<ProcessHandle> engines() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(home.toString())).orElse(false))
                .toList();
    }

    static void awaitExit(long pid) {
        ProcessHandle.of(pid).ifPresent(p -> {
            try {
                p.onExit().get(15, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError("pid " + pid + " did not exit", e);
            }
        });
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
