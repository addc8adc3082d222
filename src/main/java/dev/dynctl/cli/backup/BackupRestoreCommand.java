package dev.dynctl.cli.backup;

import dev.dynctl.bulk.ExportManifest;
import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.cli.MomentConverter;
import dev.dynctl.cli.WritesFiles;
import dev.dynctl.cli.table.TableImportCommand;
import dev.dynctl.dynamo.BackupService;
import dev.dynctl.dynamo.TableDescriptions;
import dev.dynctl.dynamo.TableDetails;
import dev.dynctl.dynamo.TableService;
import dev.dynctl.error.DynctlException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Restore a backup, or a table as it was at a moment (point-in-time recovery), into a new "
                + "table. Never overwrites: a table named by --to must not exist.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl backup restore before-migration --to orders-restored --wait",
            "  dynctl backup restore --table orders --to-time latest --to orders-now",
            "  dynctl backup restore --table orders --to-time '2h ago' --to orders-2h",
            "  dynctl backup restore --table orders --to-time 2024-05-01T10:15:00Z \\",
            "      --to orders-may",
            "  dynctl backup restore --from-file orders.ddb.jsonl.gz --to orders-copy"})
public final class BackupRestoreCommand extends DynctlCommand implements WritesFiles {
    @Parameters(index = "0", arity = "0..1", paramLabel = "BACKUP",
            description = "The backup: its ARN, or its name when that is unique. Not with --table.")
    String backup;

    @Option(names = "--to", required = true, paramLabel = "NEW", description = "The new table to restore into.")
    String target;

    @Option(names = "--table", paramLabel = "TABLE", description = "Restore this table as it was at --to-time (point-in-time recovery).")
    String table;

    @Option(names = "--to-time", paramLabel = "TIME",
            description = "With --table: latest, 2024-05-01T10:15:00Z, or a time back from now such as '10m ago'.")
    String time;

    @Option(names = "--wait", description = "Wait until the new table is ACTIVE (at most 10m).")
    boolean wait;

    @Option(names = "--from-file", paramLabel = "FILE",
            description = "Restore a file backup ('backup create --to-file'): create --to from FILE.manifest.json and fill it.")
    String file;

    @Option(names = "--resume", description = "With --from-file: continue a file restore that was interrupted, from its checkpoint.")
    boolean resume;

    /** A file restore: the import's checkpoint beside the file backup. */
    @Override
    public boolean writesFiles() {
        return file != null;
    }

    @Override
    protected void run(Context context) throws InterruptedException {
        BackupService backups = BackupCommand.service(context);
        if (file != null) {
            if (backup != null || table != null || time != null || wait) {
                throw DynctlException.usage("--from-file restores a file backup; name no BACKUP, --table, --to-time or --wait "
                        + "with it (it waits for the table itself).");
            }
            if (!Files.exists(ExportManifest.beside(Path.of(file)))) {
                throw DynctlException.usage("No " + ExportManifest.beside(Path.of(file)).getFileName() + " beside " + file
                        + ": a file backup is the items and that manifest.", "Make one with 'dynctl backup create TABLE --to-file "
                        + file + "', or load plain items with 'dynctl table import'.");
            }
            ExportManifest.verify(Path.of(file));
            if (!resume) {
                backups.requireNewTable(target);
            }
            TableImportCommand.intoNewTable(context, target, file, resume);
            return;
        }
        if (resume) {
            throw DynctlException.usage("--resume continues a file restore (--from-file); a native restore runs in DynamoDB.");
        }
        Duration limit = wait ? TableService.DEFAULT_TIMEOUT : null;
        TableDescription restored;
        if (table != null) {
            if (backup != null) {
                throw DynctlException.usage("Name a BACKUP or --table with --to-time, not both.");
            }
            if (time == null) {
                throw DynctlException.usage("--table needs --to-time: latest, an ISO-8601 time, or e.g. '10m ago'.");
            }
            Instant moment = time.trim().equalsIgnoreCase("latest") ? null : moment(time);
            restored = backups.restoreToPointInTime(table, moment, target, limit);
            context.err().println((wait ? "Restored" : "Restoring") + " table '" + table + "' as of "
                    + (moment == null ? "the latest restorable time" : moment) + " into '" + target + "'" + (wait ? "." : "…"));
        } else {
            if (backup == null) {
                throw DynctlException.usage("Name the BACKUP to restore, or pass --table and --to-time for point-in-time recovery.");
            }
            if (time != null) {
                throw DynctlException.usage("--to-time restores a table (--table), not a backup.");
            }
            restored = backups.restore(backups.arn(backup), target, limit);
            context.err().println((wait ? "Restored" : "Restoring") + " backup '" + backup + "' into table '" + target + "'"
                    + (wait ? "." : "…"));
        }
        context.output().document(TableDescriptions.document(TableDetails.of(restored)));
    }

    private static Instant moment(String text) {
        try {
            return new MomentConverter().convert(text);
        } catch (picocli.CommandLine.TypeConversionException e) {
            throw DynctlException.usage("--to-time " + e.getMessage());
        }
    }
}
