package dev.dynctl.cli.backup;

import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.dynamo.BackupDescriptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "describe", mixinStandardHelpOptions = true,
        description = "Show a backup: status, size, and the table it was taken of (keys, item count).",
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl backup describe before-migration",
            "  dynctl backup describe arn:aws:dynamodb:us-east-1:123456789012:\\",
            "      table/orders/backup/01714557300000-a1b2c3d4"})
public final class BackupDescribeCommand extends DynctlCommand {
    @Parameters(index = "0", paramLabel = "BACKUP", description = "The backup: its ARN, or its name when that is unique.")
    String backup;

    @Override
    protected void run(Context context) {
        context.output().document(BackupDescriptions.document(BackupCommand.service(context).describe(backup)));
    }
}
