package dev.dynctl.cli.function;

import dev.dynctl.cli.GroupCommand;
import picocli.CommandLine.Command;

@Command(name = "function", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND", commandListHeading = "%nCommands:%n",
        description = "Deploy, inspect, invoke and delete Lambda functions.",
        subcommands = {FunctionListCommand.class, FunctionDescribeCommand.class, FunctionInvokeCommand.class,
            FunctionDeployCommand.class, FunctionDeleteCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl function deploy get-item --code src/ --runtime python3.12 \\",
            "      --handler app.handler",
            "  dynctl function invoke get-item --payload '{\"id\": \"42\"}' --logs",
            "  dynctl function list"})
public final class FunctionCommand extends GroupCommand {
}
