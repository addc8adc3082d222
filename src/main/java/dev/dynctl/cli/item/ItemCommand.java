package dev.dynctl.cli.item;

import dev.dynctl.cli.GroupCommand;
import picocli.CommandLine.Command;

@Command(name = "item", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        description = "Read and write items.",
        subcommands = {ItemPutCommand.class, ItemGetCommand.class, ItemUpdateCommand.class, ItemDeleteCommand.class, ItemQueryCommand.class, ItemScanCommand.class})
public final class ItemCommand extends GroupCommand {
}
