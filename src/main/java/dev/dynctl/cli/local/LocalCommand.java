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
            "  dynctl --local table list     # starts the engine if nothing listens",
            "  dynctl local status -o json",
            "  dynctl local stop",
            "",
            "Environment:",
            "  DYNCTL_LOCAL_PORT  port of the engine (default 8000); when set, --local",
            "                     fails rather than use an engine on another port",
            "  DYNCTL_LOCAL_HOME  engine folder (default $XDG_DATA_HOME/dynctl/local",
            "                     or ~/.local/share/dynctl/local)",
            "  DYNCTL_PYTHON      the Python with moto (default python3 on PATH)"})
public final class LocalCommand extends GroupCommand {
}
