package dev.dynctl.cli.api;

import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.dynctl.codec.Json;
import dev.dynctl.testing.Cli;
import dev.dynctl.testing.Engine;
import dev.dynctl.testing.MotoServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;

/**
 * The APIs live in moto (lookup, stages, each method's authorization). moto's server does not run
 * API Gateway integrations, so a local server stands in for the deployed API behind --base-url:
 * it records what arrives and answers as the test says.
 */
class ApiCallCommandTest {
    private static String restName;
    private static String restId;
    private static Backend backend;

    @BeforeAll
    static void setUp() throws IOException {
        restName = Engine.uniqueName("shop");
        ApiGatewayClient v1 = Engine.apiGateway();
        restId = v1.createRestApi(b -> b.name(restName)).id();
        String root = v1.getResources(b -> b.restApiId(restId)).items().get(0).id();
        String items = v1.createResource(b -> b.restApiId(restId).parentId(root).pathPart("items")).id();
        String item = v1.createResource(b -> b.restApiId(restId).parentId(items).pathPart("{id}")).id();
        String admin = v1.createResource(b -> b.restApiId(restId).parentId(root).pathPart("admin")).id();
        method(v1, item, "GET", "NONE");
        method(v1, items, "POST", "NONE");
        method(v1, admin, "GET", "AWS_IAM");
        v1.createDeployment(b -> b.restApiId(restId).stageName("dev"));
        backend = Backend.start();
    }

    private static void method(ApiGatewayClient v1, String resource, String httpMethod, String auth) {
        v1.putMethod(b -> b.restApiId(restId).resourceId(resource).httpMethod(httpMethod).authorizationType(auth));
        v1.putIntegration(b -> b.restApiId(restId).resourceId(resource).httpMethod(httpMethod).type("MOCK"));
    }

    @AfterAll
    static void tearDown() {
        backend.close();
    }

