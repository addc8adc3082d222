package dev.dynctl.model;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The declared attributes of an item or of a nested map, and whether others may be there too
 * ({@code saveUnknown}, true unless the schema says false).
 */
public record MapSchema(Map<String, AttributeSchema> attributes, boolean saveUnknown) {
    public MapSchema {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** Set-transforms on the attributes there are, then defaults for those missing. */
    Map<String, AttributeValue> prepare(Map<String, AttributeValue> map, Instant now) {
        Map<String, AttributeValue> prepared = new LinkedHashMap<>();
        map.forEach((name, value) -> {
            AttributeSchema schema = attributes.get(name);
            prepared.put(name, schema == null ? value : schema.prepare(value, now));
        });
        attributes.forEach((name, schema) -> {
            if (!prepared.containsKey(name) && schema.defaultValue() != null) {
                prepared.put(name, schema.prepare(schema.defaultValue().produce(now), now));
            }
        });
        return prepared;
    }

    Map<String, AttributeValue> forRead(Map<String, AttributeValue> map) {
        Map<String, AttributeValue> shown = new LinkedHashMap<>();
        map.forEach((name, value) -> {
            AttributeSchema schema = attributes.get(name);
            shown.put(name, schema == null ? value : schema.forRead(value));
        });
        return shown;
    }

    /** Declared attributes in schema order, then the undeclared ones when saveUnknown is false. */
    void check(Map<String, AttributeValue> map, AttributePath path, List<Violation> out) {
        attributes.forEach((name, schema) -> {
            AttributeValue value = map.get(name);
            if (value != null) {
                schema.check(value, path.name(name), out);
            } else if (schema.required()) {
                out.add(new Violation(path.name(name).toString(), "required", "is required but missing"));
            }
        });
        if (!saveUnknown) {
            map.keySet().stream().filter(name -> !attributes.containsKey(name)).forEach(name ->
                    out.add(new Violation(path.name(name).toString(), "saveUnknown",
                            "is not declared in the schema, and saveUnknown is false")));
        }
    }
}
