package dev.dynctl.model;

import dev.dynctl.api.ApiType;
import dev.dynctl.api.EndpointType;
import dev.dynctl.model.yaml.Location;
import java.util.List;

/**
 * An API of the project file, before a stage resolves it.
 *
 * @param endpointType REST only; null otherwise
 * @param routeSelectionExpression WebSocket only; null otherwise
 * @param cors null when the API has none
 */
record ProjectApi(String logicalName, Location location, ApiType type, EndpointType endpointType,
                  String routeSelectionExpression, ProjectCors cors, List<ProjectRoute> routes) {
    ProjectApi {
        routes = List.copyOf(routes);
    }
}
