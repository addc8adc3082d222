package dev.dynctl.dev.gateway;

import static dev.dynctl.dev.gateway.Apis.route;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.dev.LocalEndpoint;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** API Gateway's integration timeout, shortened: a REST API answers 504, an HTTP API 503, and the next request is served. */
class IntegrationTimeoutTest {
    private static final ScriptedFunctions FUNCTIONS = new ScriptedFunctions();
    private static final RecordingLog LOG = new RecordingLog();
    /** The slow function answers only once the test is over. */
    private static final CountDownLatch OVER = new CountDownLatch(1);
    private static LocalGateway gateway;
    private static URI rest;
    private static URI http;

    @BeforeAll
    static void start() {
        FUNCTIONS.script("slow", event -> {
            try {
                OVER.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ScriptedFunctions.ok(Map.of("statusCode", 200, "body", "late"));
        });
        FUNCTIONS.answer("fast", event -> Map.of("statusCode", 200, "body", "fast"));
        gateway = new LocalGateway(List.of(
                Apis.rest("rest", null, route("GET /slow", "slow"), route("GET /fast", "fast")),
                Apis.http("http", null, route("GET /slow", "slow"), route("GET /fast", "fast"))),
                "dev", 0, FUNCTIONS, LOG, new IntegrationTimeout(Duration.ofMillis(300), Duration.ofMillis(300)));
        List<LocalEndpoint> endpoints = gateway.start();
        rest = endpoints.get(0).url();
        http = endpoints.get(1).url();
    }

    @AfterAll
    static void stop() {
        OVER.countDown();
        gateway.close();
    }

    @Test
    void aRestApiAnswers504AndServesTheNextRequest() throws Exception {
        HttpResponse<String> late = Http.get(rest, "/slow");

        assertThat(late.statusCode()).isEqualTo(504);
        assertThat(Http.json(late).path("message").asText()).isEqualTo("Endpoint request timed out");
        assertThat(LOG.awaitRequest(line -> line.startsWith("GET /slow 504"))).endsWith("slow");
        assertThat(Http.get(rest, "/fast").body()).isEqualTo("fast");
    }

    @Test
    void anHttpApiAnswers503AndServesTheNextRequest() throws Exception {
        HttpResponse<String> late = Http.get(http, "/slow");

        assertThat(late.statusCode()).isEqualTo(503);
        assertThat(Http.json(late).path("message").asText()).isEqualTo("Service Unavailable");
        assertThat(Http.get(http, "/fast").body()).isEqualTo("fast");
    }
}
