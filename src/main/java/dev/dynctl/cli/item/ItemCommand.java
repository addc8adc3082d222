package dev.dynctl.cli.item;

import dev.dynctl.cli.GroupCommand;
import picocli.CommandLine.Command;

@Command(name = "item", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND", commandListHeading = "%nCommands:%n",
        description = {"Read and write items.",
            "",
            "Keys are given as --key name=value[,name=value], typed from the table's key schema. Items are "
                    + "plain JSON, DynamoDB JSON or YAML, as arguments, @files or on stdin."},
        subcommands = {ItemPutCommand.class, ItemGetCommand.class, ItemUpdateCommand.class, ItemDeleteCommand.class, ItemQueryCommand.class, ItemScanCommand.class,
            ItemBatchGetCommand.class, ItemBatchWriteCommand.class, ItemTransactCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl item put users '{\"id\": \"u1\", \"name\": \"Ada\"}'",
            "  dynctl item get users --key id=u1",
            "  dynctl item update users --key id=u1 --set status=active",
            "  dynctl item query orders --key customer=c9 --sk 'begins_with 2024-'",
            "  dynctl item scan users --segments 4 -o jsonl",
            "  dynctl item batch-write users writes.jsonl",
            "  dynctl item transact ops.yaml"})
public final class ItemCommand extends GroupCommand {
}
