package dev.dynctl.dynamo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.error.DynctlException;
import java.util.Iterator;
import java.util.List;

/**
 * The fields of one operation in a transaction file, read with messages that name the operation:
 * "Operation 3 (ops.yaml line 7): update has no field 'iff'; its fields are …".
 */
final class TransactionFields {
    private final JsonNode fields;
    private final String kind;
    private final String origin;

    /**
     * @param origin "operation 3 (ops.yaml line 7)"
     * @param allowed every field this kind of operation takes
     */
    TransactionFields(JsonNode fields, String kind, String origin, List<String> allowed) {
        this.kind = kind;
        this.origin = origin;
        if (!fields.isObject()) {
            throw error(kind + " holds " + JsonKinds.of(fields) + ", not its fields (" + String.join(", ", allowed) + ").");
        }
        this.fields = fields;
        for (Iterator<String> names = fields.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw error(kind + " has no field '" + name + "'; its fields are " + String.join(", ", allowed) + ".");
            }
        }
    }

    boolean has(String name) {
        return fields.has(name) && !fields.get(name).isNull();
    }

    /** A field that must be there. */
    JsonNode node(String name) {
        if (!has(name)) {
            throw error(kind + " needs '" + name + "'.");
        }
        return fields.get(name);
    }

    /** A text field, or null when it is absent. */
    String text(String name) {
        if (!has(name)) {
            return null;
        }
        JsonNode value = fields.get(name);
        if (!value.isTextual()) {
            throw error(kind + "'s " + name + " must be text, not " + JsonKinds.of(value) + ".");
        }
        return value.textValue();
    }

    /** A text field that must be there. */
    String requiredText(String name) {
        node(name);
        return text(name);
    }

    /** An object field, or null when it is absent. */
    JsonNode object(String name) {
        if (!has(name)) {
            return null;
        }
        JsonNode value = fields.get(name);
        if (!value.isObject()) {
            throw error(kind + "'s " + name + " must be a map, not " + JsonKinds.of(value) + ".");
        }
        return value;
    }

    String origin() {
        return origin;
    }

    DynctlException error(String message) {
        return DynctlException.usage(ItemKeys.capitalized(origin) + ": " + message, TransactionReader.FORMAT_HINT);
    }
}
