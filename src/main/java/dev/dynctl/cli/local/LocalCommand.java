package dev.dynctl.cli.local;

import dev.dynctl.cli.GroupCommand;
import picocli.CommandLine.Command;

@Command(name = "local", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND", commandListHeading = "%nCommands:%n",
        description = {"Run the local DynamoDB engine (moto server) in the background.",
            "Each command prints one line on stderr and the engine's status on stdout."},
        subcommands = {LocalStartCommand.class, LocalStopCommand.class, LocalStatusCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl local start",
            "  dynctl --local table list        # starts the engine if nothing listens on its port",
            "  dynctl local status -o json",
            "  dynctl local stop",
            "",
            "Environment: DYNCTL_LOCAL_PORT (default 8000), DYNCTL_LOCAL_HOME (default",
            "$XDG_DATA_HOME/dynctl/local or ~/.local/share/dynctl/local), DYNCTL_PYTHON (default python3)."})
public final class LocalCommand extends GroupCommand {
}
