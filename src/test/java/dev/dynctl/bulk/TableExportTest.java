package dev.dynctl.bulk;

import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.codec.Json;
import dev.dynctl.testing.Cli;
import dev.dynctl.testing.Engine;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** `table export` against moto: every format reads back as exactly what the engine holds. */
class TableExportTest {
    private static final Comparator<Map<String, AttributeValue>> BY_ID = Comparator.comparing(item -> item.get("id").s());
    private static String table;

    @TempDir
    Path dir;

    @BeforeAll
    static void createTable() {
        table = Engine.uniqueName("export");
        Engine.dynamo().createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(k -> k.attributeName("id").keyType("HASH"))
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S)));
        List<Map<String, AttributeValue>> items = new ArrayList<>(BulkItems.allTypes());
        items.add(BulkItems.large("large", 395_000));
        for (int i = 0; i < 120; i++) {
            items.add(Map.of("id", BulkItems.s("item-" + i), "n", BulkItems.n(String.valueOf(i))));
        }
        items.forEach(item -> Engine.dynamo().putItem(b -> b.tableName(table).item(item)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"out.ddb.jsonl", "out.jsonl", "out.json", "out.csv", "out.ddb.jsonl.gz", "out.jsonl.gz", "out.json.gz", "out.csv.gz"})
    void everyFormatReadsBackAsTheEngineHoldsIt(String name) {
        Path file = dir.resolve(name);
        Cli.Result result = cli().aws("table", "export", table, "--to", file.toString());

        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(result.err()).contains("Exported 124 items").contains("manifest in " + name + ".manifest.json");
        assertThat(readBack(file.toString())).isEqualTo(engineItems());
    }

    @Test
    void gzipIsGzip() throws IOException {
        Path file = dir.resolve("users.jsonl.gz");
        cli().aws("table", "export", table, "--to", file.toString());

        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes[0] & 0xff).isEqualTo(0x1f);
        assertThat(bytes[1] & 0xff).isEqualTo(0x8b);
    }

    @Test
    void theManifestCountsAndHashesTheFile() throws IOException, NoSuchAlgorithmException {
        Path file = dir.resolve("users.ddb.jsonl.gz");
        cli().aws("table", "export", table, "--to", file.toString());

        JsonNode manifest = Json.MAPPER.readTree(dir.resolve("users.ddb.jsonl.gz.manifest.json").toFile());
        byte[] bytes = Files.readAllBytes(file);
        assertThat(manifest.get("itemCount").asLong()).isEqualTo(124);
        assertThat(manifest.get("bytes").asLong()).isEqualTo(bytes.length);
        assertThat(manifest.get("sha256").asText()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        assertThat(manifest.get("format").asText()).isEqualTo("ddb-jsonl");
        assertThat(manifest.get("compression").asText()).isEqualTo("gzip");
        assertThat(manifest.at("/table/name").asText()).isEqualTo(table);
        assertThat(manifest.at("/table/partitionKey/name").asText()).isEqualTo("id");
        assertThat(manifest.at("/table/billing/mode").asText()).isEqualTo("PAY_PER_REQUEST");
        assertThat(manifest.has("started")).isTrue();
        assertThat(manifest.has("finished")).isTrue();
    }

    @Test
    void parallelSegmentsExportTheSameItemsAsOne() {
        Path one = dir.resolve("one.jsonl");
        Path many = dir.resolve("many.jsonl");
        assertThat(cli().aws("table", "export", table, "--to", one.toString(), "--segments", "1").code()).isZero();
        assertThat(cli().aws("table", "export", table, "--to", many.toString(), "--segments", "7").code()).isZero();

        assertThat(readBack(many.toString())).isEqualTo(readBack(one.toString())).hasSize(124);
    }

    @Test
    void rateLimitedExportIsComplete() {
        Path file = dir.resolve("slow.jsonl");
        Cli.Result result = cli().aws("table", "export", table, "--to", file.toString(), "--rate-limit", "1000", "--segments", "2");

        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(readBack(file.toString())).isEqualTo(engineItems());
    }

    @Test
    void dashWritesDynamoJsonLinesToStandardOutput() {
        Cli.Result result = cli().aws("table", "export", table, "--to", "-");

        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(result.out().lines().findFirst().orElseThrow()).startsWith("{\"Item\":{");
        assertThat(result.err()).contains("Exported 124 items").doesNotContain("manifest");
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        try (ItemSource source = ItemSources.open("-", null, new ByteArrayInputStream(result.out().getBytes(StandardCharsets.UTF_8)))) {
            source.forEachRemaining(entry -> items.add(entry.item()));
        }
        items.sort(BY_ID);
        assertThat(items).isEqualTo(engineItems());
    }

    @Test
    void attrsAndFilterChooseWhatIsExported() throws IOException {
        Path file = dir.resolve("some.csv");
        Cli.Result result = cli().aws("table", "export", table, "--to", file.toString(), "--attrs", "id,n", "--filter",
                "id = 'item-1' OR id = 'item-2' OR id = 'sparse' OR id = '007'");

        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(Files.readAllLines(file)).containsExactlyInAnyOrder("id,n", "item-1,1", "item-2,2",
                "sparse,", "007,\"\"\"42\"\"\"");
    }

    @Test
    void aMissingTableIsNotFound() {
        Cli.Result result = cli().aws("table", "export", table + "-nope", "--to", dir.resolve("x.jsonl").toString());

        assertThat(result.code()).as(result.toString()).isEqualTo(3);
        assertThat(dir.resolve("x.jsonl")).doesNotExist();
    }

    @Test
    void aNameWithoutAFormatIsAUsageError() {
        Cli.Result result = cli().aws("table", "export", table, "--to", dir.resolve("x.txt").toString());

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("Cannot tell the format of").contains("--format");
    }

    private static List<Map<String, AttributeValue>> readBack(String file) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        try (ItemSource source = ItemSources.open(file, null, InputStreamNone.INSTANCE)) {
            source.forEachRemaining(entry -> items.add(entry.item()));
        }
        items.sort(BY_ID);
        return items;
    }

    private static List<Map<String, AttributeValue>> engineItems() {
        List<Map<String, AttributeValue>> items = new ArrayList<>(Engine.dynamo().scanPaginator(b -> b.tableName(table)).items().stream().toList());
        items.sort(BY_ID);
        return items;
    }

    /** No standard input: the files are named. */
    private static final class InputStreamNone {
        static final ByteArrayInputStream INSTANCE = new ByteArrayInputStream(new byte[0]);
    }
}
