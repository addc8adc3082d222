package dev.dynctl.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.dynamo.Json;
import dev.dynctl.testing.Cli;
import dev.dynctl.testing.MotoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A local engine folder of its own (a temp dir) and a free port for one test, so tests never
 * touch the user's engine. Closing it stops every engine started from that folder, also when the
 * test failed half-way, so no python processes outlive the test run.
 */
final class EngineSandbox implements AutoCloseable {
    final Path home;
    final int port;
    private final List<DynamoDbClient> clients = new ArrayList<>();

    EngineSandbox(Path home) {
        this.home = home;
        try {
            this.port = MotoServer.freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Map<String, String> env() {
        return Map.of("DYNCTL_LOCAL_HOME", home.toString(), "DYNCTL_LOCAL_PORT", String.valueOf(port));
    }

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

    @Override
    public void close() {
        clients.forEach(DynamoDbClient::close);
        cli().run("local", "stop");
        for (ProcessHandle engine : engines()) {
            engine.destroyForcibly();
            engine.onExit().completeOnTimeout(null, Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS).join();
        }
    }
}
