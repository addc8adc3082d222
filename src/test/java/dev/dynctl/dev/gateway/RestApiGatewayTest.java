package dev.dynctl.dev.gateway;

import static dev.dynctl.dev.gateway.Apis.route;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.dev.LocalEndpoint;
import dev.dynctl.model.ApiCors;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A REST API (Lambda proxy, payload 1.0) served by the local gateway. */
class RestApiGatewayTest {
    private static final ScriptedFunctions FUNCTIONS = new ScriptedFunctions();
    private static final RecordingLog LOG = new RecordingLog();
    private static LocalGateway gateway;
    private static URI rest;
    private static URI strict;

    @BeforeAll
    static void start() {
        ApiCors cors = new ApiCors(List.of("*"), List.of("GET", "PUT"), List.of("Content-Type", "Authorization"), null, false);
        gateway = new LocalGateway(List.of(Apis.rest("admin", cors,
                        route("GET /items", "items"),
                        route("GET /items/{id}", "items"),
                        route("PUT /items/{id}", "items"),
                        route("ANY /{proxy+}", "catchAll")),
                Apis.rest("strict", null, route("GET /items", "items"))),
                "dev", 0, FUNCTIONS, LOG);
        List<LocalEndpoint> endpoints = gateway.start();
        rest = endpoints.get(0).url();
        strict = endpoints.get(1).url();
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @BeforeEach
    void answerOk() {
        FUNCTIONS.answer("items", event -> Map.of("statusCode", 200, "body", "items"));
        FUNCTIONS.answer("catchAll", event -> Map.of("statusCode", 200, "body", "catchAll"));
        FUNCTIONS.clearEvents();
    }

    @Test
    void theFunctionGetsTheLambdaProxyEvent() throws Exception {
        HttpResponse<String> response = Http.send(Http.request(rest, "/items/42?tag=a&tag=b&one=1")
                .header("X-Multi", "1").header("X-Multi", "2").header("User-Agent", "test-agent")
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"milk\"}")));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode event = FUNCTIONS.nextEvent("items");
        assertThat(event.path("resource").asText()).isEqualTo("/items/{id}");
        assertThat(event.path("path").asText()).isEqualTo("/items/42");
        assertThat(event.path("httpMethod").asText()).isEqualTo("PUT");
        assertThat(event.path("headers").path("X-Multi").asText()).isEqualTo("2");
        assertThat(event.path("multiValueHeaders").path("X-Multi")).hasSize(2);
        assertThat(event.path("multiValueHeaders").path("X-Multi").get(0).asText()).isEqualTo("1");
        assertThat(event.path("headers").path("X-Forwarded-Proto").asText()).isEqualTo("http");
        assertThat(event.path("queryStringParameters").path("tag").asText()).isEqualTo("b");
        assertThat(event.path("queryStringParameters").path("one").asText()).isEqualTo("1");
        assertThat(event.path("multiValueQueryStringParameters").path("tag").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(event.path("pathParameters").path("id").asText()).isEqualTo("42");
        assertThat(event.path("stageVariables").isNull()).isTrue();
        assertThat(event.path("body").asText()).isEqualTo("{\"name\":\"milk\"}");
        assertThat(event.path("isBase64Encoded").asBoolean(true)).isFalse();
        JsonNode context = event.path("requestContext");
        assertThat(context.path("apiId").asText()).isEqualTo(FakeIds.apiId("admin"));
        assertThat(context.path("stage").asText()).isEqualTo("dev");
        assertThat(context.path("httpMethod").asText()).isEqualTo("PUT");
        assertThat(context.path("resourcePath").asText()).isEqualTo("/items/{id}");
        assertThat(context.path("path").asText()).as("the deployed URL's path, stage first").isEqualTo("/dev/items/42");
        assertThat(context.path("domainName").asText()).isEqualTo("localhost:" + rest.getPort());
        assertThat(context.path("protocol").asText()).isEqualTo("HTTP/1.1");
        assertThat(context.path("requestId").asText()).matches("[0-9a-f-]{36}");
        assertThat(context.path("requestTime").asText()).endsWith(" +0000");
        assertThat(context.path("requestTimeEpoch").isIntegralNumber()).isTrue();
        assertThat(context.path("identity").path("sourceIp").asText()).isEqualTo("127.0.0.1");
        assertThat(context.path("identity").path("userAgent").asText()).isEqualTo("test-agent");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).hasValue(context.path("requestId").asText());
    }

    @Test
    void aPathWithTheStageInFrontReachesTheSameRoute() throws Exception {
        HttpResponse<String> response = Http.get(rest, "/dev/items/42");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("items");
        JsonNode event = FUNCTIONS.nextEvent("items");
        assertThat(event.path("path").asText()).isEqualTo("/items/42");
        assertThat(event.path("requestContext").path("path").asText()).isEqualTo("/dev/items/42");
        assertThat(event.path("pathParameters").path("id").asText()).isEqualTo("42");
    }

    @Test
    void emptyPartsAreNull() throws Exception {
        Http.get(rest, "/items");

        JsonNode event = FUNCTIONS.nextEvent("items");
        assertThat(event.path("queryStringParameters").isNull()).isTrue();
        assertThat(event.path("multiValueQueryStringParameters").isNull()).isTrue();
        assertThat(event.path("pathParameters").isNull()).isTrue();
        assertThat(event.path("body").isNull()).isTrue();
    }

    @Test
    void aGreedyRouteTakesWhatNoOtherDoes() throws Exception {
        assertThat(Http.send(Http.request(rest, "/items").DELETE()).body()).isEqualTo("catchAll");
        JsonNode event = FUNCTIONS.nextEvent("catchAll");
        assertThat(event.path("resource").asText()).isEqualTo("/{proxy+}");
        assertThat(event.path("pathParameters").path("proxy").asText()).isEqualTo("items");
    }

    @Test
    void aBinaryBodyIsTextAsADeployedRestApiWithoutBinaryMediaTypesPassesIt() throws Exception {
        Http.send(Http.request(rest, "/items/1").header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray("plain words".getBytes())));

        JsonNode event = FUNCTIONS.nextEvent("items");
        assertThat(event.path("body").asText()).isEqualTo("plain words");
        assertThat(event.path("isBase64Encoded").asBoolean(true)).isFalse();
    }

    @Test
    void headersAndMultiValueHeadersBothReachTheClient() throws Exception {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("statusCode", 404);
        answer.put("headers", Map.of("Content-Type", "text/plain", "X-Single", "s"));
        answer.put("multiValueHeaders", Map.of("Set-Cookie", List.of("a=1", "b=2"), "X-Many", List.of("x", "y")));
        answer.put("body", "no such item");
        answer.put("isBase64Encoded", false);
        FUNCTIONS.answer("items", event -> answer);

        HttpResponse<String> response = Http.get(rest, "/items/7");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("no such item");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain");
        assertThat(response.headers().firstValue("X-Single")).hasValue("s");
        assertThat(response.headers().allValues("Set-Cookie")).containsExactly("a=1", "b=2");
        assertThat(response.headers().allValues("X-Many")).containsExactly("x", "y");
    }

    @Test
    void forAHeaderInBothMultiValueHeadersWinsAsApiGatewayMergesThem() throws Exception {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("statusCode", 200);
        answer.put("headers", Map.of("X-Both", "single", "x-case", "single"));
        answer.put("multiValueHeaders", Map.of("X-Both", List.of("m1", "m2"), "X-Case", List.of("multi")));
        answer.put("body", "ok");
        FUNCTIONS.answer("items", event -> answer);

        HttpResponse<String> response = Http.get(rest, "/items/7");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("X-Both")).containsExactly("m1", "m2");
        assertThat(response.headers().allValues("X-Case")).containsExactly("multi");
    }

    @Test
    void aResponseWithoutContentTypeIsJson() throws Exception {
        FUNCTIONS.answer("items", event -> Map.of("statusCode", "201", "body", "{}"));

        HttpResponse<String> response = Http.get(rest, "/items/7");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    }

    @Test
    void anythingButAProxyResponseIsA502() throws Exception {
        FUNCTIONS.answer("items", event -> Map.of("items", List.of()));
        HttpResponse<String> bare = Http.get(rest, "/items");
        assertThat(bare.statusCode()).isEqualTo(502);
        assertThat(Http.json(bare).path("message").asText()).isEqualTo("Internal server error");
        assertThat(Http.json(bare).path("errorMessage").asText()).contains("'items'");

        FUNCTIONS.answer("items", event -> Map.of("statusCode", 200, "body", Map.of("id", "1")));
        HttpResponse<String> objectBody = Http.get(rest, "/items");
        assertThat(objectBody.statusCode()).isEqualTo(502);
        assertThat(Http.json(objectBody).path("dynctl").asText()).contains("items", "not a string");

        FUNCTIONS.answer("items", event -> Map.of("body", "no status"));
        assertThat(Http.get(rest, "/items").statusCode()).isEqualTo(502);
    }

    @Test
    void aFailedInvocationIsA502AndTheNextRequestIsServed() throws Exception {
        FUNCTIONS.script("items", event -> ScriptedFunctions.failed("Runtime.ExitError", "exited with code 1"));
        HttpResponse<String> failed = Http.get(rest, "/items");
        assertThat(failed.statusCode()).isEqualTo(502);
        assertThat(Http.json(failed).path("errorType").asText()).isEqualTo("Runtime.ExitError");

        FUNCTIONS.answer("items", event -> Map.of("statusCode", 200, "body", "fine"));
        assertThat(Http.get(rest, "/items").body()).isEqualTo("fine");
    }

    @Test
    void aPathWithoutAMethodIsMissingAuthenticationTokenAsOnAws() throws Exception {
        HttpResponse<String> response = Http.get(strict, "/nothing");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
        assertThat(Http.send(Http.request(strict, "/items").POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(403);
    }

    @Test
    void eachPathWithRoutesAnswersOptionsWithTheCorsHeaders() throws Exception {
        HttpResponse<String> preflight = Http.send(Http.request(rest, "/items/3").header("Origin", "https://app.example.com")
                .header("Access-Control-Request-Method", "PUT").method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).hasValue("GET,PUT,OPTIONS");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers")).hasValue("Content-Type,Authorization");

        // the functions add their own Access-Control-Allow-Origin on a REST API: the gateway adds none
        HttpResponse<String> get = Http.send(Http.request(rest, "/items").header("Origin", "https://app.example.com").GET());
        assertThat(get.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
}
