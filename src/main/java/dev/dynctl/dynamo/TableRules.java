package dev.dynctl.dynamo;

import dev.dynctl.dynamo.expression.AttributePath;
import dev.dynctl.dynamo.expression.UpdateAction;
import dev.dynctl.error.DynctlException;
import dev.dynctl.model.ProjectFile;
import dev.dynctl.model.TableSchema;
import dev.dynctl.model.TimestampUpdates;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the schema of one table in the project file does to the items a command writes and reads:
 * validation, set-transforms, defaults and timestamps before a write, the version lock, and
 * get-transforms after a read. A table without a schema (or --no-schema) passes everything as it is.
 */
public final class TableRules {
    /** An item ready to put, and the version lock its write must carry (null when the table keeps no version). */
    public record PreparedPut(Map<String, AttributeValue> item, VersionLock lock) {
    }

    private final String table;
    private final TableSchema schema;
    private final Instant now;

    private TableRules(String table, TableSchema schema, Instant now) {
        this.table = table;
        this.schema = schema;
        this.now = now;
    }

    /** The rules of {@code table} in {@code project}, with {@code now} as the time of every default and timestamp. */
    public static TableRules of(ProjectFile project, String table, Instant now) {
        return new TableRules(table, project.schemaFor(table).orElse(null), now);
    }

    public Optional<String> versionAttribute() {
        return schema == null ? Optional.empty() : schema.versionAttribute();
    }

    /**
     * The item a put writes. With a version attribute, the item's version (none for a new item) is
     * what the write expects to find, and the item is written with the next one.
     */
    public PreparedPut put(Map<String, AttributeValue> item) {
        if (schema == null) {
            return new PreparedPut(item, null);
        }
        Map<String, AttributeValue> prepared = schema.prepareForPut(item, now);
        String version = schema.versionAttribute().orElse(null);
        if (version == null) {
            return new PreparedPut(prepared, null);
        }
        Long held = item.containsKey(version) ? wholeVersion(version, item.get(version).n()) : null;
        prepared.put(version, VersionLock.number(held == null ? 1 : held + 1));
        return new PreparedPut(prepared, new VersionLock(version, held));
    }

    /**
     * Checks and completes an update: literal values transformed and checked as a put would,
     * removals of required attributes and unknown attributes refused, timestamps set, the version
     * counted up. Returns the lock to carry when {@code expectedVersion} is given (null otherwise).
     *
     * @param expectedVersion the version the item must be at (0: the item has none yet); null for no check
     */
    public VersionLock update(UpdateClauses clauses, Long expectedVersion) {
        String version = schema == null ? null : schema.versionAttribute().orElse(null);
        if (expectedVersion != null && version == null) {
            throw DynctlException.usage("--expect-version needs a version attribute, and " + (schema == null
                    ? "table " + table + " has no schema in the project file." : "the schema of " + table + " names none."),
                    "Name one in dynctl.yaml (schema: version: rev), or drop --expect-version.");
        }
        if (schema == null) {
            return null;
        }
        for (UpdateAction action : clauses.actions()) {
            List<Object> path = steps(action.path());
            if (path.get(0).equals(version)) {
                throw DynctlException.usage(version + " is the version attribute of table " + table + ": dynctl counts it up on every write.",
                        "Leave it out of the update; give --expect-version N to write only while the item is at version N.");
            }
            switch (action.kind()) {
                case REMOVE -> schema.checkRemove(path);
                case SET -> {
                    if (action.literal() == null) {
                        schema.checkComputed(path);
                    }
                }
                // a number added is an increment, and elements deleted are not stored: only the path is checked
                case ADD -> {
                    if (action.literal() == null || action.literal().n() != null) {
                        schema.checkComputed(path);
                    }
                }
                case DELETE -> schema.checkComputed(path);
            }
        }
        clauses.mapLiterals((action, value) -> prepared(action) ? schema.prepareValue(steps(action.path()), value, now) : value);
        Set<Object> touched = clauses.actions().stream().map(a -> steps(a.path()).get(0)).collect(Collectors.toSet());
        TimestampUpdates timestamps = schema.updateTimestamps(now);
        timestamps.set().forEach((name, value) -> {
            if (!touched.contains(name)) {
                clauses.set(name, value);
            }
        });
        timestamps.setIfAbsent().forEach((name, value) -> {
            if (!touched.contains(name)) {
                clauses.setIfAbsent(name, value);
            }
        });
        if (version == null) {
            return null;
        }
        clauses.increment(version);
        if (expectedVersion == null) {
            return null;
        }
        if (expectedVersion < 0) {
            throw DynctlException.usage("--expect-version must be 0 or more, not " + expectedVersion + ".");
        }
        return new VersionLock(version, expectedVersion == 0 ? null : expectedVersion);
    }

    /** The attributes the schema requires besides {@code keyNames}, which only a put can supply; empty without a schema. */
    public List<String> requiredBeyond(List<String> keyNames) {
        if (schema == null) {
            return List.of();
        }
        return schema.attributes().attributes().entrySet().stream()
                .filter(e -> e.getValue().required() && !keyNames.contains(e.getKey()))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** The item as reads show it: get-transforms applied. */
    public Map<String, AttributeValue> read(Map<String, AttributeValue> item) {
        return schema == null ? item : schema.prepareForRead(item);
    }

    /** Whether the table has a schema in the project file (without one, writes and reads pass unchanged). */
    public boolean hasSchema() {
        return schema != null;
    }

    /** Whether an action's literal is a value stored at its path: a SET's value, an ADD's set elements. */
    private static boolean prepared(UpdateAction action) {
        return action.kind() == UpdateAction.Kind.SET
                || action.kind() == UpdateAction.Kind.ADD && action.literal() != null && action.literal().n() == null;
    }

    private Long wholeVersion(String version, String number) {
        try {
            BigDecimal value = number == null ? null : new BigDecimal(number.trim());
            if (value != null && value.signum() >= 0 && value.stripTrailingZeros().scale() <= 0) {
                return value.longValueExact();
            }
        } catch (ArithmeticException | NumberFormatException notWhole) {
            // refused below
        }
        throw DynctlException.usage(version + " is the version attribute of table " + table + " and must be a whole number of 0 "
                + "or more, not " + number + ".", "Write the item with the version it was read at, or leave " + version + " out for a new item.");
    }

    private static List<Object> steps(AttributePath path) {
        List<Object> steps = new ArrayList<>();
        for (AttributePath.Step step : path.steps()) {
            steps.add(step instanceof AttributePath.Name name ? name.name() : ((AttributePath.Index) step).index());
        }
        return steps;
    }
}
