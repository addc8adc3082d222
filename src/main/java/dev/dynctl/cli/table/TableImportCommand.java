package dev.dynctl.cli.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.aws.AwsErrors;
import dev.dynctl.aws.Clients;
import dev.dynctl.bulk.BulkFormat;
import dev.dynctl.bulk.Checkpoint;
import dev.dynctl.bulk.DestinationTable;
import dev.dynctl.bulk.ExportManifest;
import dev.dynctl.bulk.TableFromDescription;
import dev.dynctl.bulk.CheckpointFile;
import dev.dynctl.bulk.ImportInput;
import dev.dynctl.bulk.ImportJob;
import dev.dynctl.bulk.ImportReport;
import dev.dynctl.bulk.ItemSource;
import dev.dynctl.bulk.ItemSources;
import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.cli.WritesFiles;
import dev.dynctl.cli.Interruption;
import dev.dynctl.codec.Json;
import dev.dynctl.dynamo.ItemCount;
import dev.dynctl.dynamo.KeySchema;
import dev.dynctl.dynamo.KeySchemas;
import dev.dynctl.dynamo.TableBilling;
import dev.dynctl.dynamo.TableDefinition;
import dev.dynctl.dynamo.TableKeyAttribute;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.core.exception.SdkException;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Write the items of a file, standard input or an AWS export folder into a table, "
                + "with concurrent 25-item batches. Items are written as they are (a restore path: "
                + "no schema from dynctl.yaml is applied). An interrupted import (Ctrl-C, a crash) "
                + "continues with --resume from its checkpoint.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl table import users --from users.ddb.jsonl.gz",
            "  dynctl table import users --from users.csv --concurrency 16",
            "  dynctl table import users --from export/ --rate-limit 500",
            "  dynctl table import users2 --from users.ddb.jsonl.gz --create",
            "  dynctl table import users --from export/ --create --pk id:S",
            "  dynctl table import users --from users.ddb.jsonl.gz --resume",
            "  gunzip -c users.ddb.jsonl.gz | \\",
            "      dynctl table import users --from - --checkpoint users.ckpt",
            "",
            "Formats: ddb-jsonl, jsonl, json, csv (from the name unless --format;",
            "gzip is recognised by its content), or an AWS export folder",
            "(manifest-summary.json + data/*.json.gz).",
            "The checkpoint is FILE.import-checkpoint.json beside the input (or",
            "--checkpoint F); it is deleted when the import completes. Items written",
            "after the checkpoint's mark are written again on resume: the same put twice",
            "leaves one item."})
public final class TableImportCommand extends DynctlCommand implements WritesFiles {
    private static final String DEFAULT_CONCURRENCY = "8";

    @Parameters(index = "0", paramLabel = "TABLE", description = "The table to write to.")
    String table;

    @Option(names = "--from", required = true, paramLabel = "FILE|-",
            description = "The file, AWS export folder, or - for standard input.")
    String from;

