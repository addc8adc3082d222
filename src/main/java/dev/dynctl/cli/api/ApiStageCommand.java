package dev.dynctl.cli.api;

import dev.dynctl.cli.GroupCommand;
import picocli.CommandLine.Command;

@Command(name = "stage", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND", commandListHeading = "%nCommands:%n",
        description = "List, create, change and delete an API's stages: each serves one deployment at its own URL, with its own variables.",
        subcommands = {ApiStageListCommand.class, ApiStageCreateCommand.class, ApiStageUpdateCommand.class, ApiStageDeleteCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl api stage list shop",
            "  dynctl api stage create shop beta --var table=orders-beta",
            "  dynctl api stage update shop beta --var log=debug --unset-var old",
            "  dynctl api stage delete shop beta"})
public final class ApiStageCommand extends GroupCommand {
}
