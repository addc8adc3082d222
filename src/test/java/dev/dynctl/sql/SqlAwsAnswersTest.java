package dev.dynctl.sql;

import static dev.dynctl.sql.SqlTables.printed;
import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.codec.Json;
import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.StubEndpoint;
import dev.dynctl.testing.StubEndpoint.Answer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What DynamoDB answers and moto does not: pages with NextToken, Limit and ConsistentRead sent,
 * DuplicateItemException, a syntax error as ValidationException, per-statement batch errors and
 * throttling. The answers are DynamoDB's wire format, served by a stub endpoint.
 */
class SqlAwsAnswersTest {
    private static final String PREFIX = "com.amazonaws.dynamodb.v20120810#";
    private static final String DESCRIBE = "{\"Table\": {\"TableName\": \"users\", \"TableStatus\": \"ACTIVE\", "
            + "\"KeySchema\": [{\"AttributeName\": \"id\", \"KeyType\": \"HASH\"}], "
            + "\"AttributeDefinitions\": [{\"AttributeName\": \"id\", \"AttributeType\": \"S\"}]}}";

    /** The 'slow' statements throttled once already. */
    private static final Set<String> THROTTLED_ONCE = ConcurrentHashMap.newKeySet();

    @TempDir
    Path dir;

    /** The requests of one operation the stub saw, as JSON. */
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();

    private StubEndpoint stub(String operation, Function<JsonNode, Answer> answers) {
        return StubEndpoint.start((name, body) -> {
            if (name.equals("DescribeTable")) {
                return new Answer(200, DESCRIBE);
            }
            if (!name.equals(operation)) {
                return new Answer(400, error("ValidationException", "unexpected " + name));
            }
            JsonNode request = json(body);
            requests.add(request);
            return answers.apply(request);
        });
    }

    private static Result sql(StubEndpoint stub, String... args) {
        List<String> all = new ArrayList<>(List.of("sql"));
        all.addAll(List.of(args));
        all.addAll(List.of("--endpoint-url", stub.endpoint().toString(), "--region", "us-east-1"));
        return cli().run(all.toArray(String[]::new));
    }

    @Test
    void everyPageIsFollowedWithNextTokenAndTheLimitStopsTheRequests() {
        try (StubEndpoint stub = stub("ExecuteStatement", request -> request.has("NextToken")
                ? new Answer(200, "{\"Items\": [{\"name\": {\"S\": \"Lin\"}, \"id\": {\"S\": \"u3\"}}]}")
                : new Answer(200, "{\"Items\": [{\"name\": {\"S\": \"Ada\"}, \"id\": {\"S\": \"u1\"}}, "
                        + "{\"id\": {\"S\": \"u2\"}}], \"NextToken\": \"page-2\"}"))) {
            Result all = sql(stub, "SELECT * FROM users", "--consistent", "--page-size", "2", "-o", "json");

            assertThat(all.code()).as(all.toString()).isZero();
            assertThat(printed(all.out())).extracting(i -> i.get("id").asText()).containsExactly("u1", "u2", "u3");
            assertThat(requests).hasSize(2);
            assertThat(requests.get(0).path("Limit").asInt()).isEqualTo(2);
            assertThat(requests.get(0).path("ConsistentRead").asBoolean()).isTrue();
            assertThat(requests.get(1).path("NextToken").asText()).isEqualTo("page-2");
            assertThat(requests.get(1).path("Statement").asText()).isEqualTo("SELECT * FROM users");

            requests.clear();
            Result limited = sql(stub, "SELECT * FROM users", "--limit", "2", "-o", "json");
            assertThat(printed(limited.out())).hasSize(2);
            assertThat(requests).hasSize(1);
            assertThat(requests.get(0).path("Limit").asInt()).isEqualTo(2);

            // the table's key leads the columns, as DescribeTable says
            Result table = cli().stdoutTerminal(true).run("sql", "SELECT * FROM users", "--no-color",
                    "--endpoint-url", stub.endpoint().toString(), "--region", "us-east-1");
            assertThat(table.out().lines().findFirst().orElse("")).startsWith("id ");
        }
    }

    @Test
    void parametersTravelAsDynamoJson() {
        try (StubEndpoint stub = stub("ExecuteStatement", request -> new Answer(200, "{\"Items\": []}"))) {
            Result r = sql(stub, "UPDATE users SET n = ?, tags = ? WHERE id = ?", "--param", "36", "--param", "{\"$set\": [\"a\"]}",
                    "--param", "{\"S\": \"007\"}");

            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(requests.get(0).get("Parameters")).isEqualTo(json("[{\"N\": \"36\"}, {\"SS\": [\"a\"]}, {\"S\": \"007\"}]"));
            assertThat(requests.get(0).has("ConsistentRead")).isFalse();
        }
    }