    @Option(names = "--format", paramLabel = "FORMAT", converter = FormatConverter.class,
            description = "ddb-jsonl, jsonl, json or csv (default: from the file name; ddb-jsonl for -).")
    BulkFormat format;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = DEFAULT_CONCURRENCY,
            description = "Batches in flight at once (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--rate-limit", paramLabel = "WCU",
            description = "Write at most this many capacity units a second (1 per KB of each item).")
    double rateLimit;

    @Option(names = "--create", description = "Create the table first, as FILE.manifest.json describes it (or on-demand "
            + "with --pk/--sk when there is no manifest); an existing one with the same keys is used.")
    boolean create;

    @Option(names = "--pk", paramLabel = "ATTR:TYPE", description = "Partition key of the table --create makes when the input has no manifest, e.g. id:S.")
    String partitionKey;

    @Option(names = "--sk", paramLabel = "ATTR:TYPE", description = "Sort key of the table --create makes when the input has no manifest.")
    String sortKey;

    @Option(names = "--resume", description = "Continue an interrupted import from its checkpoint.")
    boolean resume;

    @Option(names = "--restart", description = "Start over, discarding an earlier import's checkpoint.")
    boolean restart;

    @Option(names = "--checkpoint", paramLabel = "FILE",
            description = "Keep the checkpoint here (default: beside the input; needed to resume from -).")
    Path checkpoint;

    /**
     * A new table made from {@code file}'s manifest and filled from the file, with every default: a
     * file backup's restore ({@code resume}: continue one that was interrupted).
     */
    public static void intoNewTable(Context context, String table, String file, boolean resume) throws InterruptedException {
        TableImportCommand restore = new TableImportCommand();
        restore.table = table;
        restore.from = file;
        restore.create = true;
        restore.resume = resume;
        restore.concurrency = Integer.parseInt(DEFAULT_CONCURRENCY);
        restore.run(context);
    }

    /** The checkpoint, saved before the first write: beside the input, or where --checkpoint says. */
    @Override
    public boolean writesFiles() {
        return checkpoint != null || !from.equals(ItemSources.STDIO);
    }

    @Override
    protected void run(Context context) throws InterruptedException {
        checkOptions();
        boolean stdin = from.equals(ItemSources.STDIO);
        CheckpointFile checkpointFile = checkpoint != null ? new CheckpointFile(checkpoint)
                : stdin ? null : CheckpointFile.besides(Path.of(from));
        if (resume && checkpointFile == null) {
            throw DynctlException.usage("--resume needs --checkpoint when the items come from standard input.",
                    "Pass the --checkpoint FILE the interrupted import used.");
        }
        Clients clients = context.clients();
        try (ItemSource source = ItemSources.open(from, format, context.in())) {
            ImportInput input = stdin ? ImportInput.STDIN : ImportInput.of(Path.of(from));
            if (create) {
                createTable(context, stdin ? null : ExportManifest.beside(Path.of(from)));
            }
            KeySchema keys = KeySchemas.lookup(clients, table).apply(schema -> schema);
            Checkpoint start = startingPoint(checkpointFile, new Checkpoint(input, table, clients.where(), 0, 0));
            ImportJob job = new ImportJob(new ImportJob.Settings(keys, concurrency, rateLimit), clients.dynamo()::batchWriteItem,
                    checkpointFile, start);
            ImportReport report;
            try (Interruption interrupt = context.onInterrupt(job::stop)) {
                report = job.run(source, progress(context));
                endProgress(context);
                if (interrupt.received()) {
                    throw interrupted(report, checkpointFile);
                }
            } catch (SdkException e) {
                endProgress(context);
                DynctlException translated = AwsErrors.translate(e, clients.where());
                throw new DynctlException(translated.exitCode(), translated.getMessage(), resumeHint(translated.hint(), checkpointFile), e);
            } catch (DynctlException e) {
                endProgress(context);
                if (e.exitCode() == ExitCode.INTERRUPTED) {
                    throw e;
                }
                throw new DynctlException(e.exitCode(), e.getMessage(), resumeHint(e.hint(), checkpointFile), e);
            }
            context.output().document(document(table, report));
        }
    }

    private void checkOptions() {
        if (resume && restart) {
            throw DynctlException.usage("--resume and --restart contradict each other; pass one of them.");
        }
        if (!create && (partitionKey != null || sortKey != null)) {
            throw DynctlException.usage("--pk and --sk describe the table --create makes; add --create, or drop them.");
        }
    }

    /** The table from the export's manifest when there is one, else on-demand with --pk/--sk; waited for until ACTIVE. */
    private void createTable(Context context, Path manifest) throws InterruptedException {
        boolean described = manifest != null && Files.isRegularFile(manifest);
        if (described && (partitionKey != null || sortKey != null)) {
            throw DynctlException.usage("--pk/--sk and the manifest " + manifest + " both give the keys; pass one of them.",
                    "Drop --pk/--sk to create the table the export describes.");
        }
        if (!described && partitionKey == null) {
            throw DynctlException.usage("--create needs the table's keys: there is no manifest beside the input"
                            + (manifest == null ? "" : " (" + manifest.getFileName() + ")") + ".",
                    "Pass --pk ATTR:TYPE, and --sk ATTR:TYPE if it has a sort key.");
        }
        TableDefinition definition = described
                ? TableFromDescription.definition(manifestTable(manifest), table, manifest.getFileName().toString())
                : new TableDefinition(table, TableKeyAttribute.parse("--pk", partitionKey),
                        sortKey == null ? null : TableKeyAttribute.parse("--sk", sortKey), List.of(), List.of(),
                        TableBilling.ON_DEMAND, null, Map.of(), false, null, false);
        Clients clients = context.clients();
        new DestinationTable(clients.dynamo(), clients.where()).ensure(definition);
    }

    private static JsonNode manifestTable(Path manifest) {
        JsonNode described = ExportManifest.read(manifest).get("table");
        if (described == null || !described.isObject()) {
            throw DynctlException.usage("The manifest " + manifest + " has no table definition.",
                    "Pass --pk/--sk instead, or create the table yourself.");
        }
        return described;
    }

    /** Where the import starts: the checkpoint's mark with --resume, else the first item. */
    private Checkpoint startingPoint(CheckpointFile file, Checkpoint fresh) {
        if (file == null) {
            return fresh;
        }
        if (!file.exists()) {
            if (resume) {
                throw DynctlException.usage("No checkpoint at " + file.path() + ": there is no import to resume.",
                        "Run the import without --resume.");
            }
            return fresh;
        }
        if (restart) {
            file.delete();
            return fresh;
        }
        Checkpoint saved = file.read();
        if (!resume) {
            throw DynctlException.usage("An earlier import of " + from + " left a checkpoint: " + file.path() + " ("
                            + ItemCount.was(saved.written()) + " written).",
                    "Pass --resume to continue it, or --restart to start over.");
        }
        String mismatch = saved.mismatch(fresh.input(), fresh.table(), fresh.target());
        if (mismatch != null) {
            throw DynctlException.usage("The checkpoint " + file.path() + " is not this import's: " + mismatch + ".",
                    "Pass --restart to start over, or --checkpoint with the right file.");
        }
        return saved;
    }

    private DynctlException interrupted(ImportReport report, CheckpointFile file) {
        String done = "Interrupted after writing " + ItemCount.of(report.written()) + " to " + table + ".";
        if (file == null) {
            return new DynctlException(ExitCode.INTERRUPTED, done, "Without --checkpoint an import of standard input cannot resume.");
        }
        return new DynctlException(ExitCode.INTERRUPTED, done + " Checkpoint: " + file.path() + ".",
                "Resume with --resume (the same command plus --resume).");
    }

    private static String resumeHint(String hint, CheckpointFile file) {
        if (file == null || !file.exists()) {
            return hint;
        }
        String resume = "The checkpoint " + file.path() + " is kept: fix the cause, then resume with --resume.";
        return hint == null ? resume : hint + " " + resume;
    }

    /** A line on the terminal, redrawn each second; nothing when a script reads the output. */
    static Consumer<ImportReport> progress(Context context) {
        if (!context.stderrIsTerminal()) {
            return null;
        }
        PrintWriter err = context.err();
        return report -> {
            err.print(String.format("\r%,d items written, %,.0f items/s, %,d retries, %,d throttled   ",
                    report.written(), report.itemsPerSecond(), report.retries(), report.throttles()));
            err.flush();
        };
    }

    static void endProgress(Context context) {
        if (context.stderrIsTerminal()) {
            context.err().println();
        }
    }

    /** The final report: what was written, how many requests and retries it took, and how fast. */
    static ObjectNode document(String table, ImportReport report) {
        ObjectNode document = Json.MAPPER.createObjectNode();
        document.put("table", table);
        document.put("written", report.written());
        document.put("skipped", report.skipped());
        document.put("batches", report.batches());
        document.put("requests", report.requests());
        document.put("retries", report.retries());
        document.put("throttles", report.throttles());
        document.put("seconds", BigDecimal.valueOf(report.duration().toMillis()).movePointLeft(3));
        document.put("itemsPerSecond", BigDecimal.valueOf(report.itemsPerSecond()).setScale(0, RoundingMode.HALF_UP));
        return document;
    }

    /** --format ddb-jsonl|jsonl|json|csv; an unknown name is a usage error that lists them. */
    static final class FormatConverter implements ITypeConverter<BulkFormat> {
        @Override
        public BulkFormat convert(String value) {
            return BulkFormat.of(value);
        }
    }
}
