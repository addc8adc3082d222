package dev.dynctl.cli.api;

import dev.dynctl.api.RouteService;
import dev.dynctl.aws.Clients;
import dev.dynctl.cli.Context;
import dev.dynctl.cli.GroupCommand;
import dev.dynctl.functions.FunctionService;
import picocli.CommandLine.Command;

@Command(name = "route", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND", commandListHeading = "%nCommands:%n",
        description = "Add or delete one route of an API: a Lambda proxy integration (or SNS Publish for REST APIs), "
                + "its auth, and the permission that lets API Gateway invoke the function for that route only.",
        subcommands = {ApiRouteAddCommand.class, ApiRouteDeleteCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl api route add shop 'GET /items/{id}' --function get-item",
            "  dynctl api route add chat '$connect' --function connect --auth iam",
            "  dynctl api route delete shop 'GET /items/{id}' --yes"})
public final class ApiRouteCommand extends GroupCommand {
    /** The routes service on the run's clients. */
    static RouteService service(Context context) {
        Clients clients = context.clients();
        return new RouteService(clients.apiGateway(), clients.apiGatewayV2(), clients.lambda(), clients.iam(), new FunctionService(clients),
                clients.region().id(), () -> clients.sts().getCallerIdentity().account());
    }
}
