package dev.dynctl.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.codec.Json;
import dev.dynctl.testing.AwsCli;
import dev.dynctl.testing.Cli;
import dev.dynctl.testing.Engine;
import dev.dynctl.testing.MotoServer;
import dev.dynctl.testing.StubEndpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** explain prints the requests a statement would send, and sends none of them: the engine is left as it was. */
class ShellExplainTest {
    private static final String TABLE = Engine.uniqueName("explain");

    @TempDir
    Path folder;

    @BeforeAll
    static void table() {
        assertThat(Cli.cli().aws("table", "create", TABLE, "--pk", "id:S", "--wait").code()).isZero();
        assertThat(Cli.cli().aws("item", "put", TABLE, "{\"id\": \"u1\", \"name\": \"Ada\", \"status\": \"active\"}").code()).isZero();
    }

    private static Cli.Result shell(String script, String... options) {
        List<String> args = new ArrayList<>(List.of("shell"));
        args.addAll(List.of(options));
        return Cli.cli().stdin(script).aws(args.toArray(String[]::new));
    }

    /** Everything the test engine holds of the table, and which tables there are. */
    private static List<Object> engineState() {
        return List.of(Engine.dynamo().listTables().tableNames(),
                Engine.dynamo().scanPaginator(b -> b.tableName(TABLE)).items().stream().toList());
    }

    private static List<JsonNode> explanation(String out) throws Exception {
        return StreamSupport.stream(Json.MAPPER.readTree(out).spliterator(), false).toList();
    }

    @Test
    void getShowsTheLookupItSentAndTheGetItemItDidNot() {
        // made behind dynctl's back, so that no key schema of it is remembered yet
        String table = Engine.uniqueName("explain-get");
        Engine.dynamo().createTable(b -> b.tableName(table)
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .billingMode(BillingMode.PAY_PER_REQUEST));

        Cli.Result r = shell("explain get " + table + " id=u1\n", "-o", "text");

        assertThat(r.code()).as(r.toString()).isZero();
        // the key's type comes from the table: dynctl looked it up, and says so
        assertThat(r.out()).isEqualTo("""
                DescribeTable (sent: a read-only lookup)
                {
                  "TableName": "%1$s"
                }

                GetItem (not sent)
                {
                  "TableName": "%1$s",
                  "Key": {
                    "id": {
                      "S": "u1"
                    }
                  }
                }
                """.formatted(table));
        assertThat(r.err()).doesNotContain("Error", "not sent (explain)");
    }

    @Test
    void writesAreExplainedAndNotWritten() {
        List<Object> before = engineState();
        Cli.Result r = shell("use " + TABLE + "\n"
                + "explain put {\"id\": \"u2\", \"n\": 1.50}\n"
                + "explain update id=u1 --set status=locked --if \"status = 'active'\"\n"
                + "explain delete id=u1\n"
                + "explain table delete " + TABLE + " --yes\n"
                + "explain INSERT INTO \"" + TABLE + "\" VALUE {'id': 'u3'};\n", "-o", "text");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("PutItem (not sent)", "\"N\": \"1.50\"", "UpdateItem (not sent)", "\"ConditionExpression\": \"#n0 = :v1\"",
                "DeleteItem (not sent)", "DeleteTable (not sent)", "ExecuteStatement (not sent)");
        assertThat(engineState()).isEqualTo(before);
    }

    @Test
    void aParallelScanShowsOneRequestPerSegment() throws Exception {
        Cli.Result r = shell("explain -o json scan " + TABLE + " --segments 4\n");

        assertThat(r.code()).as(r.toString()).isZero();
        List<JsonNode> scans = explanation(r.out()).stream().filter(e -> e.get("operation").asText().equals("Scan")).toList();
        assertThat(scans).hasSize(4).allSatisfy(scan -> {
            assertThat(scan.get("sent").asBoolean()).isFalse();
            assertThat(scan.at("/request/TotalSegments").asInt()).isEqualTo(4);
        });
        assertThat(scans.stream().map(scan -> scan.at("/request/Segment").asInt())).containsExactlyInAnyOrder(0, 1, 2, 3);
    }

