package dev.dynctl.cli.backup;

import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.dynamo.BackupDescriptions;
import dev.dynctl.dynamo.BackupService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.dynamodb.model.BackupDescription;
import software.amazon.awssdk.services.dynamodb.model.BackupDetails;

@Command(name = "delete", mixinStandardHelpOptions = true,
        description = "Delete a backup. Asks you to type the backup's name unless --yes; "
                + "with --no-input and no --yes it refuses.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl backup delete before-migration     # asks you to type its name",
            "  dynctl backup create orders --name nightly",
            "  dynctl backup delete nightly --yes"})
public final class BackupDeleteCommand extends DynctlCommand {
    @Parameters(index = "0", paramLabel = "BACKUP", description = "The backup: its ARN, or its name when that is unique.")
    String backup;

    @Override
    protected void run(Context context) {
        BackupService backups = BackupCommand.service(context);
        String arn = backups.arn(backup);
        BackupDescription found = backups.describe(arn);
        BackupDetails details = found.backupDetails();
        String table = found.sourceTableDetails() == null ? "?" : found.sourceTableDetails().tableName();
        context.confirm("Delete backup '" + details.backupName() + "' of table '" + table + "' (" + details.backupCreationDateTime()
                + ") in " + context.clients().where() + "? This cannot be undone.",
                "deleting backup '" + details.backupName() + "'", details.backupName());
        BackupDescription deleted = backups.delete(arn);
        context.err().println("Deleted backup '" + details.backupName() + "'.");
        context.output().document(BackupDescriptions.document(deleted));
    }
}
