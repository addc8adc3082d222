package dev.dynctl.cli.init;

import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.codec.Json;
import dev.dynctl.testing.Cli;
import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import dev.dynctl.testing.MotoServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The python3.12 handler dynctl init writes, run for real: python3 (with boto3, which moto needs
 * too) calls its handler with the proxy events API Gateway sends, against a table in moto.
 */
class InitHandlerTest {
    /** Imports the handler from the current directory and answers each event of the JSON array on stdin. */
    private static final String DRIVER = """
            import json, sys
            sys.path.insert(0, ".")
            import app
            print(json.dumps([app.handler(event, None) for event in json.load(sys.stdin)]))
            """;

    @TempDir
    Path temp;

    /** @param payload "2.0": an HTTP API's event; "1.0": a REST API's (Lambda proxy) */
    @ParameterizedTest(name = "payload {0}")
    @ValueSource(strings = {"2.0", "1.0"})
    void thePythonHandlerAnswersCrudRequestsOnTheTable(String payload) throws Exception {
        Path project = temp.resolve("shop");
        Result init = cli().run("init", project.toString(), "--runtime", "python3.12",
                "--template", payload.equals("2.0") ? "http-api" : "rest-api");
        assertThat(init.code()).as(init.toString()).isZero();
        String table = Engine.uniqueName("items");
        Engine.dynamo().createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S)));
        Engine.dynamo().putItem(b -> b.tableName(table).item(Map.of("id", AttributeValue.fromS("old"), "n", AttributeValue.fromN("7"))));

        ArrayNode events = Json.MAPPER.createArrayNode();
        events.add(event(payload, "POST", null, "{\"id\": \"a1\", \"name\": \"milk\", \"price\": 2.5}", false));
        events.add(event(payload, "POST", null, "{\"name\": \"bread\"}", false));
        events.add(event(payload, "POST", null, Base64.getEncoder().encodeToString("{\"id\": \"b64\"}".getBytes(StandardCharsets.UTF_8)), true));
        events.add(event(payload, "GET", "a1", null, false));
        events.add(event(payload, "PUT", "a1", "{\"name\": \"oat milk\"}", false));
        events.add(event(payload, "GET", null, null, false));
        events.add(event(payload, "GET", "nobody", null, false));
        events.add(event(payload, "POST", null, "not json", false));
        events.add(event(payload, "PUT", "a1", "[1, 2]", false));
        events.add(event(payload, "DELETE", "old", null, false));
        events.add(event(payload, "DELETE", "old", null, false));

        JsonNode answers = run(project.resolve("functions/items"), table, events);

        assertThat(answers).hasSize(events.size());
        answers.forEach(answer -> {
            assertThat(answer.path("headers").path("Content-Type").asText()).isEqualTo("application/json");
            assertThat(answer.path("headers").path("Access-Control-Allow-Origin").asText()).isEqualTo("*");
        });
        assertThat(status(answers, 0)).isEqualTo(201);
        assertThat(body(answers, 0).path("id").asText()).isEqualTo("a1");
        assertThat(status(answers, 1)).isEqualTo(201);
        String madeId = body(answers, 1).path("id").asText();
        assertThat(madeId).as("an id is made when the body has none").isNotEmpty();
        assertThat(status(answers, 2)).as("a base64 body").isEqualTo(201);
        assertThat(status(answers, 3)).isEqualTo(200);
        assertThat(body(answers, 3).path("name").asText()).isEqualTo("milk");
        assertThat(body(answers, 3).path("price").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(status(answers, 4)).isEqualTo(200);
        assertThat(body(answers, 4).path("name").asText()).isEqualTo("oat milk");
        assertThat(status(answers, 5)).isEqualTo(200);
        assertThat(body(answers, 5).findValuesAsText("id")).containsExactlyInAnyOrder("a1", madeId, "b64", "old");
        assertThat(status(answers, 6)).isEqualTo(404);
        assertThat(body(answers, 6).path("message").asText()).contains("nobody");
        assertThat(status(answers, 7)).as("a body that is not JSON").isEqualTo(400);
        assertThat(status(answers, 8)).as("a body that is not an object").isEqualTo(400);
        assertThat(status(answers, 9)).isEqualTo(200);
        assertThat(body(answers, 9).path("n").asInt()).as("DELETE answers what the item was").isEqualTo(7);
        assertThat(status(answers, 10)).as("deleted already").isEqualTo(404);

        List<String> left = Engine.dynamo().scanPaginator(b -> b.tableName(table)).items().stream().map(i -> i.get("id").s()).toList();
        assertThat(left).containsExactlyInAnyOrder("a1", madeId, "b64");
        assertThat(Engine.dynamo().getItem(b -> b.tableName(table).key(Map.of("id", AttributeValue.fromS("a1")))).item())
                .containsEntry("name", AttributeValue.fromS("oat milk")).doesNotContainKey("price");
    }

    /** A proxy event as API Gateway sends it: payload 2.0 names the method under requestContext.http, 1.0 in httpMethod. */
    private static ObjectNode event(String payload, String method, String id, String body, boolean base64) {
        ObjectNode event = Json.MAPPER.createObjectNode();
        String path = id == null ? "/items" : "/items/" + id;
        if (payload.equals("2.0")) {
            event.put("version", "2.0");
            event.put("routeKey", method + (id == null ? " /items" : " /items/{id}"));
            event.put("rawPath", path);
            event.putObject("requestContext").putObject("http").put("method", method).put("path", path);
        } else {
            event.put("resource", id == null ? "/items" : "/items/{id}");
            event.put("path", path);
            event.put("httpMethod", method);
            event.putObject("requestContext").put("httpMethod", method);
        }
        if (id != null) {
            event.putObject("pathParameters").put("id", id);
        } else {
            event.putNull("pathParameters");
        }
        if (body == null) {
            event.putNull("body");
        } else {
            event.put("body", body);
        }
        event.put("isBase64Encoded", base64);
        return event;
    }

    private static int status(JsonNode answers, int index) {
        return answers.get(index).path("statusCode").asInt();
    }

    private static JsonNode body(JsonNode answers, int index) throws IOException {
        return Json.MAPPER.readTree(answers.get(index).path("body").asText());
    }

    /** Runs the handler in {@code code} (its directory) on the events, with boto3 pointed at moto. */
    private JsonNode run(Path code, String table, JsonNode events) throws Exception {
        Path driver = temp.resolve("driver.py");
        Files.writeString(driver, DRIVER);
        ProcessBuilder builder = new ProcessBuilder("python3", driver.toString()).directory(code.toFile());
        Map<String, String> env = builder.environment();
        env.put("TABLE", table);
        env.put("AWS_ENDPOINT_URL", MotoServer.get().endpoint().toString());
        env.put("AWS_DEFAULT_REGION", Cli.REGION);
        env.put("AWS_ACCESS_KEY_ID", "testing");
        env.put("AWS_SECRET_ACCESS_KEY", "testing");
        env.remove("AWS_PROFILE");
        Path errors = temp.resolve("driver.err");
        Process process = builder.redirectError(errors.toFile()).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(Json.MAPPER.writeValueAsBytes(events));
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("python3 app.py (boto3 comes with moto):\n" + Files.readString(errors)).isZero();
        return Json.MAPPER.readTree(out);
    }
}
