package dev.dynctl.cli.api;

import static dev.dynctl.cli.api.ApiFixtures.json;
import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.codec.Json;
import dev.dynctl.testing.AwsCli;
import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigateway.model.EndpointType;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigatewayv2.model.GetApiResponse;

class ApiCommandsTest {
    @Test
    void createsARegionalRestApiThatListAndDescribeShow() {
        String name = Engine.uniqueName("orders");
        Result created = cli().aws("api", "create", name, "--type", "rest", "--endpoint-type", "regional", "--description", "order API");
        JsonNode doc = json(created);
        String id = doc.path("id").asText();
        assertThat(created.err()).contains("Created rest API '" + name + "' (" + id + ").");
        assertThat(doc.path("type").asText()).isEqualTo("rest");
        assertThat(doc.path("endpoint").asText()).isEqualTo("regional");
        assertThat(doc.path("url").asText()).isEqualTo("https://" + id + ".execute-api.us-east-1.amazonaws.com");
        assertThat(doc.path("stages")).isEmpty();
        assertThat(Engine.apiGateway().getRestApi(b -> b.restApiId(id)).endpointConfiguration().types()).containsExactly(EndpointType.REGIONAL);

        JsonNode row = rowOf(json(cli().aws("api", "list")), id);
        assertThat(row.path("name").asText()).isEqualTo(name);
        assertThat(row.path("type").asText()).isEqualTo("rest");
        assertThat(row.path("endpoint").asText()).isEqualTo("regional");
        assertThat(row.path("description").asText()).isEqualTo("order API");
        assertThat(row.path("created").asText()).isNotEmpty();

        assertThat(json(cli().aws("api", "describe", name))).isEqualTo(json(cli().aws("api", "describe", id)));
    }

    @Test
    void aRestApiIsEdgeByDefaultAndTheTableShowsIt() {
        String name = Engine.uniqueName("edge");
        String id = json(cli().aws("api", "create", name, "--type", "rest")).path("id").asText();
        assertThat(json(cli().aws("api", "describe", id)).path("endpoint").asText()).isEqualTo("edge");
        Result table = cli().aws("api", "list", "-o", "table");
        assertThat(table.out()).contains("id", "name", "type", "endpoint").containsPattern(id + " +" + name + " +rest +edge");
    }

    @Test
    void createsHttpAndWebSocketApisThroughV2() {
        String http = Engine.uniqueName("shop");
        JsonNode shop = json(cli().aws("api", "create", http, "--type", "http"));
        GetApiResponse httpApi = Engine.apiGatewayV2().getApi(b -> b.apiId(shop.path("id").asText()));
        assertThat(httpApi.protocolTypeAsString()).isEqualTo("HTTP");
        assertThat(shop.path("type").asText()).isEqualTo("http");
        assertThat(shop.path("endpoint").asText()).isEqualTo("regional");
        assertThat(shop.has("routeSelectionExpression")).isFalse();

        String ws = Engine.uniqueName("chat");
        JsonNode chat = json(cli().aws("api", "create", ws, "--type", "websocket"));
        String chatId = chat.path("id").asText();
        assertThat(Engine.apiGatewayV2().getApi(b -> b.apiId(chatId)).routeSelectionExpression()).isEqualTo("$request.body.action");
        assertThat(chat.path("routeSelectionExpression").asText()).isEqualTo("$request.body.action");
        assertThat(chat.path("url").asText()).isEqualTo("wss://" + chatId + ".execute-api.us-east-1.amazonaws.com");

        String custom = Engine.uniqueName("chat");
        JsonNode other = json(cli().aws("api", "create", custom, "--type", "websocket", "--route-selection-expression", "$request.body.type"));
        assertThat(other.path("routeSelectionExpression").asText()).isEqualTo("$request.body.type");

        JsonNode list = json(cli().aws("api", "list"));
        assertThat(rowOf(list, shop.path("id").asText()).path("type").asText()).isEqualTo("http");
        assertThat(rowOf(list, chatId).path("type").asText()).isEqualTo("websocket");
    }

    @Test
    void optionsThatDoNotFitTheTypeAreRefused() {
        String name = Engine.uniqueName("misfit");
        Result wsImport = cli().aws("api", "create", name, "--type", "websocket", "--from", "openapi.yaml");
        assertThat(wsImport.code()).as(wsImport.toString()).isEqualTo(2);
        assertThat(wsImport.err()).contains("--from imports OpenAPI", "not WebSocket APIs");

        Result httpEndpoint = cli().aws("api", "create", name, "--type", "http", "--endpoint-type", "edge");
        assertThat(httpEndpoint.code()).as(httpEndpoint.toString()).isEqualTo(2);
        assertThat(httpEndpoint.err()).contains("--endpoint-type applies to REST APIs only",
                "Hint: Leave --endpoint-type out, or create a REST API with --type rest.");

        Result restSelection = cli().aws("api", "create", name, "--type", "rest", "--route-selection-expression", "$request.body.x");
        assertThat(restSelection.code()).as(restSelection.toString()).isEqualTo(2);
        assertThat(restSelection.err()).contains("Hint: Leave it out, or create a WebSocket API with --type websocket.");

        Result badType = cli().aws("api", "create", name, "--type", "soap");
        assertThat(badType.code()).isEqualTo(2);
        assertThat(badType.err()).contains("'soap' is not one of rest, http, websocket");

        assertThat(json(cli().aws("api", "list")).findValuesAsText("name")).doesNotContain(name);
    }

