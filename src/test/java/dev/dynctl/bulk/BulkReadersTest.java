package dev.dynctl.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The readers on input written by others: AWS's export folder, hand-written csv, and bad files. */
class BulkReadersTest {
    @TempDir
    Path dir;

    @Test
    void awsExportFolderIsReadInTheOrderOfManifestFiles() throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        gzip(data.resolve("b.json.gz"), "{\"Item\":{\"id\":{\"S\":\"1\"}}}\n{\"Item\":{\"id\":{\"S\":\"2\"}}}\n");
        gzip(data.resolve("a.json.gz"), "{\"Item\":{\"id\":{\"S\":\"3\"},\"n\":{\"N\":\"1.5\"}}}\n");
        Files.writeString(dir.resolve("manifest-summary.json"), "{\"version\":\"2020-06-30\",\"exportType\":\"FULL_EXPORT\","
                + "\"outputFormat\":\"DYNAMODB_JSON\",\"itemCount\":3}");
        Files.writeString(dir.resolve("manifest-files.json"),
                "{\"itemCount\":2,\"dataFileS3Key\":\"AWSDynamoDB/0170-x/data/b.json.gz\"}\n"
                        + "{\"itemCount\":1,\"dataFileS3Key\":\"AWSDynamoDB/0170-x/data/a.json.gz\"}\n");

        List<ItemSource.Entry> entries = read(dir.toString(), null);

        assertThat(entries).extracting(ItemSource.Entry::ordinal).containsExactly(0L, 1L, 2L);
        assertThat(entries).extracting(e -> e.item().get("id").s()).containsExactly("1", "2", "3");
        assertThat(entries.get(2).item().get("n").n()).isEqualTo("1.5");
    }

    @Test
    void anIncrementalExportIsRefused() throws IOException {
        Files.writeString(dir.resolve("manifest-summary.json"), "{\"exportType\":\"INCREMENTAL_EXPORT\",\"outputFormat\":\"DYNAMODB_JSON\"}");

        assertThatThrownBy(() -> read(dir.toString(), null)).isInstanceOf(DynctlException.class)
                .hasMessageContaining("INCREMENTAL_EXPORT");
    }

    @Test
    void csvTypedHeadersAndInferredCells() throws IOException {
        Path file = dir.resolve("people.csv");
        Files.writeString(file, "id:S,age,tags,note\r\n007,42,\"{\"\"$set\"\":[\"\"a\"\"]}\",\"two\nlines\"\n008,,\"[1,true]\",\"\"\n");

        List<ItemSource.Entry> entries = read(file.toString(), null);

        Map<String, AttributeValue> first = entries.get(0).item();
        assertThat(first.get("id").s()).isEqualTo("007");
        assertThat(first.get("age").n()).isEqualTo("42");
        assertThat(first.get("tags").ss()).containsExactly("a");
        assertThat(first.get("note").s()).isEqualTo("two\nlines");
        Map<String, AttributeValue> second = entries.get(1).item();
        assertThat(second).doesNotContainKey("age");
        assertThat(second.get("tags").l()).hasSize(2);
        assertThat(second.get("note").s()).isEmpty();
    }

    @Test
    void aBadJsonLineNamesFileLineAndColumn() throws IOException {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, "{\"id\":\"a\"}\n\n{\"id\": \"b\",, }\n");

        assertThatThrownBy(() -> read(file.toString(), null)).isInstanceOfSatisfying(DynctlException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(e.getMessage()).startsWith("Malformed JSON in " + file + " at line 3, column 12:");
        });
    }

    @Test
    void aLineThatIsNotDynamoJsonNamesItsLine() throws IOException {
        Path file = dir.resolve("bad.ddb.jsonl");
        Files.writeString(file, "{\"Item\":{\"id\":{\"S\":\"a\"}}}\n{\"Item\":{\"id\":\"b\"}}\n");

        assertThatThrownBy(() -> read(file.toString(), null)).isInstanceOfSatisfying(DynctlException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(e.getMessage()).startsWith("Bad item in " + file + " at line 2:").contains("not DynamoDB JSON");
        });
    }

    @Test
    void aBadJsonArrayElementNamesLineAndColumn() throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "[\n  {\"id\": \"a\"},\n  {\"id\": \"b\", \"n\": {\"$set\": []}}\n]\n");

        assertThatThrownBy(() -> read(file.toString(), null)).isInstanceOfSatisfying(DynctlException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(e.getMessage()).startsWith("Bad item in " + file + " at line 3, column 3:");
        });
    }

    @Test
    void aTruncatedJsonArrayNamesWhereItEnds() throws IOException {
        Path file = dir.resolve("cut.json");
        Files.writeString(file, "[{\"id\": \"a\"},\n{\"id\": \"b\"");

        assertThatThrownBy(() -> read(file.toString(), null)).isInstanceOfSatisfying(DynctlException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(e.getMessage()).contains(file.toString()).contains("line 2");
        });
    }

    @Test
    void aCsvRowOfTheWrongWidthAndAnUnclosedQuoteNameTheirLines() throws IOException {
        Path wide = dir.resolve("wide.csv");
        Files.writeString(wide, "id,n\na,1\nb,2,3\n");
        Path open = dir.resolve("open.csv");
        Files.writeString(open, "id,n\na,\"1\n");

        assertThatThrownBy(() -> read(wide.toString(), null)).hasMessageStartingWith("Bad item in " + wide + " at line 3:")
                .hasMessageContaining("3 fields");
        assertThatThrownBy(() -> read(open.toString(), null)).hasMessageStartingWith("Bad item in " + open + " at line 2, column 3:");
    }

    @Test
    void aMissingFileAndAnUnknownSuffixAreUsageErrors() {
        assertThatThrownBy(() -> read(dir.resolve("none.jsonl").toString(), null)).isInstanceOfSatisfying(DynctlException.class,
                e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE));
        assertThatThrownBy(() -> read(dir.resolve("x.txt").toString(), null)).hasMessageContaining("Cannot tell the format");
    }

    @Test
    void gzipIsFoundByItsBytesWhateverTheName() throws IOException {
        Path file = dir.resolve("items.jsonl");
        gzip(file, "{\"id\":\"a\"}\n");

        assertThat(read(file.toString(), null)).hasSize(1);
        assertThat(read("-", BulkFormat.JSONL, Files.readAllBytes(file))).hasSize(1);
    }

    private static List<ItemSource.Entry> read(String location, BulkFormat format) {
        return read(location, format, new byte[0]);
    }

    private static List<ItemSource.Entry> read(String location, BulkFormat format, byte[] stdin) {
        List<ItemSource.Entry> entries = new ArrayList<>();
        try (ItemSource source = ItemSources.open(location, format, new ByteArrayInputStream(stdin))) {
            source.forEachRemaining(entries::add);
        }
        return entries;
    }

    private static void gzip(Path file, String text) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
