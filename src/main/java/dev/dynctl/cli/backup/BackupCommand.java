package dev.dynctl.cli.backup;

import dev.dynctl.cli.Context;
import dev.dynctl.cli.GroupCommand;
import dev.dynctl.dynamo.BackupService;
import picocli.CommandLine.Command;

@Command(name = "backup", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND", commandListHeading = "%nCommands:%n",
        description = "Backups: native DynamoDB backups, point-in-time recovery, and file backups (--to-file) that go anywhere.",
        subcommands = {BackupCreateCommand.class, BackupListCommand.class, BackupDescribeCommand.class,
            BackupRestoreCommand.class, BackupDeleteCommand.class, BackupPitrCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl backup create orders --wait",
            "  dynctl backup list orders",
            "  dynctl backup restore orders-20240501-101500 --to orders-copy --wait",
            "  dynctl backup pitr orders on",
            "  dynctl backup restore --table orders --to-time '2h ago' --to orders-2h",
            "  dynctl backup delete orders-20240501-101500 --yes"})
public final class BackupCommand extends GroupCommand {
    /** The service every backup command works through, on the run's client and target. */
    static BackupService service(Context context) {
        return new BackupService(context.clients().dynamo(), context.clients().where());
    }
}
