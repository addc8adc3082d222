package dev.dynctl.tail;

import dev.dynctl.codec.AttributeEquality;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The attributes that differ between an item before and after a change, by name: changed ones
 * with both values, added ones with no value before, removed ones with none after. Values are
 * compared as DynamoDB compares them, so a set whose elements came back in another order, or a
 * number written 1.50 for 1.5, is no change. A nested attribute that changed shows whole.
 */
public record ChangeDiff(List<Entry> entries) {
    /** One attribute: {@code before} null when it was added, {@code after} null when it was removed. */
    public record Entry(String name, AttributeValue before, AttributeValue after) {
        public boolean added() {
            return before == null;
        }

        public boolean removed() {
            return after == null;
        }
    }

    public ChangeDiff {
        entries = List.copyOf(entries);
    }

    /** From {@code before} to {@code after}, in the order of the attributes' names; either may be empty (an INSERT, a REMOVE). */
    public static ChangeDiff between(Map<String, AttributeValue> before, Map<String, AttributeValue> after) {
        TreeSet<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        return new ChangeDiff(names.stream()
                .filter(name -> !AttributeEquality.same(before.get(name), after.get(name)))
                .map(name -> new Entry(name, before.get(name), after.get(name)))
                .toList());
    }

    /** The names of the attributes that differ. */
    public List<String> names() {
        return entries.stream().map(Entry::name).toList();
    }

    /**
     * The diff of a change, when its stream recorded what it takes: both images for a MODIFY, the
     * item after an INSERT, before a REMOVE; null when it did not.
     */
    public static ChangeDiff of(ChangeRecord change) {
        Map<String, AttributeValue> before = change.oldImage();
        Map<String, AttributeValue> after = change.newImage();
        return switch (change.event()) {
            case "INSERT" -> after == null ? null : between(Map.of(), after);
            case "REMOVE" -> before == null ? null : between(before, Map.of());
            default -> before == null || after == null ? null : between(before, after);
        };
    }
}
