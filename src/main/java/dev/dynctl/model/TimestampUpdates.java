package dev.dynctl.model;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What an update writes for the schema's timestamps: {@code set} always ({@code SET updatedAt =
 * :now}), {@code setIfAbsent} only where the item has none yet ({@code SET createdAt =
 * if_not_exists(createdAt, :now)}). Both are empty when the schema has no timestamps.
 */
public record TimestampUpdates(Map<String, AttributeValue> set, Map<String, AttributeValue> setIfAbsent) {
    public TimestampUpdates {
        set = Map.copyOf(set);
        setIfAbsent = Map.copyOf(setIfAbsent);
    }
}
