package dev.dynctl.cli.api;

import dev.dynctl.api.ApiLocator;
import dev.dynctl.cli.Context;
import dev.dynctl.cli.GroupCommand;
import picocli.CommandLine.Command;

@Command(name = "api", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND", commandListHeading = "%nCommands:%n",
        description = "Create and operate API Gateway APIs (REST, HTTP, WebSocket): routes to Lambda functions or SNS, stages, deployments, calls and metrics.",
        subcommands = {ApiRoutesCommand.class, ApiRouteCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl api create shop --type http",
            "  dynctl api route add shop 'GET /items/{id}' --function get-item",
            "  dynctl api deploy shop --stage prod",
            "  dynctl api call shop 'GET /items/42' --stage prod"})
public final class ApiCommand extends GroupCommand {
    /** Finds the API a command names, by name or id, on the run's clients. */
    static ApiLocator locator(Context context) {
        return new ApiLocator(context.clients().apiGateway(), context.clients().apiGatewayV2(), context.clients().where());
    }
}
