package dev.dynctl.bulk;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Makes the {@link ItemOutput} of a format. */
public final class ItemOutputs {
    private ItemOutputs() {
    }

    /**
     * @param columns for csv: the columns that lead (the table's key), or with {@code fixedColumns}
     *                (--attrs) the only ones; other formats write every attribute an item has
     */
    public static ItemOutput open(BulkFormat format, OutputStream out, List<String> columns, boolean fixedColumns) throws IOException {
        return switch (format) {
            case DDB_JSONL -> new JsonLinesOutput(out, true);
            case JSONL -> new JsonLinesOutput(out, false);
            case JSON -> new JsonArrayOutput(out);
            case CSV -> new CsvOutput(out, columns, fixedColumns);
        };
    }
}
