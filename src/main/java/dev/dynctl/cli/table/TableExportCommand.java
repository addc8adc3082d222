package dev.dynctl.cli.table;

import dev.dynctl.aws.AwsErrors;
import dev.dynctl.bulk.BulkFormat;
import dev.dynctl.bulk.ExportManifest;
import dev.dynctl.bulk.ItemSources;
import dev.dynctl.bulk.TableExport;
import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.cli.WritesFiles;
import dev.dynctl.cli.Interruption;
import dev.dynctl.dynamo.ItemCount;
import dev.dynctl.dynamo.TableDetails;
import dev.dynctl.dynamo.expression.Condition;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.core.exception.SdkException;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write every item of a table to a file or standard output.",
            "",
            "Formats: ddb-jsonl (one {\"Item\": {...}} of DynamoDB JSON per line, as AWS's export to S3 writes), "
                    + "jsonl (plain JSON per line), json (one array) and csv (a header, a row per item). The file's "
                    + "name picks the format (.ddb.jsonl, .jsonl, .json, .csv) unless --format does; a name ending "
                    + "in .gz is gzipped. Standard output (-) gets ddb-jsonl unless --format says otherwise.",
            "",
            "The table is read by a parallel scan (one segment per 100,000 items or GiB, up to 16, unless "
                    + "--segments says); memory stays constant. Beside a file goes FILE.manifest.json: the table's "
                    + "definition, the format, item count, bytes and SHA-256. Ctrl-C stops the export and leaves a "
                    + "partial file without a manifest (exit 130): run it again. See docs/bulk.md."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl table export users --to users.ddb.jsonl.gz",
            "  dynctl table export users --to users.csv --attrs id,name,email",
            "  dynctl table export events --to events.jsonl --segments 8 --rate-limit 500",
            "  dynctl table export users --to - --format jsonl | jq .name",
            "  dynctl table export users --to active.json --filter \"status = 'active'\""})
public final class TableExportCommand extends DynctlCommand implements WritesFiles {
    @Parameters(index = "0", paramLabel = "TABLE", description = "The table.")
    String table;

    @Option(names = "--to", required = true, paramLabel = "FILE", description = "The file to write, or - for standard output.")
    String to;

    @Option(names = "--format", paramLabel = "FORMAT", converter = FormatConverter.class,
            description = "ddb-jsonl, jsonl, json or csv (default: from the file's name).")
    BulkFormat format;

    @Option(names = "--segments", paramLabel = "N",
            description = "Parallel scan segments (default: 1 per 100,000 items or GiB of the table, up to 16).")
    Integer segments;

    @Option(names = "--rate-limit", paramLabel = "RCU",
            description = "Read at most this many read capacity units per second (default: no limit).")
    Double rateLimit;

    @Option(names = "--attrs", split = ",", paramLabel = "ATTR",
            description = "Only these attributes (comma separated); for csv, the columns in this order.")
    List<String> attributes = new ArrayList<>();

    @Option(names = "--filter", paramLabel = "CONDITION",
            description = "Export only the items for which this holds, e.g. \"status = 'active'\".")
    String filter;

    /** The whole table to {@code file} with every default, and its manifest: a file backup. */
    public static void wholeTable(Context context, String table, String file) throws IOException {
        TableExportCommand export = new TableExportCommand();
        export.table = table;
        export.to = file;
        export.run(context);
    }

    /** The export and, beside it, its manifest (an earlier one deleted first); to standard output, none. */
    @Override
    public boolean writesFiles() {
        return !to.equals(ItemSources.STDIO);
    }