    @Test
    void partiqlIsOneExecuteStatementEvenOverSeveralLines() throws Exception {
        Cli.Result r = shell("EXPLAIN SELECT name\n  FROM \"" + TABLE + "\"\n  WHERE id = 'u1';\n", "-o", "json");

        assertThat(r.code()).as(r.toString()).isZero();
        List<JsonNode> requests = explanation(r.out());
        JsonNode statement = requests.get(requests.size() - 1);
        assertThat(statement.get("operation").asText()).isEqualTo("ExecuteStatement");
        assertThat(statement.at("/request/Statement").asText()).isEqualTo("SELECT name\n  FROM \"" + TABLE + "\"\n  WHERE id = 'u1'");
        assertThat(statement.get("sent").asBoolean()).isFalse();
    }

    @Test
    void theJsonRequestIsWhatTheAwsCliTakes() throws Exception {
        assumeTrue(AwsCli.installed(), "the AWS CLI (Debian's awscli) is not installed");
        Cli.Result r = shell("use " + TABLE + "\nexplain put {\"id\": \"cli1\", \"tags\": {\"$set\": [\"a\", \"b\"]}, \"n\": 7}\n", "-o", "json");
        assertThat(r.code()).as(r.toString()).isZero();
        JsonNode put = explanation(r.out()).stream().filter(e -> e.get("operation").asText().equals("PutItem")).findFirst().orElseThrow();
        assertThat(Engine.dynamo().getItem(b -> b.tableName(TABLE).key(Map.of("id", AttributeValue.fromS("cli1")))).hasItem()).isFalse();

        Path input = Files.createTempFile("put-item", ".json");
        Files.writeString(input, put.get("request").toString());
        Cli.Result aws = AwsCli.run("dynamodb", "put-item", "--cli-input-json", "file://" + input);

        assertThat(aws.code()).as(aws.toString()).isZero();
        assertThat(Engine.dynamo().getItem(b -> b.tableName(TABLE).key(Map.of("id", AttributeValue.fromS("cli1")))).item())
                .containsEntry("tags", AttributeValue.fromSs(List.of("a", "b")))
                .containsEntry("n", AttributeValue.fromN("7"));
    }

    @Test
    void aUsageErrorIsTheExplanation() {
        Cli.Result r = shell("use " + TABLE + "\nexplain get\n");

        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("Error: Missing required option: '--key", "The statement fails before it sends any request.");
        assertThat(r.out()).isEqualTo("[]\n");
    }

