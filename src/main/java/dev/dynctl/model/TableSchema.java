package dev.dynctl.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.codec.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A table's schema from the project file, and what the write and read paths do with it. Pure: no
 * AWS, no terminal. Items are {@code Map<String, AttributeValue>}; paths are lists of attribute
 * names (String) and list indexes (Integer).
 *
 * <p>The timestamp attributes and the version attribute are part of the schema without being
 * declared: a date in the timestamps' format and a number.
 */
public final class TableSchema {
    /** The first row of {@link #describe}: the item itself, a map. */
    public static final String ITEM_ROW = "(item)";
    /** The columns of {@link #describe}'s rows, in the order they are best read. */
    public static final List<String> DESCRIBE_COLUMNS = List.of("attribute", "type", "format", "required", "default",
            "enum", "validate", "set", "get", "saveUnknown", "note");

    private final String table;
    private final String source;
    private final MapSchema declared;
    private final MapSchema effective;
    private final Timestamps timestamps;
    private final String version;

    /**
     * @param table the real table name
     * @param source the project file, as messages name it
     * @param timestamps null when the schema has none
     * @param version the optimistic-locking attribute; null when there is none
     */
    TableSchema(String table, String source, MapSchema declared, Timestamps timestamps, String version) {
        this.table = table;
        this.source = source;
        this.declared = declared;
        this.timestamps = timestamps;
        this.version = version;
        Map<String, AttributeSchema> all = new LinkedHashMap<>(declared.attributes());
        if (timestamps != null) {
            timestamps.createdAtAttribute().ifPresent(name -> all.put(name, AttributeSchema.of(AttributeType.DATE, timestamps.format())));
            timestamps.updatedAtAttribute().ifPresent(name -> all.put(name, AttributeSchema.of(AttributeType.DATE, timestamps.format())));
        }
        if (version != null) {
            all.put(version, AttributeSchema.of(AttributeType.NUMBER, null));
        }
        this.effective = new MapSchema(all, declared.saveUnknown());
    }

    public String table() {
        return table;
    }

    /** The project file the schema comes from, as messages name it. */
    public String source() {
        return source;
    }

    /** Every attribute the schema knows, the timestamps and the version attribute included. */
    public MapSchema attributes() {
        return effective;
    }

    public boolean saveUnknown() {
        return effective.saveUnknown();
    }

    /** The optimistic-locking attribute (a number) that put and update increment and condition on. */
    public Optional<String> versionAttribute() {
        return Optional.ofNullable(version);
    }

    /**
     * The item to write for a put: set-transforms, defaults, timestamps (updatedAt now, createdAt
     * now unless the item has one), then every rule checked.
     *
     * @throws SchemaViolationException naming each attribute path and rule broken; nothing should be written
     */
    public Map<String, AttributeValue> prepareForPut(Map<String, AttributeValue> item, Instant now) {
        Map<String, AttributeValue> prepared = effective.prepare(item, now);
        if (timestamps != null) {
            timestamps.createdAtAttribute().ifPresent(name -> prepared.putIfAbsent(name, timestamps.format().format(now)));
            timestamps.updatedAtAttribute().ifPresent(name -> prepared.put(name, timestamps.format().format(now)));
        }
        throwIfAny(violations(prepared));
        return prepared;
    }

    /**
     * A literal an update writes at {@code path} ({@code SET address = {...}}, {@code SET tags[0] =
     * 'x'}), transformed and checked as a put would (defaults inside a map value included). Not for
     * {@code ADD n 5} on a number: its value is an increment, not what is stored; use {@link
     * #checkComputed} there. (An {@code ADD} of set elements is checked here: each element is stored.)
     *
     * @throws SchemaViolationException for a value that breaks the rules, an undeclared attribute
     *     with saveUnknown false, or a path through a value that is not a map or list
     */
    public AttributeValue prepareValue(List<Object> path, AttributeValue value, Instant now) {
        AttributePath at = AttributePath.of(path);
        Optional<AttributeSchema> schema = resolve(at, true);
        if (schema.isEmpty()) {
            return value;
        }
        AttributeValue prepared = schema.get().prepare(value, now);
        List<Violation> violations = new ArrayList<>();
        schema.get().check(prepared, at, violations);
        throwIfAny(violations);
        return prepared;
    }

