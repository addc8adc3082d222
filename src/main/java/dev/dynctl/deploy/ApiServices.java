package dev.dynctl.deploy;

import dev.dynctl.api.ApiCatalog;
import dev.dynctl.api.ApiLocator;
import dev.dynctl.api.ApiStages;
import dev.dynctl.api.RouteService;
import dev.dynctl.aws.Clients;
import dev.dynctl.functions.FunctionService;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;

/** The api/ services a deploy's API steps work through, on the deploy's clients, account and region. */
record ApiServices(ApiGatewayClient v1, ApiGatewayV2Client v2, ApiLocator locator, ApiCatalog catalog, ApiStages stages,
                   RouteService routes) {
    static ApiServices of(DeployContext context) {
        Clients clients = context.clients();
        ApiGatewayClient v1 = clients.apiGateway();
        ApiGatewayV2Client v2 = clients.apiGatewayV2();
        ApiLocator locator = new ApiLocator(v1, v2, clients.where());
        return new ApiServices(v1, v2, locator, new ApiCatalog(v1, v2, locator, context.region()),
                new ApiStages(v1, v2, context.region()),
                new RouteService(v1, v2, clients.lambda(), clients.iam(), new FunctionService(clients), context.region(), context::account));
    }
}
