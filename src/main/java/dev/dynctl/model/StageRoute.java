package dev.dynctl.model;

import dev.dynctl.api.RouteAuth;
import dev.dynctl.api.RouteKey;

/**
 * A route of a stage's API.
 *
 * @param function the logical name of the function it calls (a key under {@code functions:})
 */
public record StageRoute(RouteKey key, String function, RouteAuth auth) {
}