    /** An update's REMOVE of {@code path}: refused for a required attribute. */
    public void checkRemove(List<Object> path) {
        AttributePath at = AttributePath.of(path);
        resolve(at, false).filter(AttributeSchema::required).ifPresent(required ->
                throwIfAny(List.of(new Violation(at.toString(), "required", "is required and cannot be removed"))));
    }

    /**
     * An update that computes the value at {@code path} in DynamoDB ({@code SET n = n + 1}): its
     * value is not known here, but an undeclared attribute (saveUnknown false) or a path through a
     * value that is not a map or list is refused.
     */
    public void checkComputed(List<Object> path) {
        resolve(AttributePath.of(path), true);
    }

    /** What an update sets for the timestamps; see {@link TimestampUpdates}. */
    public TimestampUpdates updateTimestamps(Instant now) {
        Map<String, AttributeValue> set = new HashMap<>();
        Map<String, AttributeValue> setIfAbsent = new HashMap<>();
        if (timestamps != null) {
            timestamps.updatedAtAttribute().ifPresent(name -> set.put(name, timestamps.format().format(now)));
            timestamps.createdAtAttribute().ifPresent(name -> setIfAbsent.put(name, timestamps.format().format(now)));
        }
        return new TimestampUpdates(set, setIfAbsent);
    }

    /** The item as get, query and scan show it: get-transforms applied. */
    public Map<String, AttributeValue> prepareForRead(Map<String, AttributeValue> item) {
        return effective.forRead(item);
    }

    /** Every rule a stored item breaks, in schema order; empty when it conforms. */
    public List<Violation> violations(Map<String, AttributeValue> item) {
        List<Violation> violations = new ArrayList<>();
        effective.check(item, AttributePath.root(), violations);
        return violations;
    }

    /**
     * The schema of the value at {@code path}; empty where anything goes (an undeclared attribute
     * with saveUnknown true, inside a free-form map or list).
     */
    private Optional<AttributeSchema> resolve(AttributePath path, boolean refuseUnknown) {
        if (path.steps().isEmpty() || !(path.steps().get(0) instanceof String)) {
            throw new IllegalArgumentException("a path starts with an attribute name: " + path.steps());
        }
        AttributeSchema current = null;
        List<Object> walked = new ArrayList<>();
        for (Object step : path.steps()) {
            if (current != null) {
                String shape = step instanceof String ? "a map" : "a list";
                AttributeType needed = step instanceof String ? AttributeType.MAP : AttributeType.LIST;
                if (current.type() != needed) {
                    throw violation(new Violation(AttributePath.of(walked).toString(), "type", "is " + current.expected()
                            + ", not " + shape + ", so " + path + " cannot be written"));
                }
                if (needed == AttributeType.MAP && current.attributes() == null || needed == AttributeType.LIST && current.items() == null) {
                    return Optional.empty();
                }
            }
            walked.add(step);
            if (step instanceof Integer) {
                current = current.items();
                continue;
            }
            MapSchema container = current == null ? effective : current.attributes();
            current = container.attributes().get((String) step);
            if (current == null) {
                if (refuseUnknown && !container.saveUnknown()) {
                    throw violation(new Violation(AttributePath.of(walked).toString(), "saveUnknown",
                            "is not declared in the schema, and saveUnknown is false"));
                }
                return Optional.empty();
            }
        }
        return Optional.of(current);
    }

    private void throwIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new SchemaViolationException(table, source, violations);
        }
    }

    private SchemaViolationException violation(Violation violation) {
        return new SchemaViolationException(table, source, List.of(violation));
    }

    /**
     * The effective schema as {@code schema show} prints it: one row per attribute, nested ones
     * included, after a first row "(item)" that says whether undeclared attributes are kept.
     */
    public List<ObjectNode> describe() {
        List<ObjectNode> rows = new ArrayList<>();
        rows.add(Json.MAPPER.createObjectNode().put("attribute", ITEM_ROW).put("type", AttributeType.MAP.label())
                .put("saveUnknown", effective.saveUnknown()));
        effective.attributes().forEach((name, schema) -> schema.describe(name, note(name), rows));
        return rows;
    }

    private String note(String name) {
        if (name.equals(version)) {
            return "version (optimistic locking)";
        }
        if (timestamps != null && name.equals(timestamps.createdAt())) {
            return "timestamp: first write";
        }
        if (timestamps != null && name.equals(timestamps.updatedAt())) {
            return "timestamp: latest write";
        }
        return null;
    }
}