    private Cli.Result call(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("api", "call"));
        all.addAll(List.of(args));
        all.addAll(List.of("--base-url", backend.url()));
        return cli().aws(all.toArray(String[]::new));
    }

    @Test
    void getPrintsStatusHeadersAndJsonBody() throws IOException {
        backend.answer(200, "{\"id\":\"1\",\"name\":\"pen\"}", Map.of("Content-Type", "application/json", "X-Shop", "open"));
        Cli.Result result = call(restName, "GET /items/1", "--stage", "dev", "--query-param", "color=red");

        assertThat(result.code()).as(result.toString()).isZero();
        JsonNode doc = Json.MAPPER.readTree(result.out());
        assertThat(doc.get("status").asInt()).isEqualTo(200);
        assertThat(doc.get("method").asText()).isEqualTo("GET");
        assertThat(doc.get("url").asText()).isEqualTo(backend.url() + "/items/1?color=red");
        assertThat(doc.get("route").asText()).isEqualTo("GET /items/{id}");
        assertThat(doc.get("signed").asBoolean()).isFalse();
        assertThat(doc.get("headers").get("x-shop").asText()).isEqualTo("open");
        assertThat(doc.get("body").get("name").asText()).isEqualTo("pen");
        Backend.Request seen = backend.last();
        assertThat(seen.method()).isEqualTo("GET");
        assertThat(seen.target()).isEqualTo("/items/1?color=red");
        assertThat(seen.header("Authorization")).isNull();
    }

    @Test
    void tableShowsStatusLineHeadersWithIncludeAndPrettyBody() {
        backend.answer(201, "{\"id\":\"7\"}", Map.of("Content-Type", "application/json"));
        Cli.Result result = call(restName, "POST /items", "--stage", "dev", "--data", "{\"name\":\"ink\"}", "-i",
                "--header", "X-Trace: abc", "-o", "table");

        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(result.out()).startsWith("HTTP 201\n").contains("content-type: application/json\n").endsWith("{\n  \"id\": \"7\"\n}\n");
        assertThat(result.err()).contains("POST " + backend.url() + "/items");
        Backend.Request seen = backend.last();
        assertThat(seen.body()).isEqualTo("{\"name\":\"ink\"}");
        assertThat(seen.header("Content-Type")).isEqualTo("application/json");
        assertThat(seen.header("X-Trace")).isEqualTo("abc");
    }

    @Test
    void bodyFromAFileIsSentAsItIs(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("item.txt");
        Files.writeString(file, "plain words\n");
        backend.answer(200, "thanks", Map.of("Content-Type", "text/plain"));
        Cli.Result result = call(restName, "POST /items", "--stage", "dev", "--data", "@" + file, "-o", "table");

        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(backend.last().body()).isEqualTo("plain words\n");
        assertThat(backend.last().header("Content-Type")).isNull();
        assertThat(result.out()).isEqualTo("HTTP 200\nthanks\n");
    }

    @Test
    void iamRouteIsSignedForExecuteApiAndSecretsAreNotShown() throws IOException {
        backend.answer(200, "{\"ok\":true}", Map.of("Content-Type", "application/json", "Set-Cookie", "session=s3cr3t"));
        Cli.Result result = call(restName, "GET /admin", "--stage", "dev");

        assertThat(result.code()).as(result.toString()).isZero();
        String authorization = backend.last().header("Authorization");
        assertThat(authorization).startsWith("AWS4-HMAC-SHA256 Credential=testing/")
                .contains("/us-east-1/execute-api/aws4_request").contains("Signature=");
        assertThat(backend.last().header("X-Amz-Date")).isNotNull();
        JsonNode doc = Json.MAPPER.readTree(result.out());
        assertThat(doc.get("signed").asBoolean()).isTrue();
        assertThat(doc.get("route").asText()).isEqualTo("GET /admin");
        assertThat(doc.get("headers").get("set-cookie").asText()).isEqualTo("(hidden)");
        assertThat(result.out() + result.err()).doesNotContain("s3cr3t").doesNotContain("Signature=");
    }

    @Test
    void signIsAChoiceEitherWay() {
        backend.answer(200, "{}", Map.of());
        assertThat(call(restName, "GET /items/1", "--stage", "dev", "--sign").code()).isZero();
        assertThat(backend.last().header("Authorization")).contains("/execute-api/aws4_request");

        assertThat(call(restName, "GET /admin", "--stage", "dev", "--no-sign").code()).isZero();
        assertThat(backend.last().header("Authorization")).isNull();
    }

    @Test
    void errorStatusExitsOneUnlessNoFail() throws IOException {
        backend.answer(404, "{\"message\":\"no such item\"}", Map.of("Content-Type", "application/json"));
        Cli.Result failed = call(restName, "GET /items/9", "--stage", "dev");
        assertThat(failed.code()).as(failed.toString()).isEqualTo(1);
        assertThat(Json.MAPPER.readTree(failed.out()).get("status").asInt()).isEqualTo(404);
        assertThat(failed.err()).contains("GET " + backend.url() + "/items/9 answered 404").contains("--no-fail");

        backend.answer(503, "busy", Map.of());
        Cli.Result tolerated = call(restName, "GET /items/9", "--stage", "dev", "--no-fail");
        assertThat(tolerated.code()).as(tolerated.toString()).isZero();
        assertThat(Json.MAPPER.readTree(tolerated.out()).get("body").asText()).isEqualTo("busy");
    }

    @Test
    void unknownApiIsNotFound() {
        Cli.Result result = call("no-such-api-" + restName, "GET /items/1", "--stage", "dev");
        assertThat(result.code()).as(result.toString()).isEqualTo(3);
        assertThat(result.err()).contains("API 'no-such-api-" + restName + "' not found");
    }

    @Test
    void unknownStageIsNotFoundAndListsTheStages() {
        Cli.Result result = call(restName, "GET /items/1", "--stage", "prod");
        assertThat(result.code()).as(result.toString()).isEqualTo(3);
        assertThat(result.err()).contains("Stage 'prod' not found").contains("Its stages: dev.");
    }

    @Test
    void restApiNeedsAStage() {
        Cli.Result result = call(restName, "GET /items/1");
        assertThat(result.code()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("--stage").contains("dev");
    }

    @Test
    void badRequestLineIsAUsageError() {
        Cli.Result result = call(restName, "/items/1", "--stage", "dev");
        assertThat(result.code()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("'GET /items/1'");
    }

    @Test
    void webSocketApiIsRefusedWithAHint() {
        String name = Engine.uniqueName("chat");
        Engine.apiGatewayV2().createApi(b -> b.name(name).protocolType("WEBSOCKET").routeSelectionExpression("$request.body.action"));
        Cli.Result result = call(name, "GET /", "--stage", "dev");
        assertThat(result.code()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("WebSocket").contains("wscat -c wss://");
    }

    @Test
    void connectionFailureNamesTheUrl() throws IOException {
        String url = "http://127.0.0.1:" + MotoServer.freePort();
        Cli.Result result = cli().aws("api", "call", restName, "GET /items/1", "--stage", "dev", "--base-url", url);
        assertThat(result.code()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).contains("Could not connect to " + url + "/items/1");
    }

    @Test
    void aBaseUrlWhereNothingListensSaysSoInsteadOfAskingForABaseUrl() throws IOException {
        int port = MotoServer.freePort();
        Cli.Result result = cli().aws("api", "call", restName, "GET /items/1", "--stage", "dev", "--base-url", "http://127.0.0.1:" + port);
        assertThat(result.code()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).contains("Hint: Nothing is listening at 127.0.0.1:" + port
                + ": start the server that runs the API there, or check the host and port of --base-url.").doesNotContain("pass --base-url");
    }

    @Test
    void aBaseUrlWithoutSchemeOrHostIsAUsageError() {
        for (String bad : List.of("notaurl", "localhost:3000", "ftp://example.com", "http:/items")) {
            Cli.Result result = cli().aws("api", "call", restName, "GET /items/1", "--stage", "dev", "--base-url", bad);
            assertThat(result.code()).as(result.toString()).isEqualTo(2);
            assertThat(result.err()).contains("--base-url '" + bad + "' is not a URL to call: it needs a scheme (http or https) and a host.",
                    "Hint: Pass the whole URL, e.g. --base-url https://api.example.com").doesNotContain("Exception");
        }
    }

    @Test
    void againstTheEmulatorTheCallGoesToItsUserRequestPath() throws IOException {
        Cli.Result result = cli().aws("api", "call", restName, "GET /items/1", "--stage", "dev", "--no-fail");
        assertThat(result.code()).as(result.toString()).isZero();
        // moto's server answers no execute-api path: what the test can show is where the call went
        assertThat(Json.MAPPER.readTree(result.out()).get("url").asText())
                .isEqualTo(MotoServer.get().endpoint() + "/restapis/" + restId + "/dev/_user_request_/items/1");
    }

    @Test
    void httpApiWithoutStageCallsDefault() throws IOException {
        String name = Engine.uniqueName("http");
        String id = Engine.apiGatewayV2().createApi(b -> b.name(name).protocolType("HTTP")).apiId();
        Engine.apiGatewayV2().createRoute(b -> b.apiId(id).routeKey("GET /things/{id}").authorizationType("AWS_IAM"));
        backend.answer(200, "{}", Map.of());
        Cli.Result result = call(name, "GET /things/3");
        assertThat(result.code()).as(result.toString()).isZero();
        JsonNode doc = Json.MAPPER.readTree(result.out());
        assertThat(doc.get("route").asText()).isEqualTo("GET /things/{id}");
        assertThat(doc.get("signed").asBoolean()).isTrue();
        assertThat(backend.last().header("Authorization")).contains("/execute-api/aws4_request");
    }

    /** A stand-in for a deployed API: records each request and answers with the status, body and headers set last. */
    private static final class Backend implements AutoCloseable {
        record Request(String method, String target, Map<String, List<String>> headers, String body) {
            String header(String name) {
                return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                        .map(h -> h.getValue().get(0)).findFirst().orElse(null);
            }
        }

        private record Answer(int status, String body, Map<String, String> headers) {
        }

        private final HttpServer server;
        private final List<Request> requests = new CopyOnWriteArrayList<>();
        private volatile Answer answer = new Answer(200, "", Map.of());

        private Backend(HttpServer server) {
            this.server = server;
        }

        static Backend start() throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            Backend backend = new Backend(server);
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                backend.requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                        Map.copyOf(exchange.getRequestHeaders()), body));
                Answer answer = backend.answer;
                answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
                byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            });
            server.start();
            return backend;
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        void answer(int status, String body, Map<String, String> headers) {
            answer = new Answer(status, body, headers);
        }

        Request last() {
            return requests.get(requests.size() - 1);
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
