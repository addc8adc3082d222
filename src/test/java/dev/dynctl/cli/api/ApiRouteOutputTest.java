package dev.dynctl.cli.api;

import static dev.dynctl.cli.api.ApiFixtures.json;
import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;

/** What `api routes` and `route add` print for routes dynctl did not make and routes without a method: never "null". */
class ApiRouteOutputTest {
    @TempDir
    Path dir;

    @Test
    void importedRestMethodsWithoutAuthAreNoneAndAddingNoneChangesNoAuth() throws IOException {
        String name = Engine.uniqueName("pets");
        json(cli().aws("api", "create", name, "--type", "rest", "--from", petstore().toString()));

        Result routes = cli().aws("api", "routes", name, "-o", "json");
        JsonNode rows = json(routes);
        assertThat(rows).hasSize(5);
        assertThat(rows).allSatisfy(row -> assertThat(row.path("auth").asText()).as(row.toString()).isEqualTo("none"));
        assertThat(routes.out()).doesNotContain("null");
        assertThat(cli().aws("api", "routes", name, "-o", "table").out()).doesNotContain("null");

        String function = Engine.uniqueName("list-pets");
        Engine.function(function);
        Result added = cli().aws("api", "route", "add", name, "GET /pets", "--function", function);
        JsonNode document = json(added);
        assertThat(added.err()).doesNotContain("null").doesNotContain("changed auth");
        assertThat(document.path("actions").toString()).doesNotContain("auth");
        assertThat(document.path("auth").asText()).isEqualTo("none");

        Result again = cli().aws("api", "route", "add", name, "GET /pets", "--function", function, "--auth", "none");
        assertThat(again.err()).contains("is unchanged (already → " + function + ", auth none)");
    }

    @Test
    void webSocketAndDefaultRoutesHaveAnEmptyMethodNotNull() {
        String chat = Engine.uniqueName("chat");
        json(cli().aws("api", "create", chat, "--type", "websocket"));
        String function = Engine.uniqueName("send");
        Engine.function(function);
        json(cli().aws("api", "route", "add", chat, "$connect", "--function", function));
        Result added = cli().aws("api", "route", "add", chat, "sendMessage", "--function", function);
        assertThat(json(added).path("method").asText(null)).isEqualTo("");

        JsonNode rows = json(cli().aws("api", "routes", chat));
        assertThat(rows).hasSize(2).allSatisfy(row -> {
            assertThat(row.path("method").isTextual()).as(row.toString()).isTrue();
            assertThat(row.path("method").asText()).isEmpty();
        });
        Result table = cli().aws("api", "routes", chat, "-o", "table");
        assertThat(table.out()).doesNotContain("null")
                .containsPattern("(?m)^ +\\$connect +" + function + " +none$")
                .containsPattern("(?m)^ +sendMessage +" + function + " +none$");

        String shop = Engine.uniqueName("shop");
        Engine.apiGatewayV2().createApi(b -> b.name(shop).protocolType(ProtocolType.HTTP));
        json(cli().aws("api", "route", "add", shop, "$default", "--function", function));
        assertThat(cli().aws("api", "routes", shop, "-o", "table").out()).doesNotContain("null")
                .containsPattern("(?m)^ +\\$default +" + function + " +none$");
    }

    @Test
    void anHttpRouteWithoutAuthorizationTypeIsNoneAndKeepsItsAuth() {
        String shop = Engine.uniqueName("shop");
        String apiId = Engine.apiGatewayV2().createApi(b -> b.name(shop).protocolType(ProtocolType.HTTP)).apiId();
        String function = Engine.uniqueName("app");
        String functionArn = Engine.function(function);
        String integration = Engine.apiGatewayV2().createIntegration(b -> b.apiId(apiId).integrationType("AWS_PROXY")
                .integrationUri(functionArn).payloadFormatVersion("2.0")).integrationId();
        // made elsewhere, with no authorization type: open to all callers
        Engine.apiGatewayV2().createRoute(b -> b.apiId(apiId).routeKey("GET /items").target("integrations/" + integration));

        JsonNode rows = json(cli().aws("api", "routes", shop));
        assertThat(rows.get(0).path("auth").asText()).isEqualTo("none");
        Result added = cli().aws("api", "route", "add", shop, "GET /items", "--function", function);
        assertThat(json(added).path("actions").toString()).doesNotContain("auth");
        assertThat(added.err()).doesNotContain("changed auth").doesNotContain("null");
    }

    private Path petstore() throws IOException {
        try (InputStream in = ApiRouteOutputTest.class.getResourceAsStream("/api/petstore.yaml")) {
            Path file = dir.resolve("openapi.yaml");
            Files.copy(in, file);
            return file;
        }
    }
}
