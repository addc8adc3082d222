package dev.dynctl.dynamo;

import dev.dynctl.codec.AttributeCodec;
import dev.dynctl.dynamo.expression.Condition;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Optimistic locking on a schema's version attribute: a write holds the version it read and
 * succeeds only while the item still has it (or, with no version, while the item has none).
 *
 * @param expected the version the item must have; null when it must have none (a new item)
 */
public record VersionLock(String attribute, Long expected) {
    /** The condition the write carries. */
    public Condition condition() {
        return expected == null ? Condition.notExists(attribute) : Condition.equalTo(attribute, number(expected));
    }

    /** Whether {@code current} (the item as it is; empty when there is none) still has the expected version. */
    public boolean heldBy(Map<String, AttributeValue> current) {
        AttributeValue version = current == null ? null : current.get(attribute);
        if (expected == null) {
            return version == null;
        }
        return version != null && version.n() != null && version.n().equals(Long.toString(expected));
    }

    /** The conflict (exit 4): what version the item is at, against the one the write held. */
    public DynctlException conflict(String table, Map<String, AttributeValue> key, Map<String, AttributeValue> current, Throwable cause) {
        String item = "item " + KeyText.of(key) + " in table " + table;
        AttributeValue version = current == null ? null : current.get(attribute);
        String now = version == null ? null : version.n() != null ? version.n() : AttributeCodec.toJson(Map.of(attribute, version)).get(attribute).toString();
        String message;
        String hint;
        if (expected == null) {
            message = "Version conflict: " + item + " already exists at " + attribute + " " + now + ", and this write expected a new item.";
            hint = "Read it again and write it with " + attribute + ": " + now + " to replace that version.";
        } else if (current == null || current.isEmpty()) {
            message = "Version conflict: there is no " + item + ", and this write expected " + attribute + " " + expected + ".";
            hint = "Leave " + attribute + " out to create the item.";
        } else if (now == null) {
            message = "Version conflict: " + item + " has no " + attribute + ", and this write expected " + attribute + " " + expected + ".";
            hint = "Leave " + attribute + " out to write its first version.";
        } else {
            message = "Version conflict: " + item + " is at " + attribute + " " + now + ", and this write expected " + expected + ".";
            hint = "Someone else wrote it since it was read: read it again, then write with " + attribute + " " + now + ".";
        }
        return new DynctlException(ExitCode.CONDITION_FAILED, message + " Nothing was written.", hint, cause);
    }

    static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
