package dev.dynctl.model;

import java.util.Optional;

/**
 * The attributes a write stamps with its time: {@code createdAt} once, when the item is first
 * written, and {@code updatedAt} on every write. Either may be switched off (null).
 */
public record Timestamps(String createdAt, String updatedAt, DateFormat format) {
    public static final String CREATED_AT = "createdAt";
    public static final String UPDATED_AT = "updatedAt";

    public Optional<String> createdAtAttribute() {
        return Optional.ofNullable(createdAt);
    }

    public Optional<String> updatedAtAttribute() {
        return Optional.ofNullable(updatedAt);
    }
}
