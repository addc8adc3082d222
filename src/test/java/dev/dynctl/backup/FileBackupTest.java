package dev.dynctl.backup;

import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.codec.Json;
import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** File backups: backup create --to-file and backup restore --from-file recreate the table and its data exactly. */
class FileBackupTest {
    @TempDir
    Path folder;

    @Test
    void aFileBackupRestoresTheTableAndItsItemsExactly() throws Exception {
        String table = Engine.uniqueName("filebackup");
        Engine.dynamo().createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(d -> d.attributeName("id").attributeType(ScalarAttributeType.S),
                        d -> d.attributeName("n").attributeType(ScalarAttributeType.N))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .globalSecondaryIndexes(g -> g.indexName("by-n").keySchema(k -> k.attributeName("n").keyType(KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL))));
        for (int i = 0; i < 60; i++) {
            Map<String, AttributeValue> item = Map.of("id", AttributeValue.fromS("k" + i),
                    "n", AttributeValue.fromN("12345678901234567890123456789012345678".substring(0, 1 + i % 38)),
                    "bin", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {(byte) i, 0, (byte) 255})),
                    "tags", AttributeValue.fromSs(List.of("a", "é" + i)),
                    "nested", AttributeValue.fromM(Map.of("l", AttributeValue.fromL(List.of(AttributeValue.fromBool(true),
                            AttributeValue.fromNul(true))))));
            Engine.dynamo().putItem(b -> b.tableName(table).item(item));
        }
        Path file = folder.resolve("backup.ddb.jsonl.gz");

        Result created = cli().aws("backup", "create", table, "--to-file", file.toString());
        assertThat(created.code()).as(created.toString()).isZero();
        assertThat(Files.exists(folder.resolve("backup.ddb.jsonl.gz.manifest.json"))).isTrue();

        String restoredName = Engine.uniqueName("restored");
        Result restored = cli().aws("backup", "restore", "--from-file", file.toString(), "--to", restoredName);
        assertThat(restored.code()).as(restored.toString()).isZero();

        assertThat(sorted(scan(restoredName))).isEqualTo(sorted(scan(table)));
        JsonNode original = describe(table);
        JsonNode copy = describe(restoredName);
        assertThat(copy.get("partitionKey")).isEqualTo(original.get("partitionKey"));
        assertThat(copy.get("globalIndexes").toString()).contains("by-n");

        Path again = folder.resolve("again.ddb.jsonl.gz");
        assertThat(cli().aws("backup", "create", restoredName, "--to-file", again.toString()).code()).isZero();
        assertThat(sortedLines(again)).isEqualTo(sortedLines(file));

        Result overwrite = cli().aws("backup", "restore", "--from-file", file.toString(), "--to", table);
        assertThat(overwrite.code()).as(overwrite.toString()).isEqualTo(2);
        assertThat(overwrite.err()).contains("already exists");
    }

    @Test
    void aFileThatIsNotWhatItsManifestSaysIsRefusedAndNoTableIsMade() throws Exception {
        String table = Engine.uniqueName("cut");
        Engine.dynamo().createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(d -> d.attributeName("id").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));
        for (int i = 0; i < 10; i++) {
            Map<String, AttributeValue> item = Map.of("id", AttributeValue.fromS("k" + i));
            Engine.dynamo().putItem(b -> b.tableName(table).item(item));
        }
        Path file = folder.resolve("cut.ddb.jsonl");
        assertThat(cli().aws("backup", "create", table, "--to-file", file.toString()).code()).isZero();
        List<String> lines = Files.readAllLines(file);
        Files.write(file, lines.subList(0, 4));

        String target = Engine.uniqueName("from-cut");
        Result r = cli().aws("backup", "restore", "--from-file", file.toString(), "--to", target);

        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("is not the file its manifest describes").contains("export the table again");
        assertThat(cli().aws("table", "describe", target).code()).isEqualTo(3);
        Result stdout = cli().aws("backup", "create", table, "--to-file", "-");
        assertThat(stdout.code()).as(stdout.toString()).isEqualTo(2);
        assertThat(stdout.out()).isEmpty();
    }

    @Test
    void aFileWithoutItsManifestIsNotAFileBackup() throws Exception {
        Path file = Files.writeString(folder.resolve("plain.jsonl"), "{\"id\": \"x\"}\n");

        Result r = cli().aws("backup", "restore", "--from-file", file.toString(), "--to", Engine.uniqueName("nope"));

        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("No plain.jsonl.manifest.json beside").contains("table import");
    }

    private static List<Map<String, AttributeValue>> scan(String table) {
        return Engine.dynamo().scanPaginator(b -> b.tableName(table)).items().stream().toList();
    }

    private static List<String> sorted(List<Map<String, AttributeValue>> items) {
        List<String> lines = new ArrayList<>(items.stream().map(item -> new java.util.TreeMap<>(item).toString()).toList());
        lines.sort(null);
        return lines;
    }

    private static JsonNode describe(String table) throws Exception {
        Result r = cli().aws("table", "describe", table, "-o", "json");
        assertThat(r.code()).as(r.toString()).isZero();
        return Json.MAPPER.readTree(r.out());
    }

    private static List<String> sortedLines(Path gzip) throws Exception {
        try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(gzip))) {
            List<String> lines = new ArrayList<>(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")));
            lines.sort(null);
            return lines;
        }
    }
}
