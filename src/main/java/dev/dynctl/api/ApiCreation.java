package dev.dynctl.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What {@code api create} asks for.
 *
 * @param definition an OpenAPI document to import (null: an empty API)
 * @param endpointType REST only; null means AWS's default (edge)
 * @param routeSelectionExpression WebSocket only; null means {@link #DEFAULT_ROUTE_SELECTION}
 */
public record ApiCreation(String name, ApiType type, JsonNode definition, EndpointType endpointType, String description,
        String routeSelectionExpression) {
    /** Routes WebSocket messages by their "action" field, as AWS's console suggests. */
    public static final String DEFAULT_ROUTE_SELECTION = "$request.body.action";
}
