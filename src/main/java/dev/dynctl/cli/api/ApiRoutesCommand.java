package dev.dynctl.cli.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.api.ApiRef;
import dev.dynctl.api.RouteInfo;
import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.codec.Json;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "routes", mixinStandardHelpOptions = true,
        description = "List an API's routes: method, path (or WebSocket route key), target (function, sns:topic "
                + "or integration type) and auth.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl api routes shop",
            "  dynctl api routes chat                # $connect, $default, sendMessage…",
            "  dynctl api routes shop -o json --query \"[?auth=='none'].path\""})
public final class ApiRoutesCommand extends DynctlCommand {
    @Parameters(index = "0", paramLabel = "API", description = "The API, by name or id.")
    String api;

    @Override
    protected void run(Context context) {
        ApiRef ref = ApiCommand.locator(context).find(api);
        List<ObjectNode> rows = ApiRouteCommand.service(context).list(ref).stream()
                .sorted(Comparator.comparing((RouteInfo r) -> r.key().path() == null ? r.key().text() : r.key().path())
                        .thenComparing(r -> String.valueOf(r.key().method())))
                .map(ApiRoutesCommand::row)
                .toList();
        context.output().rows(rows, List.of("method", "path"));
    }

    static ObjectNode row(RouteInfo route) {
        ObjectNode row = Json.MAPPER.createObjectNode();
        // WebSocket routes and $default have no method: empty, as for any text an API document lacks
        row.put("method", route.key().method() == null ? "" : route.key().method());
        row.put("path", route.key().hasPath() ? route.key().path() : route.key().text());
        row.put("target", route.target());
        row.put("auth", route.auth());
        return row;
    }
}
