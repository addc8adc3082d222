package dev.dynctl.dev.gateway;

import static dev.dynctl.dev.gateway.Apis.route;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynctl.api.ApiType;
import dev.dynctl.api.RouteAuth;
import dev.dynctl.api.RouteKey;
import dev.dynctl.dev.LocalEndpoint;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import dev.dynctl.model.StageApi;
import dev.dynctl.model.StageRoute;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gateway as dev starts it: every API on a port of its own, in the file's order. */
class LocalGatewayTest {
    private static final ScriptedFunctions FUNCTIONS = new ScriptedFunctions()
            .answer("items", event -> Map.of("statusCode", 200, "body", event.has("version") ? "http" : "rest"));

    @Test
    void everyApiAnswersOnItsOwnPortInTheFilesOrder() throws Exception {
        List<StageApi> apis = List.of(
                Apis.http("public", null, route("GET /items", "items")),
                Apis.rest("admin", null, route("GET /items", "items")),
                Apis.webSocket("live", route("$default", "items")));
        try (LocalGateway gateway = new LocalGateway(apis, "dev", 0, FUNCTIONS, new RecordingLog())) {
            List<LocalEndpoint> endpoints = gateway.start();

            assertThat(endpoints).extracting(LocalEndpoint::api).containsExactly("public", "admin", "live");
            assertThat(endpoints).extracting(LocalEndpoint::type).containsExactly(ApiType.HTTP, ApiType.REST, ApiType.WEBSOCKET);
            assertThat(endpoints).extracting(e -> e.url().getPort()).doesNotHaveDuplicates();
            assertThat(endpoints.get(0).url().toString()).matches("http://localhost:\\d+");
            assertThat(endpoints.get(2).url().toString()).matches("ws://localhost:\\d+");
            assertThat(Http.get(endpoints.get(0).url(), "/items").body()).isEqualTo("http");
            assertThat(Http.get(endpoints.get(1).url(), "/items").body()).isEqualTo("rest");
            try (WsClient client = WsClient.connect(endpoints.get(2).url(), Map.of())) {
                client.send("hello");
                assertThat(client.next()).isEqualTo("rest");
            }
        }
    }

    @Test
    void portsCountUpFromTheFirstOne() throws Exception {
        int first = twoFreePorts();
        List<StageApi> apis = List.of(Apis.http("one", null, route("GET /items", "items")), Apis.http("two", null, route("GET /items", "items")));
        try (LocalGateway gateway = new LocalGateway(apis, "dev", first, FUNCTIONS, new RecordingLog())) {
            List<LocalEndpoint> endpoints = gateway.start();

            assertThat(endpoints).extracting(e -> e.url().toString()).containsExactly("http://localhost:" + first, "http://localhost:" + (first + 1));
        }
        // closed: the ports are free again
        try (ServerSocket again = new ServerSocket(first, 1, InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).isEqualTo(first);
        }
    }

    @Test
    void aPortInUseNamesTheApiAndThePort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            LocalGateway gateway = new LocalGateway(List.of(Apis.http("items", null, route("GET /items", "items"))), "dev", port,
                    FUNCTIONS, new RecordingLog());

            assertThatThrownBy(gateway::start).isInstanceOf(DynctlException.class)
                    .hasMessageContaining("items").hasMessageContaining(String.valueOf(port))
                    .satisfies(e -> assertThat(((DynctlException) e).exitCode()).isEqualTo(ExitCode.FAILURE))
                    .satisfies(e -> assertThat(((DynctlException) e).hint()).contains("--port"));
            gateway.close();
        }
    }

    @Test
    void routesWithAuthGetOneNoteThatItIsNotEnforced() throws Exception {
        RouteAuth iam = RouteAuth.of(RouteAuth.Kind.IAM, null, null);
        List<StageApi> apis = List.of(
                Apis.http("public", null, new StageRoute(RouteKey.parse("POST /items"), "items", iam), route("GET /items", "items")),
                Apis.webSocket("live", new StageRoute(RouteKey.parse("$connect"), "items", iam)));
        RecordingLog log = new RecordingLog();
        try (LocalGateway gateway = new LocalGateway(apis, "dev", 0, FUNCTIONS, log)) {
            List<LocalEndpoint> endpoints = gateway.start();

            assertThat(log.notes).hasSize(1);
            assertThat(log.notes.get(0)).contains("not enforced", "public POST /items (iam)", "live $connect (iam)").doesNotContain("GET /items");
            assertThat(Http.send(Http.request(endpoints.get(0).url(), "/items").POST(java.net.http.HttpRequest.BodyPublishers.noBody()))
                    .statusCode()).isEqualTo(200);
        }
        RecordingLog quiet = new RecordingLog();
        try (LocalGateway gateway = new LocalGateway(List.of(Apis.http("open", null, route("GET /items", "items"))), "dev", 0, FUNCTIONS, quiet)) {
            gateway.start();
            assertThat(quiet.notes).isEmpty();
        }
    }

    /** A port whose next one is free too, for a gateway to take both. */
    private static int twoFreePorts() throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket first = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                try (ServerSocket second = new ServerSocket(first.getLocalPort() + 1, 1, InetAddress.getLoopbackAddress())) {
                    return first.getLocalPort();
                } catch (IOException taken) {
                    // try another pair
                }
            }
        }
        throw new IOException("no two free ports in a row");
    }
}