    @Test
    void aTableThatDoesNotExistFailsAfterTheLookup() {
        Cli.Result r = shell("explain get " + TABLE + "-nope --key id=u1\n", "-o", "text");

        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.out()).contains("DescribeTable (sent: a read-only lookup)").doesNotContain("GetItem");
        assertThat(r.err()).contains("Table '" + TABLE + "-nope' not found",
                "The statement fails after the read-only lookups above, before any other request.");
    }

    @Test
    void aStatementThatOnlyLooksUpSaysSo() {
        Cli.Result r = shell("explain tables\nexplain schema show --help\n", "-o", "text");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("ListTables (sent: a read-only lookup)");
        assertThat(r.err()).contains("The statement sends only the read-only lookups above (they were sent).",
                "The statement sends no request to DynamoDB.");
    }

    @Test
    void aDeleteWithoutYesIsNotConfirmedAndNothingIsSent() {
        Cli.Result r = shell("explain table delete " + TABLE + "\n");

        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("Pass --yes");
        assertThat(Engine.dynamo().listTables().tableNames()).contains(TABLE);
    }

    @Test
    void aCopyToAnotherTargetIsStoppedThereToo() {
        String copy = Engine.uniqueName("explain-copy");
        Cli.Result r = shell("explain table copy " + TABLE + " " + copy + " --to-endpoint " + MotoServer.get().endpoint()
                + " --to-region " + Cli.REGION + "\n", "-o", "text");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("CreateTable (not sent)", "\"TableName\": \"" + copy + "\"");
        assertThat(Engine.dynamo().listTables().tableNames()).doesNotContain(copy);
    }

    @Test
    void whatSendsNoDynamoDbRequestOrWritesFilesIsNotRun() {
        Cli.Result r = shell("use " + TABLE + "\nexplain use --none\nexplain local stop\nexplain export --to x.jsonl\nexplain explain get id=u1\n"
                + "get id=u1\n");

        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("Error: 'use' is not a DynamoDB command.", "Error: 'local stop' is not a DynamoDB command.",
                "Error: explain does not run 'export': it writes files", "Error: explain explains a statement, not another explain.");
        // the table is still in use
        assertThat(r.out()).contains("Ada");
        assertThat(Path.of("x.jsonl")).doesNotExist();
    }

    @Test
    void helpAndABareExplainGoToTheCommandTree() {
        Cli.Result r = shell("help explain\nexplain\n");

        assertThat(r.out()).contains("Print the DynamoDB requests a statement would send", "explain scan --segments 4");
        assertThat(r.err()).contains("Missing required parameter: 'STATEMENT'");
    }

    @Test
    void aBackupToAFileIsNotRunAndAnEarlierBackupIsLeftAsItWas() throws Exception {
        Path file = folder.resolve("backup.jsonl");
        Path manifest = folder.resolve("backup.jsonl.manifest.json");
        Cli.Result backup = Cli.cli().aws("backup", "create", TABLE, "--to-file", file.toString());
        assertThat(backup.code()).as(backup.toString()).isZero();
        String items = Files.readString(file);
        String definition = Files.readString(manifest);

        Cli.Result r = shell("explain backup create " + TABLE + " --to-file " + file + "\n"
                + "explain backup restore --from-file " + file + " --to " + Engine.uniqueName("explain-restore") + "\n");

        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("Error: explain does not run 'backup create': it writes files",
                "Error: explain does not run 'backup restore': it writes files");
        assertThat(Files.readString(file)).isEqualTo(items);
        assertThat(Files.readString(manifest)).isEqualTo(definition);
        assertThat(folder.resolve("backup.jsonl.import-checkpoint.json")).doesNotExist();
    }

    @Test
    void aDebugLogGoesToTheStatementThatAskedForItNotToAnEarlierExplain() {
        Cli.Result r = shell("explain get " + TABLE + " id=u1 --debug\nget " + TABLE + " id=u1 --debug\n", "-o", "json");

        assertThat(r.code()).as(r.toString()).isZero();
        // the explain's own log is held back with the rest of its output; the get's is the get's
        assertThat(r.err()).contains("→ DynamoDB.GetItem", "← 200 in ");
        assertThat(r.out()).contains("\"Ada\"");
    }

    @Test
    void anAbandonedExplainLeavesTheSessionsRequestsAndExplainsAlone() throws Exception {
        CountDownLatch answer = new CountDownLatch(1);
        CountDownLatch asked = new CountDownLatch(1);
        // the explained statement's lookup waits for an answer that comes only when the test ends
        try (StubEndpoint silent = StubEndpoint.start(operation -> {
            asked.countDown();
            await(answer);
            return new StubEndpoint.Answer(400, "{\"__type\": \"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException\"}");
        }); VirtualShell shell = VirtualShell.start()) {
            try {
                shell.waitFor("> ");
                shell.type("use " + TABLE + "\n");
                shell.waitFor(":" + TABLE + "> ");
                shell.type("explain get " + TABLE + "-elsewhere id=u1 --endpoint-url " + silent.endpoint() + "\n");
                assertThat(asked.await(20, TimeUnit.SECONDS)).as("the lookup reached the endpoint").isTrue();
                shell.ctrlC();
                shell.waitFor("Still stopping", Duration.ofSeconds(10));
                shell.ctrlC();
                assertThat(shell.waitFor(":" + TABLE + "> ", Duration.ofSeconds(5))).contains("Abandoned the statement");

                shell.type("get id=u1\n");
                assertThat(shell.waitFor(":" + TABLE + "> ")).contains("Ada").doesNotContain("not sent", "Error");
                shell.type("put {\"id\": \"after-abandon\"}\n");
                assertThat(shell.waitFor(":" + TABLE + "> ")).doesNotContain("Error");
                shell.type("explain delete id=u1\n");
                assertThat(shell.waitFor(":" + TABLE + "> ")).contains("DeleteItem (not sent)").doesNotContain("Error");
            } finally {
                answer.countDown();
            }
        }
        assertThat(Engine.dynamo().getItem(b -> b.tableName(TABLE).key(Map.of("id", AttributeValue.fromS("after-abandon")))).hasItem()).isTrue();
        assertThat(Engine.dynamo().getItem(b -> b.tableName(TABLE).key(Map.of("id", AttributeValue.fromS("u1")))).hasItem()).isTrue();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void atTheTerminalTheExplanationIsText() throws Exception {
        try (VirtualShell shell = VirtualShell.start()) {
            shell.waitFor("> ");
            shell.type("use " + TABLE + "\n");
            shell.waitFor(":" + TABLE + "> ");
            shell.type("explain get id=u1\n");
            assertThat(shell.waitFor(":" + TABLE + "> ")).contains("GetItem (not sent)", "\"S\": \"u1\"");
            shell.type("exit\n");
            assertThat(shell.ended(Duration.ofSeconds(5))).isTrue();
        }
    }
}
