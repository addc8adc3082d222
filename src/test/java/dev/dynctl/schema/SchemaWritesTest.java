package dev.dynctl.schema;

import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.codec.AttributeCodec;
import dev.dynctl.codec.Json;
import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The schema in dynctl.yaml at work on every write path (put, update, batch-write, transact) and on reads. */
class SchemaWritesTest {
    private static final String ISO_MILLIS = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";

    @TempDir
    Path dir;

    private String table;
    private Path project;

    @BeforeEach
    void tableWithSchema() throws Exception {
        table = Engine.uniqueName("schema-writes");
        Engine.dynamo().createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(d -> d.attributeName("id").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));
        project = Files.writeString(dir.resolve("dynctl.yaml"), """
                service: shop
                tables:
                  users:
                    name: %s
                    schema:
                      saveUnknown: false
                      timestamps: true
                      attributes:
                        id: {type: string, required: true}
                        email: {type: string, required: true, set: [trim, lowercase], validate: {regex: '^[^@]+@[^@]+$'}}
                        role: {type: string, enum: [admin, user], default: user}
                        age: {type: number, validate: {min: 0, max: 150}}
                        token: {type: string, default: uuid}
                        nick: {type: string, get: [uppercase]}
                        status: string
                        visits: number
                        address: {type: map, attributes: {city: {type: string, required: true}}}
                """.formatted(table));
    }

    private Result dynctl(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--project";
        all[1] = project.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return cli().aws(all);
    }

    private static Map<String, AttributeValue> stored(String table, String id) {
        return Engine.dynamo().getItem(b -> b.tableName(table).key(Map.of("id", AttributeValue.fromS(id))).consistentRead(true)).item();
    }

    private static JsonNode json(Map<String, AttributeValue> item) {
        return AttributeCodec.toJson(item);
    }

    @Test
    void putTransformsFillsDefaultsAndTimestamps() {
        Result r = dynctl("item", "put", table, "{\"id\": \"u1\", \"email\": \"  Ada@Example.ORG \", \"nick\": \"ada\"}");

        assertThat(r.code()).as(r.toString()).isZero();
        JsonNode item = json(stored(table, "u1"));
        assertThat(item.get("email").asText()).isEqualTo("ada@example.org");
        assertThat(item.get("role").asText()).isEqualTo("user");
        assertThat(item.get("token").asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(item.get("nick").asText()).as("get-transforms leave the stored value alone").isEqualTo("ada");
        assertThat(item.get("createdAt").asText()).matches(ISO_MILLIS);
        assertThat(item.get("updatedAt").asText()).isEqualTo(item.get("createdAt").asText());
    }

    @Test
    void aViolationExitsTwoNamesThePathAndTheRuleAndWritesNothing() {
        Result r = dynctl("item", "put", table, "{\"id\": \"u2\", \"email\": \"a@b.c\", \"age\": 200}");

        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("age is 200, above the maximum 150 [max]").doesNotContain("Exception");
        assertThat(stored(table, "u2")).isEmpty();

        Result nested = dynctl("item", "put", table, "{\"id\": \"u3\", \"email\": \"a@b.c\", \"address\": {\"zip\": \"1\"}}");
        assertThat(nested.code()).as(nested.toString()).isEqualTo(2);
        assertThat(nested.err()).contains("address.city").contains("address.zip");
        assertThat(stored(table, "u3")).isEmpty();

        Result unknown = dynctl("item", "put", table, "{\"id\": \"u4\", \"email\": \"a@b.c\", \"colour\": \"red\"}");
        assertThat(unknown.code()).as(unknown.toString()).isEqualTo(2);
        assertThat(unknown.err()).contains("colour").contains("saveUnknown");
        assertThat(stored(table, "u4")).isEmpty();
    }

    @Test
    void noSchemaWritesTheItemAsItIs() {
        Result r = dynctl("item", "put", table, "{\"id\": \"raw\", \"age\": 200, \"colour\": \"red\"}", "--no-schema");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(json(stored(table, "raw")).toString()).isEqualTo("{\"id\":\"raw\",\"age\":200,\"colour\":\"red\"}");
    }

    @Test
    void updateChecksAndTransformsWhatItChangesAndKeepsCreatedAt() {
        assertThat(dynctl("item", "put", table, "{\"id\": \"u5\", \"email\": \"a@b.c\", \"visits\": 1}").code()).isZero();
        String createdAt = json(stored(table, "u5")).get("createdAt").asText();

        Result ok = dynctl("item", "update", table, "--key", "id=u5", "--set", "email= NEW@B.C ",
                "--update", "SET visits = visits + 1", "--set", "address={\"city\": \"Oslo\"}");
        assertThat(ok.code()).as(ok.toString()).isZero();
        JsonNode item = json(stored(table, "u5"));
        assertThat(item.get("email").asText()).isEqualTo("new@b.c");
        assertThat(item.get("visits").asInt()).isEqualTo(2);
        assertThat(item.get("address").toString()).isEqualTo("{\"city\":\"Oslo\"}");
        assertThat(item.get("createdAt").asText()).isEqualTo(createdAt);
        assertThat(item.get("updatedAt").asText()).matches(ISO_MILLIS);

        Map<String, AttributeValue> before = stored(table, "u5");
        Result tooOld = dynctl("item", "update", table, "--key", "id=u5", "--set", "age=151");
        assertThat(tooOld.code()).as(tooOld.toString()).isEqualTo(2);
        assertThat(tooOld.err()).contains("age is 151, above the maximum 150 [max]");
        Result required = dynctl("item", "update", table, "--key", "id=u5", "--remove", "email");
        assertThat(required.code()).as(required.toString()).isEqualTo(2);
        assertThat(required.err()).contains("email").contains("required");
        Result unknown = dynctl("item", "update", table, "--key", "id=u5", "--update", "SET colour = 'red'");
        assertThat(unknown.code()).as(unknown.toString()).isEqualTo(2);
        Result badEnum = dynctl("item", "update", table, "--key", "id=u5", "--update", "SET #x = 1".replace("#x", "role"));
        assertThat(badEnum.code()).as(badEnum.toString()).isEqualTo(2);
        assertThat(stored(table, "u5")).isEqualTo(before);
    }

    @Test
    void anUpdateCannotCreateAnItemTheSchemaRequiresMoreOf() {
        Result r = dynctl("item", "update", table, "--key", "id=u6", "--set", "status=active");

        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).contains("There is no item id=u6 in table " + table + ", and its schema requires email")
                .contains("item put");
        assertThat(stored(table, "u6")).isEmpty();
    }

    @Test
    void readsShowGetTransformsUnlessNoSchema() {
        assertThat(dynctl("item", "put", table, "{\"id\": \"u7\", \"email\": \"a@b.c\", \"nick\": \"ada\"}").code()).isZero();

        assertThat(dynctl("item", "get", table, "--key", "id=u7", "--query", "nick", "-o", "text").out()).isEqualTo("ADA\n");
        assertThat(dynctl("item", "scan", table, "--query", "[?id=='u7'].nick", "-o", "text").out()).isEqualTo("ADA\n");
        assertThat(dynctl("item", "batch-get", table, "--key", "id=u7", "--query", "[0].nick", "-o", "text").out()).isEqualTo("ADA\n");
        assertThat(dynctl("item", "get", table, "--key", "id=u7", "--query", "nick", "-o", "text", "--no-schema").out())
                .isEqualTo("ada\n");
    }

    @Test
    void oneRefusedItemAmongManyMeansNothingIsWritten() {
        StringBuilder lines = new StringBuilder();
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            lines.append("{\"put\": {\"id\": \"b").append(i).append("\", \"email\": \" B").append(i).append("@X.ORG\"}}\n");
            items.append("{\"id\": \"p").append(i).append("\", \"email\": \"p").append(i).append("@x.org\"}\n");
        }
        lines.append("{\"put\": {\"id\": \"bad\", \"email\": \"no-at-sign\"}}\n");
        items.append("{\"id\": \"pbad\", \"email\": \"no-at-sign\"}\n");

        Result batch = cli().stdin(lines.toString()).aws("--project", project.toString(), "item", "batch-write", table);
        Result put = cli().stdin(items.toString()).aws("--project", project.toString(), "item", "put", table);

        assertThat(batch.code()).as(batch.toString()).isEqualTo(2);
        assertThat(batch.err()).contains("email", "[regex]", "No writes were done.");
        assertThat(put.code()).as(put.toString()).isEqualTo(2);
        assertThat(put.err()).contains("email", "[regex]", "No items were written.");
        assertThat(Engine.dynamo().scan(b -> b.tableName(table)).count()).isZero();

        Result ok = cli().stdin(lines.substring(0, lines.lastIndexOf("{\"put\": {\"id\": \"bad\"")))
                .aws("--project", project.toString(), "item", "batch-write", table);
        assertThat(ok.code()).as(ok.toString()).isZero();
        assertThat(json(stored(table, "b29")).get("email").asText()).isEqualTo("b29@x.org");
    }

    @Test
    void aDefaultMaySupplyTheKey() throws Exception {
        Path generated = Files.writeString(dir.resolve("generated.yaml"), """
                tables:
                  notes:
                    name: %s
                    schema:
                      attributes:
                        id: {type: string, default: uuid}
                """.formatted(table));

        Result r = cli().aws("--project", generated.toString(), "item", "put", table, "{\"text\": \"hello\"}");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(Engine.dynamo().scan(b -> b.tableName(table)).items())
                .singleElement().satisfies(item -> assertThat(item.get("id").s()).hasSize(36));
    }

    @Test
    void transactPutsAreCheckedBeforeAnythingIsSent() {
        String ops = """
                - put: {table: %1$s, item: {id: t1, email: a@b.c}}
                - put: {table: %1$s, item: {id: t2, email: a@b.c, age: -1}}
                """.formatted(table);

        Result r = cli().stdin(ops).aws("--project", project.toString(), "item", "transact");

        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("age").contains("min");
        assertThat(stored(table, "t1")).isEmpty();

        Result ok = cli().stdin("- put: {table: " + table + ", item: {id: t3, email: ' T3@B.C'}}\n")
                .aws("--project", project.toString(), "item", "transact");
        assertThat(ok.code()).as(ok.toString()).isZero();
        assertThat(json(stored(table, "t3")).get("email").asText()).isEqualTo("t3@b.c");
    }

    @Test
    void aBrokenProjectFileIsAnErrorWithItsPlaceButNoSchemaSkipsIt() throws Exception {
        Files.writeString(project, "tables:\n  users: {name: [oops\n");

        Result r = dynctl("item", "put", table, "{\"id\": \"p1\"}");
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains(project + ":");
        assertThat(dynctl("item", "put", table, "{\"id\": \"p1\"}", "--no-schema").code()).isZero();
    }
}
