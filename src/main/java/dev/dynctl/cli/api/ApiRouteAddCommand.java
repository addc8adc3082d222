package dev.dynctl.cli.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.api.ApiRef;
import dev.dynctl.api.RouteAuth;
import dev.dynctl.api.RouteChange;
import dev.dynctl.api.RouteKey;
import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.cli.LabelConverter;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "add", mixinStandardHelpOptions = true,
        description = {"Add a route to an API, or bring an existing one to this target and auth. REST APIs get the "
                + "resources along the path, the method and its integration; HTTP and WebSocket APIs a route and a "
                + "Lambda proxy integration (shared by the function's routes). The function may be invoked by API "
                + "Gateway for this route only. Running it twice changes nothing the second time.",
                "REST routes may publish the request body to an SNS topic instead (--sns-topic), through a role "
                + "that may publish to that topic only. Changes reach callers with the next 'api deploy'."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  # shop: an HTTP API, orders: a REST API, chat: a WebSocket API",
            "  dynctl api route add shop 'GET /items/{id}' --function get-item",
            "  dynctl api route add shop 'ANY /{proxy+}' --function app --auth iam",
            "  dynctl api route add shop '$default' --function app",
            "  dynctl api route add shop 'POST /orders' --function order \\",
            "      --auth cognito --user-pool \"$POOL_ARN\" --client-id \"$APP_CLIENT_ID\"",
            "  dynctl api route add orders 'GET /orders/{id}' --function get-order \\",
            "      --auth cognito --user-pool \"$POOL_ARN\"    # REST: no --client-id",
            "  dynctl api route add orders 'POST /events' \\",
            "      --sns-topic arn:aws:sns:us-east-1:123456789012:events",
            "  dynctl api route add chat '$connect' --function on-connect --auth iam",
            "  dynctl api route add chat sendMessage --function send"})
public final class ApiRouteAddCommand extends DynctlCommand {
    @Parameters(index = "0", paramLabel = "API", description = "The API, by name or id.")
    String api;

    @Parameters(index = "1", paramLabel = "ROUTE",
            description = "'METHOD /path' (path parameters as {id}, {proxy+}), '$default', or for WebSocket APIs "
                    + "'$connect', '$disconnect' or an action name. Quote it.")
    String route;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--function", paramLabel = "F", description = "The Lambda function to call, by name or ARN.")
        String function;

        @Option(names = "--sns-topic", paramLabel = "ARN", description = "REST APIs: publish the request body to this SNS topic.")
        String snsTopic;
    }

    @Option(names = "--auth", paramLabel = "KIND", defaultValue = "none", converter = AuthLabels.class,
            completionCandidates = AuthLabels.class,
            description = "Who may call: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    RouteAuth.Kind auth;

    @Option(names = "--user-pool", paramLabel = "ARN", description = "The Cognito user pool for --auth cognito.")
    String userPool;

    @Option(names = {"--client-id", "--audience"}, paramLabel = "ID", split = ",",
            description = "App client ids whose tokens an HTTP API accepts (--auth cognito); repeat or separate with commas.")
    List<String> clientIds;

    static final class AuthLabels extends LabelConverter<RouteAuth.Kind> {
        AuthLabels() {
            super(RouteAuth.Kind.class);
        }
    }

    @Override
    protected void run(Context context) {
        RouteKey key = RouteKey.parse(route);
        RouteAuth routeAuth = RouteAuth.of(auth, userPool, clientIds);
        ApiRef ref = ApiCommand.locator(context).find(api);
        RouteChange change = ApiRouteCommand.service(context).add(ref, key, target.function, target.snsTopic, routeAuth);
        String on = "'" + key + "' on API '" + ref.name() + "'";
        context.err().println(switch (change.outcome()) {
            case CREATED -> "Created route " + on + " → " + change.route().target() + ".";
            case UPDATED -> "Updated route " + on + ": " + String.join("; ", change.actions()) + ".";
            case UNCHANGED -> "Route " + on + " is unchanged (already → " + change.route().target() + ", auth " + change.route().auth() + ").";
        });
        if (change.note() != null) {
            context.err().println(change.note());
        }
        ObjectNode document = ApiRoutesCommand.row(change.route());
        document.put("api", ref.id());
        document.put("outcome", change.outcome().label());
        change.actions().forEach(document.putArray("actions")::add);
        context.output().document(document);
    }
}