    @Override
    protected void run(Context context) throws IOException {
        boolean stdout = to.equals(ItemSources.STDIO);
        BulkFormat chosen = stdout && format == null ? BulkFormat.DDB_JSONL : BulkFormat.resolve(format, to, "--format");
        Condition condition = filter == null ? null : Condition.parse(filter, "--filter");
        TableExport.Request request = new TableExport.Request(table, chosen, !stdout && BulkFormat.gzipName(to), segments,
                rateLimit, attributes, condition);
        TableDetails details = TableCommand.service(context).describe(table);
        Path file = stdout ? null : Path.of(to);
        if (file != null) {
            // an earlier export's manifest must not vouch for a file this export may leave unfinished
            Files.deleteIfExists(ExportManifest.beside(file));
        }
        AtomicLong exported = new AtomicLong();
        // Ctrl-C stops the export below; this says the same when the process is ended otherwise (kill)
        Thread killed = new Thread(() -> context.err().println(System.lineSeparator() + partial(stdout, exported.get())
                + ". Run the export again for all of them."));
        Runtime.getRuntime().addShutdownHook(killed);
        TableExport export = new TableExport(context.clients().dynamo());
        TableExport.Result result;
        try (OutputStream out = stdout ? new WriterOutputStream(context.out()) : Files.newOutputStream(file);
             ExportProgressBar bar = context.stderrIsTerminal() ? new ExportProgressBar(table, context.err(), context.width()) : null;
             Interruption interrupt = context.onInterrupt(export::stop)) {
            result = export.run(request, details, out, new TableExport.Progress() {
                @Override
                public void started(long expectedItems, int segments) {
                    if (bar != null) {
                        bar.started(expectedItems, segments);
                    }
                }

                @Override
                public void exported(long items) {
                    exported.set(items);
                    if (bar != null) {
                        bar.exported(items);
                    }
                }
            });
        } catch (WriterOutputStream.OutputClosed closed) {
            // the reader took what it wanted (| head): stop quietly, as every command does on a closed pipe
            return;
        } catch (SdkException e) {
            throw incomplete(AwsErrors.translate(e, context.clients().where()), file, exported.get());
        } catch (DynctlException e) {
            throw incomplete(e, file, exported.get());
        } finally {
            stopWatching(killed);
        }
        if (result.stopped()) {
            throw new DynctlException(ExitCode.INTERRUPTED, partial(stdout, result.items()) + (file == null ? "." : " (no manifest)."),
                    "Run the export again for all of them.");
        }
        if (file != null) {
            ExportManifest.write(ExportManifest.beside(file), ExportManifest.of(file, request, details, result));
        }
        context.err().println("Exported " + ItemCount.of(result.items()) + " (" + size(result.bytes()) + ") from " + table
                + " to " + (stdout ? "standard output" : to) + " in " + seconds(Duration.between(result.started(), result.finished()))
                + (file == null ? "." : "; manifest in " + ExportManifest.beside(file).getFileName() + "."));
    }

    /** "Interrupted: users.jsonl holds the first 1200 items only." */
    private String partial(boolean stdout, long items) {
        return "Interrupted: " + (stdout ? "the output holds" : to + " holds") + " the first " + ItemCount.of(items) + " only";
    }

    /** The hook is no longer needed; once the JVM is shutting down it runs and cannot be removed. */
    private static void stopWatching(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is saying that the file is partial
        }
    }

    /** A failure part-way: the file holds the items before it, and running again is the remedy. */
    private DynctlException incomplete(DynctlException e, Path file, long items) {
        if (file == null || !Files.exists(file)) {
            return e;
        }
        String message = e.getMessage().matches("(?s).*[.!?]") ? e.getMessage() : e.getMessage() + ".";
        return new DynctlException(e.exitCode(), message + " " + to + " is incomplete (" + ItemCount.of(items) + " written).",
                e.hint() == null ? "Run the export again once the cause is fixed." : e.hint(), e);
    }

    private static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    /** --format's words: ddb-jsonl, jsonl, json, csv. */
    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<BulkFormat> {
        @Override
        public BulkFormat convert(String value) {
            try {
                return BulkFormat.of(value);
            } catch (DynctlException e) {
                throw new picocli.CommandLine.TypeConversionException("expected one of " + BulkFormat.labels() + ".");
            }
        }
    }
}
