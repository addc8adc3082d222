package dev.dynctl.cli.dev;

import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.codec.Json;
import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import dev.dynctl.testing.MotoServer;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The init project of each runtime under {@code dynctl dev} against moto, one session per
 * runtime: items created and read through the handler over the HTTP and REST APIs (and seen in
 * the table), a WebSocket connected, answered and closed, {@code function invoke --local}, a
 * code change picked up, a crash that is a 502 with the next request served, and Ctrl-C that
 * leaves no process behind.
 */
class DevEndToEndTest {
    /** The host's cache (the AWS SDK for Node.js, from npm) is kept here between runs of the tests. */
    private static final Path HOME = Path.of("target", "dev-e2e-home").toAbsolutePath();
    private static final Duration START = Duration.ofMinutes(3);
    private static final Duration ANSWER = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"nodejs20.x", "python3.12", "java17"})
    void theInitProjectRunsUnderDev(String runtime) throws Exception {
        assumeTrue(onPath(runtime.startsWith("java") ? "mvn" : runtime.startsWith("node") ? "node" : "python3"),
                "the runtime's tools are not installed");
        String service = Engine.uniqueName("dev");
        String table = service + "-dev-items";
        Path project = DevProjects.init(temp, runtime, service);
        String file = project.resolve("dynctl.yaml").toString();
        // moto is the test run's: started before the processes are counted
        MotoServer.get();
        Set<Long> before = descendants();

        try (DevRun dev = DevRun.start(Map.of("DYNCTL_LOCAL_HOME", HOME.toString()), "dev", "--project", file, "--port", "0", "-o", "json")) {
            JsonNode ready = dev.ready(START);
            assertThat(ready.path("endpoints")).extracting(e -> e.path("api").asText() + " " + e.path("type").asText())
                    .containsExactly("http http", "rest rest", "ws websocket");
            String httpApi = DevRun.url(ready, "http");
            String restApi = DevRun.url(ready, "rest");

            HttpResponse<String> created = send("POST", httpApi + "/items", "{\"name\": \"milk\"}");
            assertThat(created.statusCode()).as(created.body() + "\n" + dev.err()).isEqualTo(201);
            String id = Json.MAPPER.readTree(created.body()).path("id").asText();
            assertThat(item(table, id)).containsEntry("name", AttributeValue.fromS("milk"));
            HttpResponse<String> read = send("GET", httpApi + "/items/" + id, null);
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(Json.MAPPER.readTree(read.body()).path("name").asText()).isEqualTo("milk");

            HttpResponse<String> restCreated = send("POST", restApi + "/items", "{\"id\": \"r1\", \"name\": \"bread\"}");
            assertThat(restCreated.statusCode()).as(restCreated.body()).isEqualTo(201);
            assertThat(item(table, "r1")).containsEntry("name", AttributeValue.fromS("bread"));
            HttpResponse<String> all = send("GET", restApi + "/items", null);
            assertThat(all.statusCode()).isEqualTo(200);
            assertThat(Json.MAPPER.readTree(all.body())).extracting(item -> item.path("id").asText()).contains(id, "r1");
            assertThat(dev.err()).contains("POST /items 201");
            // the build and the cold start say nothing the function did not print: no colour resets from mvn -q, no SLF4J
            // binding warning from the Java SDK, no node-version warning from the npm SDK
            assertThat(dev.err()).doesNotContain("\u001b[", "StaticLoggerBinder", "NodeVersionSupportWarning");

            webSocket(dev, DevRun.url(ready, "ws"), table);

            Result invoked = cli().env("DYNCTL_LOCAL_HOME", HOME.toString()).aws("function", "invoke", "items", "--local", "--project", file,
                    "--payload", "{\"version\": \"2.0\", \"rawPath\": \"/items/r1\", \"pathParameters\": {\"id\": \"r1\"}, "
                            + "\"requestContext\": {\"http\": {\"method\": \"GET\"}}}", "-o", "json");
            assertThat(invoked.code()).as(invoked.toString()).isZero();
            JsonNode answer = Json.MAPPER.readTree(invoked.out());
            assertThat(answer.path("statusCode").asInt()).isEqualTo(200);
            assertThat(Json.MAPPER.readTree(answer.path("body").asText()).path("name").asText()).isEqualTo("bread");

            DevProjects.changeHandler(project, runtime);
            String changed = awaitBody(httpApi + "/items/nobody", body -> body.contains("Nothing with id nobody"), dev);
            assertThat(changed).doesNotContain("No item with id");
            assertThat(dev.err()).contains("items: code changed, reloaded");

            HttpResponse<String> crashed = send("GET", httpApi + "/items?crash=1", null);
            assertThat(crashed.statusCode()).as(crashed.body()).isEqualTo(502);
            assertThat(crashed.body()).contains("items");
            HttpResponse<String> after = send("GET", httpApi + "/items/" + id, null);
            assertThat(after.statusCode()).as("the next request is served: " + after.body()).isEqualTo(200);

            dev.ctrlC();
            assertThat(dev.exit(ANSWER)).as(dev.err()).isEqualTo(130);
        }
        awaitNoNewProcesses(before);
    }

    /** $connect, a put and a get answered on the socket, then $disconnect when it closes. */
    private static void webSocket(DevRun dev, String url, String table) throws Exception {
        BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30))
                .buildAsync(URI.create(url), new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            messages.add(text.toString());
                            text.setLength(0);
                        }
                        webSocket.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                        closed.complete(statusCode);
                        return null;
                    }
                }).get(60, TimeUnit.SECONDS);

        socket.sendText("{\"action\": \"put\", \"item\": {\"id\": \"w1\", \"name\": \"tea\"}}", true).get(10, TimeUnit.SECONDS);
        assertThat(Json.MAPPER.readTree(next(messages, dev)).path("id").asText()).isEqualTo("w1");
        assertThat(item(table, "w1")).containsEntry("name", AttributeValue.fromS("tea"));
        socket.sendText("{\"action\": \"get\", \"id\": \"w1\"}", true).get(10, TimeUnit.SECONDS);
        assertThat(Json.MAPPER.readTree(next(messages, dev)).path("name").asText()).isEqualTo("tea");

        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(10, TimeUnit.SECONDS);
        closed.get(30, TimeUnit.SECONDS);
        dev.awaitLine(line -> line.matches("WS \\$disconnect 200 \\d+ ms ws"), ANSWER);
        assertThat(dev.err().lines()).as("the request line of $connect").anyMatch(line -> line.matches("WS \\$connect 200 \\d+ ms ws"));
    }

    private static String next(BlockingQueue<String> messages, DevRun dev) throws InterruptedException {
        String message = messages.poll(ANSWER.toSeconds(), TimeUnit.SECONDS);
        assertThat(message).as("no answer on the socket:\n%s", dev.err()).isNotNull();
        return message;
    }

    private HttpResponse<String> send(String method, String url, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(ANSWER);
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Asks until the answer's body passes {@code test}: the change is rebuilt and reloaded meanwhile. */
    private String awaitBody(String url, Predicate<String> test, DevRun dev) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            String body = send("GET", url, null).body();
            if (test.test(body)) {
                return body;
            }
            assertThat(System.nanoTime()).as("the change was not picked up; last answer %s\n%s", body, dev.err()).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static Map<String, AttributeValue> item(String table, String id) {
        return Engine.dynamo().getItem(b -> b.tableName(table).key(Map.of("id", AttributeValue.fromS(id))).consistentRead(true)).item();
    }

    private static Set<Long> descendants() {
        return ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    /** Every process dev started (instances, builds) is gone once it exited. */
    private static void awaitNoNewProcesses(Set<Long> before) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            List<String> left = new ArrayList<>();
            ProcessHandle.current().descendants().filter(p -> !before.contains(p.pid()))
                    .forEach(p -> left.add(p.pid() + " " + p.info().commandLine().orElse("?")));
            if (left.isEmpty()) {
                return;
            }
            assertThat(System.nanoTime()).as("processes left after dev: %s", left).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(File.pathSeparator)).anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }
}
