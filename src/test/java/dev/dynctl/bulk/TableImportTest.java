package dev.dynctl.bulk;

import static dev.dynctl.bulk.ImportTables.checksum;
import static dev.dynctl.bulk.ImportTables.items;
import static dev.dynctl.bulk.ImportTables.scanAll;
import static dev.dynctl.bulk.ImportTables.writeDdbJsonLines;
import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** `table import` as a user runs it: the report, the items left in the table, and the checkpoint rules. */
class TableImportTest {
    @TempDir
    Path folder;

    @Test
    void importsAFileExactlyAndReportsWhatItDid() throws Exception {
        String table = ImportTables.create("import-cli");
        List<Map<String, AttributeValue>> items = items(500);
        Path file = folder.resolve("users.ddb.jsonl");
        writeDdbJsonLines(file, items);
        Result r = cli().aws("table", "import", table, "--from", file.toString(), "-o", "json");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("\"written\": 500").contains("\"batches\": 20").contains("\"throttles\": 0");
        assertThat(checksum(scanAll(table))).isEqualTo(checksum(items));
        assertThat(Files.exists(folder.resolve("users.ddb.jsonl.import-checkpoint.json"))).isFalse();
    }

    @Test
    void createMakesTheTableFromTheKeysGiven() throws Exception {
        String table = Engine.uniqueName("import-create");
        Path file = folder.resolve("users.ddb.jsonl");
        writeDdbJsonLines(file, items(30));
        Result r = cli().aws("table", "import", table, "--from", file.toString(), "--create", "--pk", "id:S", "-o", "json");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(scanAll(table)).hasSize(30);
    }

    @Test
    void aMissingTableIsNotFoundAndNamesCreate() throws Exception {
        Path file = folder.resolve("users.ddb.jsonl");
        writeDdbJsonLines(file, items(3));
        Result r = cli().aws("table", "import", Engine.uniqueName("import-none"), "--from", file.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
    }

    @Test
    void anEarlierCheckpointIsNeitherIgnoredNorOverwritten() throws Exception {
        String table = ImportTables.create("import-left");
        Path file = folder.resolve("users.ddb.jsonl");
        writeDdbJsonLines(file, items(100));
        CheckpointFile checkpoint = CheckpointFile.besides(file);
        checkpoint.write(new Checkpoint(ImportInput.of(file), table, "somewhere", 50, 50));
        Result r = cli().aws("table", "import", table, "--from", file.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("left a checkpoint").contains("--resume").contains("--restart");
        assertThat(scanAll(table)).isEmpty();

        r = cli().aws("table", "import", table, "--from", file.toString(), "--resume");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("is not this import's: it is for somewhere");

        r = cli().aws("table", "import", table, "--from", file.toString(), "--restart", "-o", "json");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(scanAll(table)).hasSize(100);
        assertThat(checkpoint.exists()).isFalse();
    }

    @Test
    void aCheckpointOfAnotherTableOrAChangedFileIsRefused() throws Exception {
        String table = ImportTables.create("import-other");
        Path file = folder.resolve("users.ddb.jsonl");
        writeDdbJsonLines(file, items(20));
        CheckpointFile checkpoint = CheckpointFile.besides(file);
        String target = "endpoint " + dev.dynctl.testing.MotoServer.get().endpoint();
        checkpoint.write(new Checkpoint(ImportInput.of(file), "another-table", target, 10, 10));
        Result r = cli().aws("table", "import", table, "--from", file.toString(), "--resume");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("it is for table another-table, not " + table);

        checkpoint.write(new Checkpoint(ImportInput.of(file), table, "x", 10, 10));
        writeDdbJsonLines(file, items(21));
        r = cli().aws("table", "import", table, "--from", file.toString(), "--resume");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("is not this import's");
        assertThat(scanAll(table)).isEmpty();
    }

    @Test
    void resumeWithoutACheckpointOrFromStdinWithoutOneIsAUsageError() throws Exception {
        String table = ImportTables.create("import-nocp");
        Path file = folder.resolve("users.ddb.jsonl");
        writeDdbJsonLines(file, items(3));
        Result r = cli().aws("table", "import", table, "--from", file.toString(), "--resume");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("there is no import to resume");

        r = cli().stdin("").aws("table", "import", table, "--from", "-", "--resume");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--resume needs --checkpoint");
    }

    @Test
    void standardInputResumesWithAnExplicitCheckpoint() throws Exception {
        String table = ImportTables.create("import-stdin");
        List<Map<String, AttributeValue>> items = items(60);
        Path file = folder.resolve("in.ddb.jsonl");
        writeDdbJsonLines(file, items);
        Path checkpoint = folder.resolve("stdin.ckpt");
        Result r = cli().stdin(Files.readString(file)).aws("table", "import", table, "--from", "-", "--checkpoint", checkpoint.toString(),
                "-o", "json");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(checksum(scanAll(table))).isEqualTo(checksum(items));
        assertThat(Files.exists(checkpoint)).isFalse();
    }
}
