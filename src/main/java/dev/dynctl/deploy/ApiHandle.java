package dev.dynctl.deploy;

import dev.dynctl.api.ApiRef;
import dev.dynctl.api.ApiType;

/**
 * One API of the stage as its steps reach it: by the id it has, or — for an API the plan creates —
 * by the id its creation step records, which the later steps of the same apply read.
 */
final class ApiHandle {
    private final String name;
    private final ApiType type;
    private String id;

    private ApiHandle(String name, ApiType type, String id) {
        this.name = name;
        this.type = type;
        this.id = id;
    }

    static ApiHandle existing(ApiRef api) {
        return new ApiHandle(api.name(), api.type(), api.id());
    }

    static ApiHandle toCreate(String name, ApiType type) {
        return new ApiHandle(name, type, null);
    }

    String name() {
        return name;
    }

    ApiType type() {
        return type;
    }

    boolean exists() {
        return id != null;
    }

    void created(String newId) {
        this.id = newId;
    }

    /** The API with its id; only once it exists (a step after the creation step). */
    ApiRef ref() {
        if (id == null) {
            throw new IllegalStateException("API " + name + " is used before the step that creates it");
        }
        return new ApiRef(id, name, type);
    }

    /** The API for checks that need no id (its name and type). */
    ApiRef sketch() {
        return new ApiRef(id, name, type);
    }
}
