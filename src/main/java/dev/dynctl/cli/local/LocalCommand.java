package dev.dynctl.cli.local;

import dev.dynctl.cli.GroupCommand;
import picocli.CommandLine.Command;

@Command(name = "local", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        description = "Run the local DynamoDB engine.",
        subcommands = {LocalStartCommand.class, LocalStopCommand.class, LocalStatusCommand.class})
public final class LocalCommand extends GroupCommand {
}