    @Test
    void aSyntaxErrorIsBadInputInDynamoDbsWords() {
        String message = "Statement wasn't well formed, can't be processed: Expected identifier for simple path";
        try (StubEndpoint stub = stub("ExecuteStatement", request -> new Answer(400, error("ValidationException", message)))) {
            Result r = sql(stub, "SELECT * FROM users WHERE");

            assertThat(r.code()).as(r.toString()).isEqualTo(2);
            assertThat(r.err()).startsWith("Error: " + message);
        }
    }

    @Test
    void anEngineThatBreaksOnAStatementPointsAtMotosLimits() {
        // moto answers HTTP 500 without an error code to the PartiQL it does not run
        try (StubEndpoint stub = stub("ExecuteStatement", request -> new Answer(500, ""))) {
            Result r = sql(stub, "SELECT * FROM users WHERE begins_with(id, 'u')");

            assertThat(r.code()).as(r.toString()).isEqualTo(1);
            assertThat(r.err()).contains("failed with HTTP 500", "Hint: If it is moto (as the local engine is), it runs only part of PartiQL");
        }
    }

    @Test
    void anInsertOfAKeyThatIsTakenIsAFailedCondition() {
        try (StubEndpoint stub = stub("ExecuteStatement", request ->
                new Answer(400, error("DuplicateItemException", "Duplicate primary key exists in table")))) {
            Result r = sql(stub, "INSERT INTO users VALUE {'id': 'u1'}");

            assertThat(r.code()).as(r.toString()).isEqualTo(4);
            assertThat(r.err()).contains("An item with the same key is already in table users: INSERT never replaces one.",
                    "Hint: Change it with UPDATE, or replace it with 'dynctl item put'.").doesNotContain("Done");
        }
    }

    @Test
    void anUpdateWhoseConditionFailsExitsFour() {
        try (StubEndpoint stub = stub("ExecuteStatement", request ->
                new Answer(400, error("ConditionalCheckFailedException", "The conditional request failed")))) {
            Result r = sql(stub, "UPDATE users SET n = 1 WHERE id = 'u9' AND n = 0");

            assertThat(r.code()).as(r.toString()).isEqualTo(4);
            assertThat(r.err()).contains("Condition failed: The conditional request failed",
                    "UPDATE changes an item that exists and matches every condition of its WHERE clause.");
        }
    }

