package dev.dynctl.schema;

import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.codec.Json;
import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** schema check and schema show, run as a user would, against items put behind dynctl's back. */
class SchemaCommandsTest {
    @TempDir
    Path dir;

    private static String table() {
        String name = Engine.uniqueName("schema");
        Engine.dynamo().createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(d -> d.attributeName("id").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));
        return name;
    }

    private static void put(String table, String json) throws Exception {
        Map<String, AttributeValue> item = dev.dynctl.codec.AttributeCodec.fromJson(Json.MAPPER.readTree(json));
        Engine.dynamo().putItem(b -> b.tableName(table).item(item));
    }

    private Path project(String table) throws Exception {
        return Files.writeString(dir.resolve("dynctl.yaml"), """
                service: shop
                tables:
                  users:
                    name: %s
                    schema:
                      saveUnknown: false
                      attributes:
                        id: {type: string, required: true}
                        email: {type: string, required: true, validate: {regex: '^[^@]+@[^@]+$'}}
                        role: {type: string, enum: [admin, user], default: user}
                        age: {type: number, validate: {min: 0}}
                        address: {type: map, attributes: {city: {type: string, required: true}}}
                """.formatted(table));
    }

    @Test
    void reportsViolatingItemsWithTheirKeysAndRulesAndExitsOne() throws Exception {
        String table = table();
        put(table, "{\"id\": \"ok1\", \"email\": \"a@b.c\", \"role\": \"admin\"}");
        put(table, "{\"id\": \"ok2\", \"email\": \"x@y.z\", \"address\": {\"city\": \"Oslo\"}}");
        put(table, "{\"id\": \"bad1\", \"role\": \"root\"}");
        put(table, "{\"id\": \"bad2\", \"email\": \"nope\", \"age\": -3, \"address\": {}, \"nickname\": \"x\"}");
        Path project = project(table);

        Result r = cli().aws("--project", project.toString(), "schema", "check", table, "-o", "json");

        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("Error: Schema violations in 2 of 4 items of table '" + table
                + "' (enum: 1, min: 1, regex: 1, required: 2, saveUnknown: 1).\n"
                + "Hint: Fix the items, or the schema in " + project + ".\n");
        JsonNode report = Json.MAPPER.readTree(r.out());
        assertThat(report.get("table").asText()).isEqualTo(table);
        assertThat(report.get("scanned").asLong()).isEqualTo(4);
        assertThat(report.get("violating").asLong()).isEqualTo(2);
        assertThat(report.get("rules").toString()).isEqualTo("{\"enum\":1,\"min\":1,\"regex\":1,\"required\":2,\"saveUnknown\":1}");
        List<String> lines = new ArrayList<>();
        report.get("items").forEach(item -> item.get("violations").forEach(v -> lines.add(item.get("key").get("id").asText()
                + " " + v.get("path").asText() + " " + v.get("rule").asText() + " " + v.get("message").asText())));
        assertThat(lines).containsExactlyInAnyOrder(
                "bad1 email required is required but missing",
                "bad1 role enum is \"root\", not one of \"admin\", \"user\"",
                "bad2 email regex is \"nope\", which does not match /^[^@]+@[^@]+$/",
                "bad2 age min is -3, below the minimum 0",
                "bad2 address.city required is required but missing",
                "bad2 nickname saveUnknown is not declared in the schema, and saveUnknown is false");
    }

    @Test
    void aConformingTableExitsZeroAndParallelSegmentsSeeEveryItem() throws Exception {
        String table = table();
        for (int i = 0; i < 30; i++) {
            put(table, "{\"id\": \"u" + i + "\", \"email\": \"u" + i + "@x.org\"}");
        }

        Result r = cli().aws("--project", project(table).toString(), "schema", "check", table, "--segments", "4", "-o", "json");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode report = Json.MAPPER.readTree(r.out());
        assertThat(report.get("scanned").asLong()).isEqualTo(30);
        assertThat(report.get("violating").asLong()).isZero();
        assertThat(report.get("items")).isEmpty();
    }

    @Test
    void listLimitsTheListedItemsNotTheCounts() throws Exception {
        String table = table();
        for (int i = 0; i < 5; i++) {
            put(table, "{\"id\": \"u" + i + "\"}");
        }

        Result r = cli().aws("--project", project(table).toString(), "schema", "check", table, "--list", "2", "-o", "json");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).endsWith("; the report lists the first 2 (--list N for more).\n");
        JsonNode report = Json.MAPPER.readTree(r.out());
        assertThat(report.get("violating").asLong()).isEqualTo(5);
        assertThat(report.get("items")).hasSize(2);
    }

    @Test
    void aTableWithoutASchemaIsAUsageErrorNamingTheProjectFile() throws Exception {
        Path project = project("other-table");

        Result r = cli().aws("--project", project.toString(), "schema", "check", "users-nowhere");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("Error: No schema for table 'users-nowhere': " + project + " does not list it.\n"
                + "Hint: Its tables: other-table; a table's real name is its name: setting, or its key under tables:.\n");
    }

    @Test
    void withoutAProjectFileTheHintSaysWhereOneGoes() {
        Result r = cli().aws("schema", "check", "users");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("No schema for table 'users': there is no dynctl.yaml in the current directory.",
                "Hint: Write one with the table's schema (see docs/schemas.md), or pass --project FILE.");
    }

    @Test
    void aMalformedProjectFileIsAUsageErrorWithLineAndColumn() throws Exception {
        Path project = Files.writeString(dir.resolve("dynctl.yaml"), "tables:\n  users:\n    schema:\n      attributes:\n        id: strng\n");

        Result r = cli().aws("--project", project.toString(), "schema", "check", "users");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("Error: " + project + ":5:13: unknown type 'strng' for attribute 'id'; types: string,")
                .doesNotContain("Exception");
    }

    @Test
    void aMissingProjectFileIsAUsageError() {
        Result r = cli().run("--project", dir.resolve("nope.yaml").toString(), "schema", "show", "users");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("Error: Project file '" + dir.resolve("nope.yaml") + "' not found.");
    }

    @Test
    void aMissingTableIsNotFound() throws Exception {
        String missing = Engine.uniqueName("gone");

        Result r = cli().aws("--project", project(missing).toString(), "schema", "check", missing);

        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).contains("Table '" + missing + "' not found");
    }

    @Test
    void commandsThatNeedNoSchemaNeverReadTheProjectFile() throws Exception {
        Path broken = Files.writeString(dir.resolve("dynctl.yaml"), "tables: [\n");

        Result r = cli().aws("--project", broken.toString(), "table", "list", "-o", "json");

        assertThat(r.code()).as(r.toString()).isZero();
    }

    @Test
    void showPrintsTheEffectiveSchemaWithoutTouchingAws() throws Exception {
        Path project = project("app-users");

        Result r = cli().run("--project", project.toString(), "schema", "show", "app-users", "-o", "json");

        assertThat(r.code()).as(r.toString()).isZero();
        JsonNode rows = Json.MAPPER.readTree(r.out());
        assertThat(rows.get(0).toString()).isEqualTo("{\"attribute\":\"(item)\",\"type\":\"map\",\"saveUnknown\":false}");
        assertThat(rows.get(3).toString()).isEqualTo("{\"attribute\":\"role\",\"type\":\"string\",\"required\":false,"
                + "\"default\":\"user\",\"enum\":[\"admin\",\"user\"]}");
        assertThat(rows.get(6).get("attribute").asText()).isEqualTo("address.city");
    }

    @Test
    void showInATerminalIsATableOfAttributes() throws Exception {
        Result r = cli().stdoutTerminal(true).width(100).run("--project", project("app-users").toString(), "--no-color",
                "schema", "show", "app-users");

        assertThat(r.code()).isZero();
        assertThat(r.out().lines().findFirst().orElseThrow()).startsWith("attribute").contains("type", "required", "default", "enum");
        assertThat(r.out()).contains("address.city");
    }
}
