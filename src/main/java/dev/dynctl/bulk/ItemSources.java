package dev.dynctl.bulk;

import dev.dynctl.error.DynctlException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Opens what an import reads: a file in any {@link BulkFormat} (gzip or not), standard input
 * ({@code -}), or AWS's export folder.
 */
public final class ItemSources {
    /** The name that stands for standard input and output. */
    public static final String STDIO = "-";

    private ItemSources() {
    }

    /**
     * The items at {@code location}: "-" for {@code stdin}, a folder (or its manifest-summary.json)
     * for an AWS export, else a file.
     *
     * @param format null to go by the file's name; standard input is ddb-jsonl unless given
     */
    public static ItemSource open(String location, BulkFormat format, InputStream stdin) {
        if (location.equals(STDIO)) {
            return open(stdin, format == null ? BulkFormat.DDB_JSONL : format, "stdin");
        }
        Path path = Path.of(location);
        if (AwsExportSource.isExport(path)) {
            if (format != null && format != BulkFormat.DDB_JSONL) {
                throw DynctlException.usage(location + " is an AWS export (DynamoDB JSON), not " + format + ".", "Drop --format.");
            }
            return AwsExportSource.open(path);
        }
        if (Files.isDirectory(path)) {
            throw DynctlException.usage(location + " is a folder without " + AwsExportSource.SUMMARY + ".",
                    "Give a file, or the folder of an AWS export to S3.");
        }
        return file(path, BulkFormat.resolve(format, path.getFileName().toString(), "--format"), location);
    }

    static ItemSource file(Path path, BulkFormat format, String description) {
        InputStream in;
        try {
            in = Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw DynctlException.usage("No such file: " + path + ".");
        } catch (IOException e) {
            throw DynctlException.usage("Cannot read " + path + ": " + e.getMessage() + ".");
        }
        return open(in, format, description);
    }

    /** Items in {@code format} from a stream (gzip is recognised by its first bytes); closing the source closes it. */
    public static ItemSource open(InputStream raw, BulkFormat format, String description) {
        try {
            InputStream in = Decompression.open(raw);
            return switch (format) {
                case DDB_JSONL -> new JsonLinesSource(description, in, true);
                case JSONL -> new JsonLinesSource(description, in, false);
                case JSON -> new JsonArraySource(description, in);
                case CSV -> new CsvSource(description, in);
            };
        } catch (IOException e) {
            throw InputErrors.unreadable(description, 0, e);
        }
    }
}
