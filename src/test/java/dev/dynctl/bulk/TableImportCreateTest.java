package dev.dynctl.bulk;

import static dev.dynctl.bulk.ImportTables.checksum;
import static dev.dynctl.bulk.ImportTables.items;
import static dev.dynctl.bulk.ImportTables.scanAll;
import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** `table import --create`: the table an export's manifest describes, made before the items are written. */
class TableImportCreateTest {
    @TempDir
    Path folder;

    /** A table keyed on id (S) and n (N) with a global and a local index, a stream and TTL, holding {@code count} items. */
    static String exportedShape(String prefix, int count) {
        String table = Engine.uniqueName(prefix);
        Result r = cli().aws("table", "create", table, "--pk", "id:S", "--sk", "n:N",
                "--gsi", "name=byGroup,pk=grp:S,sk=n:N,projection=keys", "--lsi", "name=byGroupLocal,sk=grp:S,projection=include:x+y",
                "--stream", "both", "--ttl", "expires", "--wait", "-o", "json");
        assertThat(r.code()).as(r.toString()).isZero();
        for (Map<String, AttributeValue> item : items(count)) {
            Map<String, AttributeValue> grouped = new HashMap<>(item);
            grouped.put("grp", AttributeValue.fromS("g" + item.get("n").n().length()));
            Engine.dynamo().putItem(b -> b.tableName(table).item(grouped));
        }
        return table;
    }

    @Test
    void createsTheTableTheManifestDescribesAndWritesItsItems() throws Exception {
        String source = exportedShape("import-manifest-src", 120);
        Path file = folder.resolve("users.ddb.jsonl.gz");
        Result r = cli().aws("table", "export", source, "--to", file.toString());
        assertThat(r.code()).as(r.toString()).isZero();

        String target = Engine.uniqueName("import-manifest-dst");
        r = cli().aws("table", "import", target, "--from", file.toString(), "--create", "-o", "json");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("\"written\": 120");
        assertThat(TableShapes.shape(target)).isEqualTo(TableShapes.shape(source));
        assertThat(TableShapes.shape(target).path("globalIndexes").get(0).path("name").asText()).isEqualTo("byGroup");
        assertThat(TableShapes.shape(target).path("ttl").path("attribute").asText()).isEqualTo("expires");
        assertThat(checksum(scanAll(target))).isEqualTo(checksum(scanAll(source)));
        assertThat(Engine.dynamo().describeTable(b -> b.tableName(target)).table().tableStatusAsString()).isEqualTo("ACTIVE");
    }

    @Test
    void anExistingTableWithTheSameKeysIsUsedAndOtherKeysAreBadInput() throws Exception {
        String source = exportedShape("import-manifest-keys", 10);
        Path file = folder.resolve("keys.jsonl");
        assertThat(cli().aws("table", "export", source, "--to", file.toString()).code()).isZero();

        r(cli().aws("table", "import", source, "--from", file.toString(), "--create", "--restart", "-o", "json"), 0);

        String other = ImportTables.create("import-manifest-other");
        Result r = cli().aws("table", "import", other, "--from", file.toString(), "--create");
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("exists").contains("with keys id (S), not id (S), n (N)");
        assertThat(scanAll(other)).isEmpty();
    }

    @Test
    void withoutAManifestTheKeysAreNeededAndWithOneTheyAreRefused() throws Exception {
        Path bare = folder.resolve("bare.jsonl");
        Files.writeString(bare, "{\"id\":\"a\"}\n");
        Result r = cli().aws("table", "import", Engine.uniqueName("import-bare"), "--from", bare.toString(), "--create");
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("no manifest beside the input").contains("--pk");

        String source = exportedShape("import-manifest-both", 1);
        Path file = folder.resolve("both.jsonl");
        assertThat(cli().aws("table", "export", source, "--to", file.toString()).code()).isZero();
        r = cli().aws("table", "import", Engine.uniqueName("import-both"), "--from", file.toString(), "--create", "--pk", "id:S");
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("both give the keys");
    }

    private static void r(Result r, int code) {
        assertThat(r.code()).as(r.toString()).isEqualTo(code);
    }

}
