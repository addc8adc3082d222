package dev.dynctl.model;

import dev.dynctl.api.ApiType;
import dev.dynctl.api.EndpointType;
import java.util.List;

/**
 * An API as one stage has it.
 *
 * @param logicalName its key under {@code apis:}
 * @param name the real API name
 * @param endpointType REST only (regional when the file gives none); null for HTTP and WebSocket
 * @param routeSelectionExpression WebSocket only ({@code $request.body.action} by default); else null
 * @param cors null when the API has no CORS
 */
public record StageApi(String logicalName, String name, ApiType type, EndpointType endpointType,
                       String routeSelectionExpression, ApiCors cors, List<StageRoute> routes) {
    public StageApi {
        routes = List.copyOf(routes);
    }
}
