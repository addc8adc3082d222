package dev.dynctl.dev.gateway;

import static dev.dynctl.dev.gateway.Apis.route;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.dev.LocalEndpoint;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A WebSocket API served by the local gateway: $connect, messages, $disconnect and @connections. */
class WebSocketGatewayTest {
    private static final ScriptedFunctions FUNCTIONS = new ScriptedFunctions();
    private static final RecordingLog LOG = new RecordingLog();
    private static LocalGateway gateway;
    private static URI chat;
    private static URI bare;

    @BeforeAll
    static void start() {
        gateway = new LocalGateway(List.of(
                Apis.webSocket("chat",
                        route("$connect", "connect"),
                        route("$disconnect", "disconnect"),
                        route("$default", "fallback"),
                        route("list", "list"),
                        route("boom", "boom")),
                Apis.webSocket("bare", route("echo", "echo"))),
                "dev", 0, FUNCTIONS, LOG);
        List<LocalEndpoint> endpoints = gateway.start();
        chat = endpoints.get(0).url();
        bare = endpoints.get(1).url();
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @BeforeEach
    void answerOk() {
        for (String function : List.of("connect", "disconnect", "fallback", "list", "echo")) {
            FUNCTIONS.answer(function, event -> Map.of("statusCode", 200));
        }
        FUNCTIONS.script("boom", event -> ScriptedFunctions.failed("TypeError", "x is undefined"));
        FUNCTIONS.clearEvents();
    }

    @Test
    void connectGetsTheUpgradesHeadersAndQuery() throws Exception {
        try (WsClient client = WsClient.connect(URI.create(chat + "/?token=abc&tag=1&tag=2"), Map.of("X-Client", "test"))) {
            JsonNode event = FUNCTIONS.nextEvent("connect");
            assertThat(event.path("headers").path("X-Client").asText()).isEqualTo("test");
            assertThat(event.path("multiValueHeaders").path("X-Client").get(0).asText()).isEqualTo("test");
            assertThat(event.path("queryStringParameters").path("token").asText()).isEqualTo("abc");
            assertThat(event.path("multiValueQueryStringParameters").path("tag")).hasSize(2);
            assertThat(event.path("isBase64Encoded").asBoolean(true)).isFalse();
            JsonNode context = event.path("requestContext");
            assertThat(context.path("routeKey").asText()).isEqualTo("$connect");
            assertThat(context.path("eventType").asText()).isEqualTo("CONNECT");
            assertThat(context.path("connectionId").asText()).hasSize(16);
            assertThat(context.path("domainName").asText()).isEqualTo("localhost:" + chat.getPort());
            assertThat(context.path("stage").asText()).isEqualTo("dev");
            assertThat(context.path("apiId").asText()).isEqualTo(FakeIds.apiId("chat"));
            assertThat(context.path("requestId").asText()).isNotBlank();
            assertThat(context.path("connectedAt").isIntegralNumber()).isTrue();
            assertThat(context.path("identity").path("sourceIp").asText()).isEqualTo("127.0.0.1");
            assertThat(LOG.awaitRequest(line -> line.startsWith("WS $connect "))).matches("WS \\$connect 200 \\d+ ms connect");
        }
    }

    @Test
    void aMessageGoesToTheRouteItsActionNamesAndTheAnswerComesBack() throws Exception {
        FUNCTIONS.answer("list", event -> Map.of("statusCode", 200, "body", "[1,2]"));
        try (WsClient client = WsClient.connect(chat, Map.of())) {
            String connectionId = FUNCTIONS.nextEvent("connect").path("requestContext").path("connectionId").asText();

            client.send("{\"action\": \"list\"}");

            assertThat(client.next()).isEqualTo("[1,2]");
            JsonNode event = FUNCTIONS.nextEvent("list");
            assertThat(event.path("body").asText()).isEqualTo("{\"action\": \"list\"}");
            assertThat(event.path("isBase64Encoded").asBoolean(true)).isFalse();
            JsonNode context = event.path("requestContext");
            assertThat(context.path("routeKey").asText()).isEqualTo("list");
            assertThat(context.path("eventType").asText()).isEqualTo("MESSAGE");
            assertThat(context.path("connectionId").asText()).isEqualTo(connectionId);
            assertThat(context.path("messageId").asText()).isNotBlank();
            assertThat(context.path("requestId").asText()).isNotBlank();
            assertThat(context.path("apiId").asText()).isEqualTo(FakeIds.apiId("chat"));
            assertThat(LOG.awaitRequest(line -> line.startsWith("WS list "))).matches("WS list 200 \\d+ ms list");

            FUNCTIONS.answer("list", event2 -> Map.of("statusCode", 200, "body", Map.of("items", List.of())));
            client.send("{\"action\": \"list\"}");
            assertThat(client.next()).isEqualTo("{\"items\":[]}");
        }
    }

    @Test
    void otherMessagesGoToDefault() throws Exception {
        FUNCTIONS.answer("fallback", event -> Map.of("statusCode", 200, "body", "default:" + event.path("body").asText()));
        try (WsClient client = WsClient.connect(chat, Map.of())) {
            client.send("not json");
            assertThat(client.next()).isEqualTo("default:not json");
            client.send("{\"action\": \"unknown\"}");
            assertThat(client.next()).isEqualTo("default:{\"action\": \"unknown\"}");
            assertThat(FUNCTIONS.nextEvent("fallback").path("requestContext").path("routeKey").asText()).isEqualTo("$default");

            client.socket().sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}), true).join();
            client.next();
            JsonNode binary = FUNCTIONS.nextEvent("fallback", event -> event.path("isBase64Encoded").asBoolean());
            assertThat(Base64.getDecoder().decode(binary.path("body").asText())).containsExactly(1, 2, 3);
        }
    }

    @Test
    void aFailedMessageRouteSaysSoOnTheSocketAndTheConnectionStays() throws Exception {
        FUNCTIONS.answer("list", event -> Map.of("statusCode", 200, "body", "still here"));
        try (WsClient client = WsClient.connect(chat, Map.of())) {
            client.send("{\"action\": \"boom\"}");
            JsonNode failure = ScriptedFunctions.JSON.readTree(client.next());
            assertThat(failure.path("message").asText()).isEqualTo("Internal server error");
            assertThat(failure.path("function").asText()).isEqualTo("boom");
            assertThat(failure.path("errorType").asText()).isEqualTo("TypeError");
            assertThat(failure.path("connectionId").asText()).hasSize(16);
            assertThat(LOG.awaitRequest(line -> line.startsWith("WS boom "))).matches("WS boom 502 \\d+ ms boom");

            client.send("{\"action\": \"list\"}");
            assertThat(client.next()).isEqualTo("still here");
        }
    }

    @Test
    void aMessageOverTheLimitClosesTheConnectionAsOnAws() throws Exception {
        try (WsClient client = WsClient.connect(chat, Map.of())) {
            // the server may close before the client has written it all: the send itself can fail
            client.socket().sendText("x".repeat(200 * 1024), true);
            assertThat(client.awaitClose()).isEqualTo(1009);
        }
    }

    @Test
    void aMessageNoRouteTakesIsForbidden() throws Exception {
        try (WsClient client = WsClient.connect(bare, Map.of())) {
            client.send("{\"action\": \"other\"}");
            assertThat(ScriptedFunctions.JSON.readTree(client.next()).path("message").asText()).isEqualTo("Forbidden");
        }
    }

    @Test
    void closingRunsDisconnect() throws Exception {
        WsClient client = WsClient.connect(chat, Map.of());
        String connectionId = FUNCTIONS.nextEvent("connect").path("requestContext").path("connectionId").asText();

        client.socket().sendClose(WebSocket.NORMAL_CLOSURE, "done").join();

        JsonNode event = FUNCTIONS.nextEvent("disconnect", ScriptedFunctions.connection(connectionId));
        JsonNode context = event.path("requestContext");
        assertThat(context.path("routeKey").asText()).isEqualTo("$disconnect");
        assertThat(context.path("eventType").asText()).isEqualTo("DISCONNECT");
        assertThat(context.path("connectionId").asText()).isEqualTo(connectionId);
        assertThat(context.path("disconnectStatusCode").asInt()).isEqualTo(1000);
        assertThat(LOG.awaitRequest(line -> line.startsWith("WS $disconnect "))).matches("WS \\$disconnect 200 \\d+ ms disconnect");
    }

    @Test
    void connectionsReachesAnOpenConnection() throws Exception {
        URI http = URI.create("http://localhost:" + chat.getPort());
        try (WsClient client = WsClient.connect(chat, Map.of("User-Agent", "chat-client"))) {
            String connectionId = FUNCTIONS.nextEvent("connect").path("requestContext").path("connectionId").asText();
            String path = "/@connections/" + URLEncoder.encode(connectionId, StandardCharsets.UTF_8);

            HttpResponse<String> posted = Http.send(Http.request(http, path).POST(HttpRequest.BodyPublishers.ofString("hello")));
            assertThat(posted.statusCode()).isEqualTo(200);
            assertThat(client.next()).isEqualTo("hello");

            Http.send(Http.request(http, "/dev" + path).POST(HttpRequest.BodyPublishers.ofString("through the stage")));
            assertThat(client.next()).isEqualTo("through the stage");

            HttpResponse<String> described = Http.get(http, path);
            assertThat(described.statusCode()).isEqualTo(200);
            JsonNode connection = Http.json(described);
            assertThat(connection.path("ConnectedAt").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
            assertThat(connection.path("LastActiveAt").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
            assertThat(connection.path("Identity").path("SourceIp").asText()).isEqualTo("127.0.0.1");
            assertThat(connection.path("Identity").path("UserAgent").asText()).isEqualTo("chat-client");

            HttpResponse<String> deleted = Http.send(Http.request(http, path).DELETE());
            assertThat(deleted.statusCode()).isEqualTo(204);
            assertThat(client.awaitClose()).isEqualTo(1000);
            FUNCTIONS.nextEvent("disconnect", ScriptedFunctions.connection(connectionId));

            HttpResponse<String> gone = Http.send(Http.request(http, path).POST(HttpRequest.BodyPublishers.ofString("late")));
            assertThat(gone.statusCode()).isEqualTo(410);
            assertThat(gone.headers().firstValue("x-amzn-ErrorType")).hasValue("GoneException");
            assertThat(Http.get(http, "/@connections/nobody").statusCode()).isEqualTo(410);
        }
    }

    /**
     * Jetty opens a session after the client has its 101: the connection must be reachable at once
     * all the same (it once answered 410 to a post made right after connecting).
     */
    @Test
    void aConnectionIsReachableAsSoonAsTheClientIsConnected() throws Exception {
        URI http = URI.create("http://localhost:" + chat.getPort());
        for (int n = 0; n < 20; n++) {
            try (WsClient client = WsClient.connect(chat, Map.of())) {
                String connectionId = FUNCTIONS.nextEvent("connect").path("requestContext").path("connectionId").asText();
                String path = "/@connections/" + URLEncoder.encode(connectionId, StandardCharsets.UTF_8);

                HttpResponse<String> posted = Http.send(Http.request(http, path).POST(HttpRequest.BodyPublishers.ofString("at once " + n)));

                assertThat(posted.statusCode()).as("post number %d: %s", n, posted.body()).isEqualTo(200);
                assertThat(client.next()).isEqualTo("at once " + n);
            }
        }
    }

    @Test
    void aConnectAnsweredWithAnErrorStatusIsRefused() throws Exception {
        FUNCTIONS.answer("connect", event -> Map.of("statusCode", 401, "body", "who are you?"));

        Throwable refused = catchThrowable(() -> WsClient.connect(chat, Map.of()));

        HttpResponse<?> response = handshake(refused).getResponse();
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(LOG.awaitRequest(line -> line.startsWith("WS $connect 401"))).matches("WS \\$connect 401 \\d+ ms connect");
    }

    @Test
    void aConnectWhoseFunctionFailsIsRefusedWith502() throws Exception {
        FUNCTIONS.script("connect", event -> ScriptedFunctions.failed("Runtime.InitError", "cannot find module"));

        Throwable refused = catchThrowable(() -> WsClient.connect(chat, Map.of()));

        assertThat(handshake(refused).getResponse().statusCode()).isEqualTo(502);
        FUNCTIONS.answer("connect", event -> Map.of("statusCode", 200));
        try (WsClient client = WsClient.connect(chat, Map.of())) {
            client.send("{\"action\": \"list\"}");
            assertThat(FUNCTIONS.nextEvent("list").path("requestContext").path("routeKey").asText()).isEqualTo("list");
        }
    }

    @Test
    void aPlainRequestToTheSocketsPortIsToldToUpgrade() throws Exception {
        HttpResponse<String> response = Http.get(URI.create("http://localhost:" + chat.getPort()), "/");

        assertThat(response.statusCode()).isEqualTo(426);
        assertThat(Http.json(response).path("message").asText()).contains("ws://localhost:" + chat.getPort());
    }

    private static WebSocketHandshakeException handshake(Throwable thrown) {
        Throwable cause = thrown;
        while (!(cause instanceof WebSocketHandshakeException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return (WebSocketHandshakeException) cause;
    }
}
