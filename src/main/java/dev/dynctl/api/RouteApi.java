package dev.dynctl.api;

import java.util.List;

/** The routes of one API, as its API Gateway (v1 for REST, v2 for HTTP and WebSocket) keeps them. */
interface RouteApi {
    List<RouteInfo> list();

    /** Creates the route, or brings an existing one to this target and auth; the change lists what it did. */
    RouteChange add(RouteKey key, RouteTarget target, RouteAuth auth);

    /** Removes the route (and what only it used); the route is known to exist. */
    List<String> delete(RouteInfo route);

    /** True when the (existing, cognito) route's authorizer is the one {@code add} makes for this auth: same pool, same audiences. Reads only. */
    boolean sameAuthorizer(RouteKey key, RouteAuth auth);
}