    @Test
    void aBatchIsCutAt25AndWhereReadsAndWritesMeet() throws IOException {
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            file.append("INSERT INTO users VALUE {'id': 'u").append(i).append("'};\n");
        }
        file.append("SELECT * FROM users WHERE id = 'u1';\nSELECT * FROM users WHERE id = 'u2';\n");
        file.append("DELETE FROM users WHERE id = 'u0';\n");
        Path statements = Files.writeString(dir.resolve("batch.sql"), file);
        try (StubEndpoint stub = stub("BatchExecuteStatement", SqlAwsAnswersTest::answerEach)) {
            Result r = sql(stub, "--file", statements.toString(), "--consistent", "-o", "jsonl");

            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(printed(r.out())).extracting(i -> i.get("id").asText()).containsExactly("u1", "u2");
            assertThat(r.err()).isEqualTo("Ran 33 statements in 4 requests.\n");
            assertThat(requests).extracting(q -> q.get("Statements").size()).containsExactly(25, 5, 2, 1);
            for (JsonNode request : requests) {
                Set<Boolean> reads = new HashSet<>();
                request.get("Statements").forEach(s -> reads.add(s.get("Statement").asText().startsWith("SELECT")));
                assertThat(reads).as(request.toString()).hasSize(1);
            }
            // --consistent goes with the reads only
            assertThat(requests.get(2).get("Statements").get(0).path("ConsistentRead").asBoolean()).isTrue();
            assertThat(requests.get(0).get("Statements").get(0).has("ConsistentRead")).isFalse();
        }
    }

    @Test
    void eachRefusedStatementIsReportedAndAFailedConditionWins() throws IOException {
        Path statements = Files.writeString(dir.resolve("mixed.sql"), """
                INSERT INTO users VALUE {'id': 'bad', 'n': 'invalid'}
                INSERT INTO users VALUE {'id': 'ok'}
                -- already there
                INSERT INTO users VALUE {'id': 'dup'}
                UPDATE users SET n = 2
                  WHERE id = 'cond' AND n = 1
                """);
        try (StubEndpoint stub = stub("BatchExecuteStatement", SqlAwsAnswersTest::answerEach)) {
            Result r = sql(stub, "--file", statements.toString());

            assertThat(r.code()).as(r.toString()).isEqualTo(4);
            assertThat(r.out()).isEmpty();
            String file = statements.toString();
            assertThat(r.err()).isEqualTo("Statement 1 (" + file + " line 1) failed: ValidationError: One or more parameter values were invalid\n"
                    + "  INSERT INTO users VALUE {'id': 'bad', 'n': 'invalid'}\n"
                    + "Statement 3 (" + file + " line 4) failed: DuplicateItem: Duplicate primary key exists in table\n"
                    + "  INSERT INTO users VALUE {'id': 'dup'}\n"
                    + "Statement 4 (" + file + " line 5) failed: ConditionalCheckFailed: The conditional request failed\n"
                    + "  UPDATE users SET n = 2\n"
                    + "Error: Ran 4 statements in 1 request: 3 failed, 1 succeeded.\n"
                    + "Hint: A condition failed, or an INSERT found its key taken: nothing was changed by those statements.\n");
        }
    }

    @Test
    void throttledStatementsAreSentAgain() throws IOException {
        Path statements = Files.writeString(dir.resolve("slow.sql"), "INSERT INTO users VALUE {'id': 'slow'};\n"
                + "INSERT INTO users VALUE {'id': 'fast'};\n");
        try (StubEndpoint stub = stub("BatchExecuteStatement", SqlAwsAnswersTest::answerEach)) {
            Result r = sql(stub, "--file", statements.toString());

            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.err()).isEqualTo("Ran 2 statements in 2 requests.\n");
            assertThat(requests.get(1).get("Statements")).hasSize(1);
            assertThat(requests.get(1).get("Statements").get(0).get("Statement").asText()).contains("slow");
        }
    }

    @Test
    void aRefusedRequestSaysWhatHadRun() throws IOException {
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            file.append("INSERT INTO users VALUE {'id': 'u").append(i).append("'}\n");
        }
        Path statements = Files.writeString(dir.resolve("refused.sql"), file);
        try (StubEndpoint stub = stub("BatchExecuteStatement", request -> requests.size() == 1 ? answerEach(request)
                : new Answer(400, error("ValidationException", "Statement wasn't well formed")))) {
            Result r = sql(stub, "--file", statements.toString());

            assertThat(r.code()).as(r.toString()).isEqualTo(2);
            assertThat(r.err()).contains("Error: The request with statements 26-30 failed: Statement wasn't well formed",
                    "Hint: 25 of 30 statements had been answered before it; the rest did not run.");
        }
    }

    /**
     * Answers each statement of a batch by what it holds: 'bad' a validation error, 'dup' a taken
     * key, 'cond' a failed condition, 'slow' throttling the first time, a SELECT its item.
     */
    private static Answer answerEach(JsonNode request) {
        ArrayNode responses = Json.MAPPER.createArrayNode();
        for (JsonNode statement : request.get("Statements")) {
            String text = statement.get("Statement").asText();
            ObjectNode response = responses.addObject();
            if (text.contains("'bad'")) {
                response.set("Error", json("{\"Code\": \"ValidationError\", \"Message\": \"One or more parameter values were invalid\"}"));
            } else if (text.contains("'dup'")) {
                response.set("Error", json("{\"Code\": \"DuplicateItem\", \"Message\": \"Duplicate primary key exists in table\"}"));
            } else if (text.contains("'cond'")) {
                response.set("Error", json("{\"Code\": \"ConditionalCheckFailed\", \"Message\": \"The conditional request failed\"}"));
            } else if (text.contains("'slow'") && THROTTLED_ONCE.add(text)) {
                response.set("Error", json("{\"Code\": \"ThrottlingError\", \"Message\": \"Throughput exceeds the current capacity\"}"));
            } else if (text.startsWith("SELECT")) {
                String id = text.substring(text.indexOf("'") + 1, text.lastIndexOf("'"));
                response.put("TableName", "users");
                response.set("Item", json("{\"id\": {\"S\": \"" + id + "\"}}"));
            } else {
                response.put("TableName", "users");
            }
        }
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.set("Responses", responses);
        return new Answer(200, body.toString());
    }

    private static String error(String type, String message) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("__type", PREFIX + type);
        body.put("message", message);
        return body.toString();
    }

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
