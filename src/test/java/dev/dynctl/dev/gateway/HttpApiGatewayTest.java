package dev.dynctl.dev.gateway;

import static dev.dynctl.dev.gateway.Apis.route;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.dev.LocalEndpoint;
import dev.dynctl.model.ApiCors;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An HTTP API (payload 2.0) served by the local gateway, through a real HTTP client. */
class HttpApiGatewayTest {
    private static final String ORIGIN = "https://app.example.com";
    private static final ScriptedFunctions FUNCTIONS = new ScriptedFunctions();
    private static final RecordingLog LOG = new RecordingLog();
    private static LocalGateway gateway;
    private static URI items;
    private static URI plain;

    @BeforeAll
    static void start() {
        ApiCors cors = new ApiCors(List.of(ORIGIN), List.of("GET", "POST", "OPTIONS"), List.of("Content-Type", "X-Api-Key"), 600, false);
        gateway = new LocalGateway(List.of(
                Apis.http("items", cors,
                        route("GET /items", "list"),
                        route("GET /items/{id}", "item"),
                        route("GET /items/special", "special"),
                        route("ANY /items/{id}", "anyItem"),
                        route("GET /files/{proxy+}", "files"),
                        route("POST /echo", "echo"),
                        route("OPTIONS /own", "own"),
                        route("$default", "fallback")),
                Apis.http("plain", null, route("GET /ghost", "nobody"), route("GET /hello", "hello"))),
                "dev", 0, FUNCTIONS, LOG);
        List<LocalEndpoint> endpoints = gateway.start();
        items = endpoints.get(0).url();
        plain = endpoints.get(1).url();
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @BeforeEach
    void answerOk() {
        for (String function : List.of("list", "item", "special", "anyItem", "files", "echo", "own", "fallback", "hello")) {
            FUNCTIONS.answer(function, event -> Map.of("statusCode", 200, "body", function));
        }
        FUNCTIONS.clearEvents();
    }

    @Test
    void theFunctionGetsPayloadTwoPointZero() throws Exception {
        HttpResponse<String> response = Http.send(Http.request(items, "/items/42?tag=a&tag=b&q=x%20y")
                .header("X-Multi", "1").header("X-Multi", "2").header("Cookie", "a=1; b=2").header("User-Agent", "test-agent").GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("item");
        JsonNode event = FUNCTIONS.nextEvent("item");
        assertThat(event.path("version").asText()).isEqualTo("2.0");
        assertThat(event.path("routeKey").asText()).isEqualTo("GET /items/{id}");
        assertThat(event.path("rawPath").asText()).as("on the stage, as deploy serves it").isEqualTo("/dev/items/42");
        assertThat(event.path("rawQueryString").asText()).isEqualTo("tag=a&tag=b&q=x%20y");
        assertThat(event.path("cookies")).hasSize(2);
        assertThat(event.path("cookies").get(0).asText()).isEqualTo("a=1");
        assertThat(event.path("cookies").get(1).asText()).isEqualTo("b=2");
        JsonNode headers = event.path("headers");
        assertThat(headers.path("x-multi").asText()).isEqualTo("1,2");
        assertThat(headers.path("user-agent").asText()).isEqualTo("test-agent");
        assertThat(headers.path("host").asText()).isEqualTo("localhost:" + items.getPort());
        assertThat(headers.path("x-forwarded-for").asText()).isEqualTo("127.0.0.1");
        assertThat(headers.path("x-forwarded-proto").asText()).isEqualTo("http");
        assertThat(headers.path("x-forwarded-port").asText()).isEqualTo(String.valueOf(items.getPort()));
        assertThat(headers.has("cookie")).isFalse();
        headers.fieldNames().forEachRemaining(name -> assertThat(name).isLowerCase());
        assertThat(event.path("queryStringParameters").path("tag").asText()).isEqualTo("a,b");
        assertThat(event.path("queryStringParameters").path("q").asText()).isEqualTo("x y");
        assertThat(event.path("pathParameters").path("id").asText()).isEqualTo("42");
        assertThat(event.has("body")).isFalse();
        assertThat(event.path("isBase64Encoded").asBoolean(true)).isFalse();
        JsonNode context = event.path("requestContext");
        assertThat(context.path("apiId").asText()).isEqualTo(FakeIds.apiId("items")).hasSize(10);
        assertThat(context.path("domainName").asText()).isEqualTo("localhost:" + items.getPort());
        assertThat(context.path("stage").asText()).isEqualTo("dev");
        assertThat(context.path("routeKey").asText()).isEqualTo("GET /items/{id}");
        assertThat(context.path("requestId").asText()).isNotBlank();
        assertThat(context.path("time").asText()).matches("\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000");
        assertThat(context.path("timeEpoch").isIntegralNumber()).isTrue();
        JsonNode http = context.path("http");
        assertThat(http.path("method").asText()).isEqualTo("GET");
        assertThat(http.path("path").asText()).isEqualTo("/dev/items/42");
        assertThat(http.path("protocol").asText()).isEqualTo("HTTP/1.1");
        assertThat(http.path("sourceIp").asText()).isEqualTo("127.0.0.1");
        assertThat(http.path("userAgent").asText()).isEqualTo("test-agent");
        assertThat(response.headers().firstValue("apigw-requestid")).hasValue(context.path("requestId").asText());
    }

    @Test
    void pathParametersAreDecodedAndAGreedyOneTakesTheRestOfThePath() throws Exception {
        assertThat(Http.get(items, "/items/a%20b%2Fc").statusCode()).isEqualTo(200);
        assertThat(FUNCTIONS.nextEvent("item").path("pathParameters").path("id").asText()).isEqualTo("a b/c");

        assertThat(Http.get(items, "/files/docs/2024/report%201.pdf").body()).isEqualTo("files");
        JsonNode event = FUNCTIONS.nextEvent("files");
        assertThat(event.path("pathParameters").path("proxy").asText()).isEqualTo("docs/2024/report 1.pdf");
        assertThat(event.path("routeKey").asText()).isEqualTo("GET /files/{proxy+}");
    }

    @Test
    void routesMatchAsApiGatewayMatchesThem() throws Exception {
        assertThat(Http.get(items, "/items").body()).isEqualTo("list");
        assertThat(Http.get(items, "/items/special").body()).as("a word before a {parameter}").isEqualTo("special");
        assertThat(Http.get(items, "/items/7").body()).as("GET before ANY").isEqualTo("item");
        assertThat(Http.send(Http.request(items, "/items/7").DELETE()).body()).as("ANY takes the other methods").isEqualTo("anyItem");
        assertThat(Http.get(items, "/files").body()).as("a greedy parameter needs a segment").isEqualTo("fallback");
        assertThat(Http.get(items, "/nothing/here").body()).isEqualTo("fallback");
        assertThat(FUNCTIONS.nextEvent("fallback").path("routeKey").asText()).isEqualTo("$default");
    }

    @Test
    void aPathWithTheStageInFrontReachesTheSameRoute() throws Exception {
        HttpResponse<String> response = Http.get(items, "/dev/items/42");

        assertThat(response.body()).isEqualTo("item");
        JsonNode event = FUNCTIONS.nextEvent("item");
        assertThat(event.path("rawPath").asText()).isEqualTo("/dev/items/42");
        assertThat(event.path("pathParameters").path("id").asText()).isEqualTo("42");
    }

    @Test
    void headIsAMethodOfItsOwn() throws Exception {
        HttpResponse<String> head = Http.send(Http.request(items, "/items").method("HEAD", HttpRequest.BodyPublishers.noBody()));

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(FUNCTIONS.nextEvent("fallback").path("requestContext").path("http").path("method").asText()).isEqualTo("HEAD");
    }

    @Test
    void noRouteIsNotFound() throws Exception {
        HttpResponse<String> response = Http.get(plain, "/nothing");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Http.json(response)).isEqualTo(ScriptedFunctions.JSON.readTree("{\"message\":\"Not Found\"}"));
        assertThat(LOG.awaitRequest(line -> line.startsWith("GET /nothing "))).matches("GET /nothing 404 \\d+ ms");
    }

    @Test
    void aTextBodyArrivesAsTextAndAnyOtherAsBase64() throws Exception {
        Http.send(Http.request(items, "/echo").header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"milk\"}")));
        JsonNode json = FUNCTIONS.nextEvent("echo");
        assertThat(json.path("body").asText()).isEqualTo("{\"name\": \"milk\"}");
        assertThat(json.path("isBase64Encoded").asBoolean()).isFalse();

        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xff};
        Http.send(Http.request(items, "/echo").header("Content-Type", "image/png").POST(HttpRequest.BodyPublishers.ofByteArray(png)));
        JsonNode binary = FUNCTIONS.nextEvent("echo");
        assertThat(binary.path("isBase64Encoded").asBoolean()).isTrue();
        assertThat(Base64.getDecoder().decode(binary.path("body").asText())).isEqualTo(png);
    }

    @Test
    void anAnswerWithAStatusCodeIsTheResponse() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xfe};
        FUNCTIONS.answer("item", event -> Map.of("statusCode", 201,
                "headers", Map.of("Content-Type", "image/png", "X-One", "1"),
                "cookies", List.of("s=1; Path=/", "t=2"),
                "body", Base64.getEncoder().encodeToString(png),
                "isBase64Encoded", true));

        HttpResponse<byte[]> response = Http.CLIENT.send(Http.request(items, "/items/1").build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).isEqualTo(png);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(response.headers().firstValue("X-One")).hasValue("1");
        assertThat(response.headers().allValues("Set-Cookie")).containsExactly("s=1; Path=/", "t=2");
    }

    @Test
    void anyOtherJsonAnswerIsA200JsonBody() throws Exception {
        FUNCTIONS.answer("item", event -> Map.of("items", List.of(1, 2)));
        HttpResponse<String> object = Http.get(items, "/items/1");
        assertThat(object.statusCode()).isEqualTo(200);
        assertThat(object.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(object.body()).isEqualTo("{\"items\":[1,2]}");

        FUNCTIONS.answer("item", event -> "hello");
        assertThat(Http.get(items, "/items/1").body()).isEqualTo("\"hello\"");
    }

    @Test
    void aFailedInvocationIsA502NamingTheFunctionAndTheNextRequestIsServed() throws Exception {
        FUNCTIONS.script("item", event -> ScriptedFunctions.failed("Sandbox.Timedout", "Task timed out after 3.00 seconds"));

        HttpResponse<String> failed = Http.get(items, "/items/9");

        assertThat(failed.statusCode()).isEqualTo(502);
        JsonNode body = Http.json(failed);
        assertThat(body.path("message").asText()).isEqualTo("Internal server error");
        assertThat(body.path("function").asText()).isEqualTo("item");
        assertThat(body.path("errorType").asText()).isEqualTo("Sandbox.Timedout");
        assertThat(body.path("errorMessage").asText()).isEqualTo("Task timed out after 3.00 seconds");
        assertThat(body.path("dynctl").asText()).contains("item", "Sandbox.Timedout");
        assertThat(LOG.awaitRequest(line -> line.startsWith("GET /items/9 "))).matches("GET /items/9 502 \\d+ ms item");

        FUNCTIONS.answer("item", event -> Map.of("statusCode", 200, "body", "back"));
        assertThat(Http.get(items, "/items/9").body()).isEqualTo("back");
    }

    @Test
    void aFunctionTheHostDoesNotKnowIsA502() throws Exception {
        HttpResponse<String> response = Http.get(plain, "/ghost");

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(Http.json(response).path("function").asText()).isEqualTo("nobody");
        assertThat(Http.json(response).path("errorMessage").asText()).contains("no function nobody");
        assertThat(Http.get(plain, "/hello").statusCode()).isEqualTo(200);
    }

    @Test
    void anAnswerThatIsNotJsonIsA502() throws Exception {
        FUNCTIONS.script("item", event -> ScriptedFunctions.raw("<html>"));

        HttpResponse<String> response = Http.get(items, "/items/1");

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(Http.json(response).path("errorType").asText()).isEqualTo("MalformedResponse");
    }

    @Test
    void theGatewayAnswersPreflightsFromTheCorsSettings() throws Exception {
        HttpResponse<String> preflight = Http.send(Http.request(items, "/items/1").header("Origin", ORIGIN)
                .header("Access-Control-Request-Method", "POST").method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ORIGIN);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).hasValue("GET,POST,OPTIONS");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers")).hasValue("Content-Type,X-Api-Key");
        assertThat(preflight.headers().firstValue("Access-Control-Max-Age")).hasValue("600");
        assertThat(LOG.awaitRequest(line -> line.startsWith("OPTIONS /items/1 "))).matches("OPTIONS /items/1 204 \\d+ ms");

        HttpResponse<String> stranger = Http.send(Http.request(items, "/items/1").header("Origin", "https://evil.example.com")
                .header("Access-Control-Request-Method", "POST").method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(stranger.statusCode()).isEqualTo(204);
        assertThat(stranger.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void aPathTheFileRoutesOptionsOnGoesToItsFunction() throws Exception {
        HttpResponse<String> response = Http.send(Http.request(items, "/own").header("Origin", ORIGIN)
                .header("Access-Control-Request-Method", "GET").method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("own");
    }

    @Test
    void responsesCarryTheApisCorsHeadersInsteadOfTheFunctions() throws Exception {
        FUNCTIONS.answer("list", event -> Map.of("statusCode", 200, "headers", Map.of("Access-Control-Allow-Origin", "*"), "body", "[]"));

        HttpResponse<String> allowed = Http.send(Http.request(items, "/items").header("Origin", ORIGIN).GET());
        assertThat(allowed.headers().allValues("Access-Control-Allow-Origin")).containsExactly(ORIGIN);

        HttpResponse<String> noOrigin = Http.get(items, "/items");
        assertThat(noOrigin.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void requestsAreServedConcurrently() throws Exception {
        int requests = 4;
        CountDownLatch allArrived = new CountDownLatch(requests);
        FUNCTIONS.answer("list", event -> {
            allArrived.countDown();
            try {
                // every request must be in flight at once for any of them to be answered 200
                return Map.of("statusCode", allArrived.await(20, TimeUnit.SECONDS) ? 200 : 504, "body", "together");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Map.of("statusCode", 500);
            }
        });

        List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            inFlight.add(Http.CLIENT.sendAsync(Http.request(items, "/items").build(), HttpResponse.BodyHandlers.ofString()));
        }

        for (CompletableFuture<HttpResponse<String>> response : inFlight) {
            assertThat(response.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void eachRequestIsOneLogLine() throws Exception {
        Http.get(items, "/items/42");

        assertThat(LOG.awaitRequest(line -> line.startsWith("GET /items/42 "))).matches("GET /items/42 200 \\d+ ms item");
    }
}
