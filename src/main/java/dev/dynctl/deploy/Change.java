package dev.dynctl.deploy;

import java.util.List;

/**
 * One line of a plan: a resource and what the deploy will do to it.
 *
 * @param kind what sort of resource: role, table, function, api, route, deployment, stage (see
 *             {@link ResourceKind}); a route's integration and permission are part of its route,
 *             a function's alias part of its function
 * @param name the resource as a user recognises it: a table's or function's real name, an API's
 *             name, a route's key with its API ({@code notes-dev-http GET /items})
 * @param fields for an update, what changes; empty otherwise
 */
public record Change(Action action, ResourceKind kind, String name, List<FieldChange> fields) {
    public Change {
        fields = List.copyOf(fields);
    }

    public static Change none(ResourceKind kind, String name) {
        return new Change(Action.NONE, kind, name, List.of());
    }

    public static Change create(ResourceKind kind, String name) {
        return new Change(Action.CREATE, kind, name, List.of());
    }

    public static Change delete(ResourceKind kind, String name) {
        return new Change(Action.DELETE, kind, name, List.of());
    }

    public static Change update(ResourceKind kind, String name, List<FieldChange> fields) {
        return new Change(Action.UPDATE, kind, name, fields);
    }
}