    @Test
    void aTakenNameIsRefusedUnlessIfNotExistsWhichShowsTheExistingApi() {
        String name = Engine.uniqueName("ci");
        String id = json(cli().aws("api", "create", name, "--type", "http")).path("id").asText();

        Result again = cli().aws("api", "create", name, "--type", "http");
        assertThat(again.code()).as(again.toString()).isEqualTo(2);
        assertThat(again.err()).contains("An API named '" + name + "' already exists", id + " (http)", "--if-not-exists");

        Result idempotent = cli().aws("api", "create", name, "--type", "http", "--if-not-exists");
        assertThat(json(idempotent).path("id").asText()).isEqualTo(id);
        assertThat(idempotent.err()).contains("already exists; nothing was created");

        Result otherType = cli().aws("api", "create", name, "--type", "rest", "--if-not-exists");
        assertThat(otherType.code()).as(otherType.toString()).isEqualTo(2);

        long named = Engine.apiGatewayV2().getApis(b -> b.maxResults("500")).items().stream().filter(a -> a.name().equals(name)).count()
                + Engine.apiGateway().getRestApis(b -> b.limit(500)).items().stream().filter(a -> a.name().equals(name)).count();
        assertThat(named).isEqualTo(1);
    }

    @Test
    void anAmbiguousNameIsAUsageErrorListingTheIds() {
        String name = Engine.uniqueName("twin");
        String first = Engine.apiGateway().createRestApi(b -> b.name(name)).id();
        String second = Engine.apiGateway().createRestApi(b -> b.name(name)).id();

        Result r = cli().aws("api", "describe", name);
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("Several APIs are named '" + name + "'", first + " (rest)", second + " (rest)", "by its id");
        assertThat(json(cli().aws("api", "describe", first)).path("id").asText()).isEqualTo(first);
    }

    @Test
    void anUnknownApiIsNotFoundWithTheNearNames() {
        String name = Engine.uniqueName("catalog");
        cli().aws("api", "create", name, "--type", "http");
        String typo = name.substring(0, name.length() - 1);

        Result r = cli().aws("api", "describe", typo);
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).contains("API '" + typo + "' not found in endpoint", "Did you mean '" + name + "'?");

