package dev.dynctl.bulk;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A csv file: a header, then a row per item. The header comes first but depends on every item
 * (the union of their attributes, and which columns need a {@code :S} type, see {@link
 * CsvCells}), so items go to a temporary file of DynamoDB JSON lines as they come and the csv is
 * written from it at the end: memory stays constant, and disk holds the table once more until
 * then. With fixed columns (--attrs) the header is those names and other attributes are left out.
 */
final class CsvOutput implements ItemOutput {
    /** What the items say about one column. */
    private static final class ColumnFacts {
        boolean allStrings = true;
        boolean stringReadsAsJson;
    }

    private final OutputStream out;
    private final boolean fixedColumns;
    private final Map<String, ColumnFacts> columns = new LinkedHashMap<>();
    private final Path buffer;
    private final OutputStream bufferStream;
    private final JsonLinesOutput buffered;

    /**
     * @param leading the columns that come first (the table's key), or with {@code fixed} the only columns
     */
    CsvOutput(OutputStream out, List<String> leading, boolean fixed) throws IOException {
        this.out = out;
        this.fixedColumns = fixed;
        leading.forEach(name -> columns.put(name, new ColumnFacts()));
        this.buffer = Files.createTempFile("dynctl-export-", ".ddb.jsonl");
        this.bufferStream = new BufferedOutputStream(Files.newOutputStream(buffer), 1 << 16);
        this.buffered = new JsonLinesOutput(bufferStream, true);
    }

    @Override
    public void write(Map<String, AttributeValue> item) throws IOException {
        item.forEach((name, value) -> {
            ColumnFacts facts = fixedColumns ? columns.get(name) : columns.computeIfAbsent(name, n -> new ColumnFacts());
            if (facts != null) {
                boolean string = value.type() == AttributeValue.Type.S;
                facts.allStrings &= string;
                facts.stringReadsAsJson |= string && CsvCells.readsAsJson(value.s());
            }
        });
        buffered.write(item);
    }

    @Override
    public void finish() throws IOException {
        buffered.finish();
        bufferStream.close();
        Map<String, CsvCells.ColumnType> types = new LinkedHashMap<>();
        columns.forEach((name, facts) -> types.put(name,
                facts.allStrings && facts.stringReadsAsJson ? CsvCells.ColumnType.S : CsvCells.ColumnType.ANY));
        Writer csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        StringJoiner header = new StringJoiner(",");
        types.forEach((name, type) -> header.add(CsvCells.field(new CsvCells.Column(name, type).header())));
        csv.write(header + "\n");
        try (ItemSource items = ItemSources.file(buffer, BulkFormat.DDB_JSONL, "the temporary file " + buffer)) {
            while (items.hasNext()) {
                Map<String, AttributeValue> item = items.next().item();
                StringJoiner row = new StringJoiner(",");
                types.forEach((name, type) -> row.add(CsvCells.field(CsvCells.write(item.get(name), type))));
                csv.write(row + "\n");
            }
        }
        csv.flush();
    }

    @Override
    public void close() {
        try {
            bufferStream.close();
            Files.deleteIfExists(buffer);
        } catch (IOException e) {
            // a temporary file left behind in the system's temp folder is removed by it in time
        }
    }
}
