package dev.dynctl.cli.tail;

import dev.dynctl.cli.GroupCommand;
import picocli.CommandLine.Command;

@Command(name = "tail", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND", commandListHeading = "%nCommands:%n",
        description = "Follow a function's logs (CloudWatch Logs) or a table's changes (DynamoDB Streams).",
        subcommands = {TailLogsCommand.class, TailTableCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl tail logs get-item --follow",
            "  dynctl tail logs /aws/lambda/get-item --since 1h --filter ERROR",
            "  dynctl tail table orders --follow",
            "  dynctl tail table orders --from trim-horizon --checkpoint orders.tail \\",
            "      --max 100 --format json"})
public final class TailCommand extends GroupCommand {
}
