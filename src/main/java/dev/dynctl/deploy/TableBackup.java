package dev.dynctl.deploy;

import dev.dynctl.bulk.BulkFormat;
import dev.dynctl.bulk.ExportManifest;
import dev.dynctl.bulk.TableExport;
import dev.dynctl.dynamo.TableDetails;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The file a table is exported to before a deploy deletes it: {@code DIR/TABLE-TIMESTAMP.jsonl.gz}
 * (plain JSON, one item a line, gzipped) with its manifest beside it, as {@code table export}
 * writes them, so {@code dynctl table import NEW --from FILE --create} brings the table back.
 */
final class TableBackup {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String SUFFIX = ".jsonl.gz";

    private final Path directory;

    /** @param directory the folder the files go into (.dynctl/backups/STAGE by default, or --backup-dir DIR) */
    TableBackup(Path directory) {
        this.directory = directory;
    }

    /**
     * Exports the whole table; a failure deletes the part written and fails (the table is then
     * not deleted).
     *
     * @return the file and how many items it holds
     */
    Written write(DynamoDbClient client, TableDetails table) {
        String name = table.table().tableName();
        Path file = directory.resolve(name + "-" + STAMP.format(Instant.now()) + SUFFIX);
        TableExport.Request request = new TableExport.Request(name, BulkFormat.JSONL, true, null, null, List.of(), null);
        try {
            Files.createDirectories(directory);
            TableExport.Result result;
            try (OutputStream out = Files.newOutputStream(file)) {
                result = new TableExport(client).run(request, table, out, new TableExport.Progress() {
                    @Override
                    public void started(long expectedItems, int segments) {
                    }

                    @Override
                    public void exported(long items) {
                    }
                });
            }
            ExportManifest.write(ExportManifest.beside(file), ExportManifest.of(file, request, table, result));
            return new Written(file, result.items());
        } catch (IOException e) {
            deletePartial(file);
            throw new DynctlException(ExitCode.FAILURE, "Cannot back up table " + name + " to " + file + ": " + e.getMessage()
                    + "; the table was not deleted.", "Free space or choose another --backup-dir, then run the deploy again.", e);
        } catch (RuntimeException e) {
            // a half-written file must never pass for a backup
            deletePartial(file);
            throw e;
        }
    }

    /** A backup made: the file and the items in it. */
    record Written(Path file, long items) {
    }

    private static void deletePartial(Path file) {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(ExportManifest.beside(file));
        } catch (IOException e) {
            // the export's own failure is the one to report
        }
    }
}
