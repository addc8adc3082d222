package dev.dynctl.cli.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.api.ApiRef;
import dev.dynctl.api.RouteInfo;
import dev.dynctl.api.RouteKey;
import dev.dynctl.api.RouteService;
import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "delete", mixinStandardHelpOptions = true,
        description = "Delete a route: the method (REST; and the resources it leaves empty) or the route (HTTP, "
                + "WebSocket; and its integration when no other route uses it), and the function's permission for it. "
                + "Asks you to type the route unless --yes.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl api route delete shop 'GET /items/{id}'",
            "  dynctl api route delete chat sendMessage --yes"})
public final class ApiRouteDeleteCommand extends DynctlCommand {
    @Parameters(index = "0", paramLabel = "API", description = "The API, by name or id.")
    String api;

    @Parameters(index = "1", paramLabel = "ROUTE", description = "The route, as 'api routes' shows it: 'GET /items/{id}', '$connect'…")
    String route;

    @Override
    protected void run(Context context) {
        RouteKey key = RouteKey.parse(route);
        ApiRef ref = ApiCommand.locator(context).find(api);
        RouteService routes = ApiRouteCommand.service(context);
        RouteInfo found = routes.find(ref, key);
        context.confirm("Delete route '" + key + "' (→ " + found.target() + ") of API '" + ref.name() + "' in "
                + context.clients().where() + "?", "deleting route '" + key + "'", key.text());
        List<String> actions = routes.delete(ref, found);
        context.err().println("Deleted route '" + key + "' of API '" + ref.name() + "'.");
        ObjectNode document = ApiRoutesCommand.row(found);
        document.put("api", ref.id());
        document.put("outcome", "deleted");
        actions.forEach(document.putArray("actions")::add);
        context.output().document(document);
    }
}
