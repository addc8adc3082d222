package dev.dynctl.cli.api;

import dev.dynctl.api.ApiCatalog;
import dev.dynctl.api.ApiExport;
import dev.dynctl.api.ApiLocator;
import dev.dynctl.api.ApiStages;
import dev.dynctl.cli.Context;
import dev.dynctl.cli.GroupCommand;
import picocli.CommandLine.Command;

@Command(name = "api", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND", commandListHeading = "%nCommands:%n",
        description = "Create and operate API Gateway APIs (REST, HTTP, WebSocket): routes to Lambda functions or SNS, stages, deployments, calls and metrics.",
        subcommands = {ApiListCommand.class, ApiDescribeCommand.class, ApiCreateCommand.class, ApiDeleteCommand.class,
            ApiExportCommand.class, ApiRoutesCommand.class, ApiRouteCommand.class, ApiStageCommand.class, ApiDeployCommand.class,
            ApiCallCommand.class, ApiMetricsCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl api list",
            "  dynctl api create shop --type http",
            "  dynctl api create pets --type rest --from openapi.yaml",
            "  dynctl api route add shop 'GET /items/{id}' --function get-item",
            "  dynctl api deploy shop --stage prod",
            "  dynctl api stage create shop beta --var table=orders-beta",
            "  dynctl api export shop --stage prod --to shop.yaml",
            "  dynctl api call shop 'GET /items/42' --stage prod"})
public final class ApiCommand extends GroupCommand {
    /** Finds the API a command names, by name or id, on the run's clients. */
    static ApiLocator locator(Context context) {
        return new ApiLocator(context.clients().apiGateway(), context.clients().apiGatewayV2(), context.clients().where());
    }

    /** The region's APIs: list, describe, create, delete. */
    static ApiCatalog catalog(Context context) {
        return new ApiCatalog(context.clients().apiGateway(), context.clients().apiGatewayV2(), locator(context),
                context.clients().region().id());
    }

    /** Stages and deployments. */
    static ApiStages stages(Context context) {
        return new ApiStages(context.clients().apiGateway(), context.clients().apiGatewayV2(), context.clients().region().id());
    }

    /** OpenAPI exports. */
    static ApiExport export(Context context) {
        return new ApiExport(context.clients().apiGateway(), context.clients().apiGatewayV2(), stages(context));
    }
}