        for (String[] command : List.of(new String[] {"api", "delete", typo, "--yes"}, new String[] {"api", "export", typo},
                new String[] {"api", "deploy", typo, "--stage", "prod"}, new String[] {"api", "stage", "list", typo})) {
            assertThat(cli().aws(command).code()).as(String.join(" ", command)).isEqualTo(3);
        }
    }

    @Test
    void describeShowsTagsAndStages() {
        String name = Engine.uniqueName("tagged");
        String id = Engine.apiGateway().createRestApi(b -> b.name(name).tags(Map.of("team", "orders", "env", "dev"))).id();
        JsonNode doc = json(cli().aws("api", "describe", name, "-o", "json"));
        assertThat(doc.path("tags")).isEqualTo(Json.MAPPER.createObjectNode().put("env", "dev").put("team", "orders"));
        assertThat(doc.path("id").asText()).isEqualTo(id);
    }

    @Test
    void deleteAsksForTheNameUnlessYes() {
        String name = Engine.uniqueName("doomed");
        String id = Engine.apiGateway().createRestApi(b -> b.name(name)).id();

        Result refused = cli().aws("api", "delete", name, "--no-input");
        assertThat(refused.code()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.err()).contains("--no-input is set and deleting API '" + name + "' needs confirmation");
        Result wrong = cli().stdin("nope\n").aws("api", "delete", name);
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(Engine.apiGateway().getRestApi(b -> b.restApiId(id)).name()).isEqualTo(name);

        Result typed = cli().stdin(name + "\n").aws("api", "delete", name);
        assertThat(typed.err()).contains("Delete rest API '" + name + "' (" + id + ")", "Type '" + name + "' to confirm",
                "Deleted rest API '" + name + "' (" + id + ").");
        assertThat(json(typed).path("status").asText()).isEqualTo("DELETED");
        assertThatThrownBy(() -> Engine.apiGateway().getRestApi(b -> b.restApiId(id))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void deleteWithYesRemovesAV2Api() {
        String name = Engine.uniqueName("gone");
        String id = Engine.apiGatewayV2().createApi(b -> b.name(name).protocolType("HTTP")).apiId();
        json(cli().aws("api", "delete", id, "--yes"));
        assertThat(Engine.apiGatewayV2().getApis(b -> b.maxResults("500")).items()).noneMatch(a -> a.apiId().equals(id));
    }

    @Test
    void deletingARestApiFirstRemovesItsRoutesPermissionsAndSnsRoles() throws Exception {
        String name = Engine.uniqueName("routed");
        String id = Engine.apiGateway().createRestApi(b -> b.name(name)).id();
        String function = Engine.uniqueName("fn");
        Engine.function(function);
        String topic = "arn:aws:sns:us-east-1:123456789012:" + Engine.uniqueName("events");
        json(cli().aws("api", "route", "add", name, "GET /items", "--function", function));
        json(cli().aws("api", "route", "add", name, "POST /events", "--sns-topic", topic));
        json(cli().aws("api", "route", "add", name, "POST /audit", "--sns-topic", topic));
        String role = roleOf(id, "/events");

        Result deleted = cli().aws("api", "delete", name, "--yes");

        JsonNode doc = json(deleted);
        assertThat(deleted.err()).contains("Deleted rest API '" + name + "' (" + id + ")",
                "removed the permission for GET /items from " + function, "deleted role " + role);
        assertThat(doc.path("removed")).hasSize(2);
        assertThatThrownBy(() -> Engine.lambda().getPolicy(b -> b.functionName(function)))
                .isInstanceOf(software.amazon.awssdk.services.lambda.model.ResourceNotFoundException.class);
        assertThatThrownBy(() -> Engine.iam().getRole(b -> b.roleName(role)))
                .isInstanceOf(software.amazon.awssdk.services.iam.model.NoSuchEntityException.class);
        assertThatThrownBy(() -> Engine.apiGateway().getRestApi(b -> b.restApiId(id))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void deletingAnHttpApiRemovesItsFunctionsPermissionsForItsRoutes() {
        String name = Engine.uniqueName("routed");
        String id = Engine.apiGatewayV2().createApi(b -> b.name(name).protocolType("HTTP")).apiId();
        String function = Engine.uniqueName("fn");
        Engine.function(function);
        json(cli().aws("api", "route", "add", name, "GET /items", "--function", function));
        json(cli().aws("api", "route", "add", name, "$default", "--function", function));

        Result deleted = cli().aws("api", "delete", name, "--yes");

        assertThat(json(deleted).path("removed")).hasSize(2);
        assertThat(deleted.err()).contains("removed the permission for GET /items from " + function,
                "removed the permission for $default from " + function);
        assertThatThrownBy(() -> Engine.lambda().getPolicy(b -> b.functionName(function)))
                .isInstanceOf(software.amazon.awssdk.services.lambda.model.ResourceNotFoundException.class);
        assertThat(Engine.apiGatewayV2().getApis(b -> b.maxResults("500")).items()).noneMatch(a -> a.apiId().equals(id));
    }

    @Test
    void theAwsCliSeesWhatCreateMadeAndDynctlDescribesWhatTheAwsCliMade() throws Exception {
        assumeTrue(AwsCli.installed(), "AWS CLI v2 not installed");
        String name = Engine.uniqueName("peer");
        String id = json(cli().aws("api", "create", name, "--type", "rest", "--endpoint-type", "private")).path("id").asText();
        Result rest = AwsCli.run("apigateway", "get-rest-api", "--rest-api-id", id);
        assertThat(rest.code()).as(rest.toString()).isZero();
        JsonNode peer = Json.MAPPER.readTree(rest.out());
        assertThat(peer.path("name").asText()).isEqualTo(name);
        assertThat(peer.path("endpointConfiguration").path("types").get(0).asText()).isEqualTo("PRIVATE");

        String ws = Engine.uniqueName("peer-ws");
        Result made = AwsCli.run("apigatewayv2", "create-api", "--name", ws, "--protocol-type", "WEBSOCKET",
                "--route-selection-expression", "$request.body.op");
        String wsId = Json.MAPPER.readTree(made.out()).path("ApiId").asText();
        JsonNode doc = json(cli().aws("api", "describe", ws));
        assertThat(doc.path("id").asText()).isEqualTo(wsId);
        assertThat(doc.path("type").asText()).isEqualTo("websocket");
        assertThat(doc.path("routeSelectionExpression").asText()).isEqualTo("$request.body.op");
    }

    private static JsonNode rowOf(JsonNode list, String id) {
        List<JsonNode> rows = new ArrayList<>();
        list.forEach(row -> {
            if (row.path("id").asText().equals(id)) {
                rows.add(row);
            }
        });
        assertThat(rows).as("rows with id " + id).hasSize(1);
        return rows.get(0);
    }

    /** The name of the role a REST API's POST method on this path assumes (an SNS route's). */
    private static String roleOf(String apiId, String path) {
        String resource = Engine.apiGateway().getResources(b -> b.restApiId(apiId).limit(500)).items().stream()
                .filter(r -> r.path().equals(path)).findFirst().orElseThrow().id();
        String credentials = Engine.apiGateway().getMethod(b -> b.restApiId(apiId).resourceId(resource).httpMethod("POST"))
                .methodIntegration().credentials();
        return credentials.substring(credentials.lastIndexOf('/') + 1);
    }
}
