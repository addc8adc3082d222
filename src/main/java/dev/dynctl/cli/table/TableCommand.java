package dev.dynctl.cli.table;

import dev.dynctl.cli.GroupCommand;
import picocli.CommandLine.Command;

@Command(name = "table", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        description = "Create, inspect, change and delete tables.",
        subcommands = {TableListCommand.class, TableDescribeCommand.class, TableCreateCommand.class, TableUpdateCommand.class, TableDeleteCommand.class, TableWaitCommand.class})
public final class TableCommand extends GroupCommand {
}
