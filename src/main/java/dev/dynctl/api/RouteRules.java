package dev.dynctl.api;

import dev.dynctl.error.DynctlException;
import java.util.Optional;

/**
 * What a route of each kind of API may be: its key and who may call it. One set of rules for
 * {@code api route add} and for the routes of dynctl.yaml, so both refuse the same routes in the
 * same words; the words fit both ("auth cognito" is {@code --auth cognito} on the command line and
 * {@code auth: cognito} in the file), and each side says where the mistake is.
 */
public final class RouteRules {
    /** The part of a route a rule is about, so that the project file can point at it. */
    public enum Part { KEY, AUTH, CLIENT_IDS }

    /** A rule the route breaks: a usage error (exit 2) about {@code part}. */
    public record Broken(Part part, String message, String hint) {
        public DynctlException error() {
            return DynctlException.usage(message, hint);
        }
    }

    private RouteRules() {
    }

    /**
     * Refuses a route key, auth or app client ids the API's kind cannot have (exit 2); the API need
     * not exist yet.
     *
     * @param clientIds the route names app clients whose tokens it accepts
     */
    public static void check(ApiType type, RouteKey key, RouteAuth.Kind auth, boolean clientIds) {
        broken(type, key, auth, clientIds).ifPresent(rule -> {
            throw rule.error();
        });
    }

    /** The first rule the route breaks, if any. */
    public static Optional<Broken> broken(ApiType type, RouteKey key, RouteAuth.Kind auth, boolean clientIds) {
        return Optional.ofNullable(switch (type) {
            case REST -> rest(key, auth, clientIds);
            case HTTP -> http(key, auth, clientIds);
            case WEBSOCKET -> websocket(key, auth);
        });
    }

    private static Broken rest(RouteKey key, RouteAuth.Kind auth, boolean clientIds) {
        if (!key.hasPath()) {
            return new Broken(Part.KEY, "A REST API's routes are 'METHOD /path'; '" + key + "' is not one.",
                    "For example: 'GET /items/{id}' or 'ANY /{proxy+}'.");
        }
        if (auth == RouteAuth.Kind.COGNITO && clientIds) {
            return new Broken(Part.CLIENT_IDS, "A REST API's Cognito authorizer accepts the tokens of every app client of the pool: "
                    + "app client ids are for HTTP APIs.", "Leave the client ids out.");
        }
        return null;
    }

    private static Broken http(RouteKey key, RouteAuth.Kind auth, boolean clientIds) {
        if (!key.hasPath() && !key.text().equals("$default")) {
            return new Broken(Part.KEY, "An HTTP API's routes are 'METHOD /path' or '$default'; '" + key + "' is not one.",
                    "For example: 'GET /items/{id}', 'ANY /{proxy+}' or '$default'.");
        }
        if (auth == RouteAuth.Kind.COGNITO && !clientIds) {
            return new Broken(Part.AUTH, "Cognito auth on an HTTP API needs the app client ids whose tokens it accepts.",
                    "Name them: --client-id 1example23456789 on the command line, client_ids: [1example23456789] in dynctl.yaml.");
        }
        return null;
    }

    private static Broken websocket(RouteKey key, RouteAuth.Kind auth) {
        if (key.hasPath()) {
            return new Broken(Part.KEY, "A WebSocket API's routes are '$connect', '$disconnect', '$default' or an action name; '"
                    + key + "' is an HTTP route.", "For example: '$connect' or sendMessage.");
        }
        if (auth != RouteAuth.Kind.NONE && !key.text().equals("$connect")) {
            return new Broken(Part.AUTH, "A WebSocket API checks callers when they connect: auth goes on '$connect' only.",
                    "Leave the auth off '" + key + "', and put it on '$connect'.");
        }
        if (auth == RouteAuth.Kind.COGNITO) {
            return new Broken(Part.AUTH, "A WebSocket API cannot check Cognito tokens itself (it has no JWT authorizers).",
                    "Use auth iam on '$connect', or check the token in the $connect function.");
        }
        return null;
    }
}
