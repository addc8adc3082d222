package dev.dynctl.deploy;

import dev.dynctl.api.RouteAuth;
import dev.dynctl.api.RouteInfo;
import dev.dynctl.api.RouteService;
import dev.dynctl.error.DynctlException;
import dev.dynctl.model.StageApi;
import dev.dynctl.model.StageFunction;
import dev.dynctl.model.StageRoute;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The routes of one API: one step per route of the file (its integration and its function's
 * permission folded in), and one per route the API has that the file no longer lists. A route
 * calls its function through the stage's alias, so a deploy that moves the alias moves every
 * route with it.
 */
final class RoutePlan {
    private final List<Step> upserts = new ArrayList<>();
    private final List<Step> deletions = new ArrayList<>();

    /**
     * @param existing the API's routes as they are (none for an API the plan creates), without
     *                 what is planned elsewhere (a REST API's CORS preflight methods)
     */
    RoutePlan(DeployContext context, RouteService routes, ApiHandle api, StageApi wanted, List<RouteInfo> existing) {
        Map<String, RouteInfo> byKey = new HashMap<>();
        existing.forEach(route -> byKey.put(route.key().text(), route));
        for (StageRoute route : wanted.routes()) {
            RouteService.check(api.sketch(), route.key(), route.auth());
            String functionArn = aliasArn(context, wanted, route);
            String name = api.name() + " " + route.key().text();
            RouteInfo current = byKey.get(route.key().text());
            CallingStep.Calls add = () -> routes.add(api.ref(), route.key(), functionArn, route.auth());
            if (current == null) {
                upserts.add(CallingStep.of(Change.create(ResourceKind.ROUTE, name), add));
                continue;
            }
            List<FieldChange> fields = new ArrayList<>();
            String target = targetLabel(functionArn);
            if (!functionArn.equals(current.functionArn())) {
                fields.add(new FieldChange("target", current.target(), target));
            }
            if (!route.auth().kind().label().equals(current.auth())) {
                fields.add(new FieldChange("auth", current.auth(), route.auth().kind().label()));
            } else if (route.auth().kind() == RouteAuth.Kind.COGNITO && !routes.sameAuthorizer(api.ref(), route.key(), route.auth())) {
                fields.add(new FieldChange("user_pool", null, route.auth().poolId()
                        + (route.auth().audiences().isEmpty() ? "" : " for " + String.join(", ", route.auth().audiences()))));
            }
            if (fields.isEmpty() && !routes.permits(api.ref(), route.key(), functionArn)) {
                fields.add(new FieldChange("permission", null, "lambda:InvokeFunction on " + target + " for this route"));
            }
            if (fields.isEmpty() && !routes.answersAsAdded(api.ref(), route.key())) {
                fields.add(new FieldChange("route_response", null, "$default (answers go back to the client)"));
            }
            upserts.add(fields.isEmpty() ? CallingStep.none(ResourceKind.ROUTE, name)
                    : CallingStep.of(Change.update(ResourceKind.ROUTE, name, fields), add));
        }
        Set<String> kept = wanted.routes().stream().map(route -> route.key().text()).collect(Collectors.toSet());
        existing.stream().filter(route -> !kept.contains(route.key().text()))
                .sorted(Comparator.comparing((RouteInfo route) -> route.key().text()))
                .forEach(route -> deletions.add(CallingStep.of(Change.delete(ResourceKind.ROUTE, api.name() + " " + route.key().text()),
                        () -> routes.delete(api.ref(), route))));
    }

    /** The routes of the file, in its order: created, updated or left alone. */
    List<Step> upserts() {
        return upserts;
    }

    /** The routes the API has and the file does not (each with its function's permission). */
    List<Step> deletions() {
        return deletions;
    }

    /** True when some route is created, updated or deleted: what a REST API's stage serves changes. */
    boolean changes() {
        return upserts.stream().anyMatch(step -> step.change().action() != Action.NONE) || !deletions.isEmpty();
    }

    /** arn:PARTITION:lambda:REGION:ACCOUNT:function:NAME:ALIAS of the function a route calls. */
    static String aliasArn(DeployContext context, StageApi api, StageRoute route) {
        StageFunction function = context.stage().function(route.function()).orElseThrow(() -> DynctlException.usage(
                "Route '" + route.key() + "' of apis." + api.logicalName() + " calls function '" + route.function()
                        + "', which dynctl.yaml does not define.", "Add it under functions:, or route to one that is there."));
        return context.arns().functionAlias(function.name(), context.names().alias());
    }

    /** NAME:ALIAS, as route listings show a function called through an alias. */
    private static String targetLabel(String functionArn) {
        return functionArn.substring(functionArn.indexOf(":function:") + ":function:".length());
    }

    /** What a REST deployment serves of a route, for telling whether the stage is current. */
    static String describe(DeployContext context, StageApi api, StageRoute route) {
        RouteAuth auth = route.auth();
        return route.key().text() + " -> " + aliasArn(context, api, route) + " auth " + auth.kind().label()
                + (auth.userPoolArn() == null ? "" : " " + auth.userPoolArn() + " " + auth.audiences());
    }
}
