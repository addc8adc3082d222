package dev.dynctl.model;

import dev.dynctl.api.RouteAuth;
import dev.dynctl.api.RouteKey;
import dev.dynctl.model.yaml.YamlScalar;
import java.util.List;

/**
 * A route of the project file: the pool and app clients are text a stage resolves.
 *
 * @param function the key of the function it calls
 * @param userPool cognito's pool ARN; null for other auth
 * @param clientIds the app clients a token must be for (HTTP APIs), possibly none
 */
record ProjectRoute(RouteKey key, String function, RouteAuth.Kind auth, YamlScalar userPool, List<YamlScalar> clientIds) {
    ProjectRoute {
        clientIds = List.copyOf(clientIds);
    }
}
