package dev.dynctl.cli.table;

import dev.dynctl.cli.Context;
import dev.dynctl.cli.GroupCommand;
import dev.dynctl.dynamo.TableService;
import picocli.CommandLine.Command;

@Command(name = "table", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND", commandListHeading = "%nCommands:%n",
        description = "Create, inspect, change and delete tables.",
        subcommands = {TableListCommand.class, TableDescribeCommand.class, TableCreateCommand.class, TableUpdateCommand.class, TableDeleteCommand.class, TableWaitCommand.class,
            TableExportCommand.class, TableImportCommand.class, TableCopyCommand.class, TableTruncateCommand.class,
            TableReplicasCommand.class, TableAutoscaleCommand.class, TableMetricsCommand.class, TableHealthCommand.class,
            TableInsightsCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl table list -l",
            "  dynctl table create orders --pk customer:S --sk created:N --wait",
            "  dynctl table describe orders",
            "  dynctl table update orders --ttl expires --pitr",
            "  dynctl table delete orders --yes"})
public final class TableCommand extends GroupCommand {
    /** The service every table command works through, on the run's client and target. */
    static TableService service(Context context) {
        return new TableService(context.clients().dynamo(), context.clients().autoScaling(), context.clients().where());
    }
}
