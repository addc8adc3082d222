package dev.dynctl.cli.backup;

import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.cli.WritesFiles;
import dev.dynctl.cli.table.TableExportCommand;
import dev.dynctl.dynamo.BackupDescriptions;
import dev.dynctl.dynamo.BackupService;
import dev.dynctl.dynamo.TableService;
import dev.dynctl.error.DynctlException;
import java.io.IOException;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.dynamodb.model.BackupDetails;

@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Take an on-demand backup of a table (CreateBackup). The backup keeps the items, keys, "
                + "indexes and billing mode, and stays until it is deleted. With --to-file, a file backup instead: "
                + "the items and the full table definition, portable to any account, region or the local engine.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl backup create orders       # named orders-yyyyMMdd-HHmmss (UTC)",
            "  dynctl backup create orders --name before-migration --wait",
            "  dynctl backup create orders -o json --query arn",
            "  dynctl backup create orders --to-file orders.ddb.jsonl.gz"})
public final class BackupCreateCommand extends DynctlCommand implements WritesFiles {
    @Parameters(index = "0", paramLabel = "TABLE", description = "The table to back up.")
    String table;

    @Option(names = "--name", paramLabel = "NAME",
            description = "The backup's name (letters, digits, _ - .); default: TABLE-yyyyMMdd-HHmmss in UTC.")
    String name;

    @Option(names = "--wait", description = "Wait until the backup is AVAILABLE (at most 10m).")
    boolean wait;

    @Option(names = "--to-file", paramLabel = "FILE",
            description = "Back up to a file instead: the items (format from the name, e.g. orders.ddb.jsonl.gz) and "
                    + "FILE.manifest.json with the table's definition; restore with 'backup restore --from-file'.")
    String file;

    /** A file backup: the items and the manifest, an earlier backup's replaced. */
    @Override
    public boolean writesFiles() {
        return file != null;
    }

    @Override
    protected void run(Context context) throws InterruptedException, IOException {
        if (file != null) {
            if (name != null || wait) {
                throw DynctlException.usage("--to-file writes a file backup; --name and --wait are for native backups.");
            }
            if (file.equals("-")) {
                throw DynctlException.usage("A file backup needs a file: its manifest is written beside it.",
                        "To stream the items, use 'dynctl table export " + table + " --to -'.");
            }
            TableExportCommand.wholeTable(context, table, file);
            return;
        }
        String backupName = name != null ? name : BackupService.defaultName(table, Instant.now());
        BackupDetails backup = BackupCommand.service(context).create(table, backupName, wait ? TableService.DEFAULT_TIMEOUT : null);
        context.err().println("Backup '" + backup.backupName() + "' of table '" + table + "' is " + backup.backupStatusAsString() + ".");
        context.output().document(BackupDescriptions.details(backup, table));
    }
}
