package dev.dynctl.dynamo;

import dev.dynctl.error.DynctlException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;

/**
 * A secondary index as typed on the command line, comma-separated FIELD=VALUE pairs:
 * {@code name=byStatus,pk=status:S,sk=created:N,projection=include:name+email,rcu=5,wcu=5}. A
 * global index needs pk; a local index shares the table's partition key and takes only sk. The
 * projection is ALL unless given; rcu/wcu default to the table's when billing is provisioned.
 */
public record TableIndexSpec(String name, TableKeyAttribute partitionKey, TableKeyAttribute sortKey,
                             Projection projection, Long readCapacity, Long writeCapacity) {
    public static final String GLOBAL_SYNTAX = "name=NAME,pk=ATTR:TYPE[,sk=ATTR:TYPE][,projection=all|keys|include:ATTR+ATTR...][,rcu=N,wcu=N]";
    public static final String LOCAL_SYNTAX = "name=NAME,sk=ATTR:TYPE[,projection=all|keys|include:ATTR+ATTR...]";

    private static final List<String> FIELDS = List.of("name", "pk", "sk", "projection", "rcu", "wcu");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{3,255}");

    /** Reads a global index spec given to {@code option} (--gsi, --add-gsi). */
    public static TableIndexSpec global(String option, String text) {
        return parse(option, text, true);
    }

    /** Reads a local index spec given to {@code option} (--lsi). */
    public static TableIndexSpec local(String option, String text) {
        return parse(option, text, false);
    }

    private static TableIndexSpec parse(String option, String text, boolean global) {
        try {
            return parse(fields(text), global);
        } catch (IllegalArgumentException e) {
            String example = global ? "name=byEmail,pk=email:S,projection=keys" : "name=byCreated,sk=created:N";
            throw DynctlException.usage("Bad " + option + " '" + text + "': " + e.getMessage(),
                    "The syntax is " + option + " " + (global ? GLOBAL_SYNTAX : LOCAL_SYNTAX) + ", e.g. " + option + " " + example);
        }
    }

    private static TableIndexSpec parse(Map<String, String> fields, boolean global) {
        String name = fields.get("name");
        if (name == null) {
            throw new IllegalArgumentException("the index needs a name, e.g. name=byEmail");
        }
        checkName("index name", name);
        TableKeyAttribute pk = null;
        if (global) {
            if (!fields.containsKey("pk")) {
                throw new IllegalArgumentException("a global index needs a partition key, e.g. pk=email:S");
            }
            pk = key("pk", fields.get("pk"));
        } else {
            if (fields.containsKey("pk")) {
                throw new IllegalArgumentException("a local index shares the table's partition key; give only sk=ATTR:TYPE");
            }
            if (!fields.containsKey("sk")) {
                throw new IllegalArgumentException("a local index needs a sort key, e.g. sk=created:N");
            }
            if (fields.containsKey("rcu") || fields.containsKey("wcu")) {
                throw new IllegalArgumentException("a local index uses the table's capacity; rcu and wcu apply to global indexes only");
            }
        }
        TableKeyAttribute sk = fields.containsKey("sk") ? key("sk", fields.get("sk")) : null;
        Long rcu = capacity("rcu", fields.get("rcu"));
        Long wcu = capacity("wcu", fields.get("wcu"));
        if ((rcu == null) != (wcu == null)) {
            throw new IllegalArgumentException("give both rcu and wcu, or neither (then the table's are used)");
        }
        return new TableIndexSpec(name, pk, sk, projection(fields.get("projection")), rcu, wcu);
    }

    private static Map<String, String> fields(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the index spec is empty");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String part : text.split(",", -1)) {
            String field = part.trim();
            int eq = field.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("'" + field + "' is not FIELD=VALUE; the fields are " + String.join(", ", FIELDS));
            }
            String key = field.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = field.substring(eq + 1).trim();
            if (!FIELDS.contains(key)) {
                throw new IllegalArgumentException("unknown field '" + key + "'; the fields are " + String.join(", ", FIELDS));
            }
            if (value.isEmpty()) {
                throw new IllegalArgumentException(key + "= has no value");
            }
            if (fields.put(key, value) != null) {
                throw new IllegalArgumentException(key + "= is given twice");
            }
        }
        return fields;
    }

    private static TableKeyAttribute key(String field, String value) {
        try {
            return TableKeyAttribute.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + "=" + value + ": " + e.getMessage());
        }
    }

    private static Long capacity(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            long units = Long.parseLong(value);
            if (units >= 1) {
                return units;
            }
        } catch (NumberFormatException notANumber) {
            // reported below with the rule
        }
        throw new IllegalArgumentException(field + "=" + value + " is not a whole number of capacity units (1 or more)");
    }

    private static Projection projection(String value) {
        if (value == null) {
            return Projection.builder().projectionType(ProjectionType.ALL).build();
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.equals("all")) {
            return Projection.builder().projectionType(ProjectionType.ALL).build();
        }
        if (lower.equals("keys") || lower.equals("keys_only") || lower.equals("keys-only")) {
            return Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build();
        }
        if (lower.startsWith("include:")) {
            List<String> attributes = new ArrayList<>();
            for (String attribute : value.substring("include:".length()).split("\\+", -1)) {
                if (attribute.isBlank()) {
                    throw new IllegalArgumentException("projection=" + value + " has an empty attribute name; separate names with '+'");
                }
                attributes.add(attribute.trim());
            }
            return Projection.builder().projectionType(ProjectionType.INCLUDE).nonKeyAttributes(attributes).build();
        }
        if (lower.equals("include")) {
            throw new IllegalArgumentException("projection=include needs the attributes to copy, e.g. projection=include:name+email");
        }
        throw new IllegalArgumentException("projection=" + value + " is not all, keys or include:ATTR+ATTR...");
    }

    /** Table and index names: 3 to 255 of letters, digits, '_', '-' and '.'. */
    static void checkName(String what, String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("the " + what + " '" + name + "' must be 3 to 255 characters of A-Z, a-z, 0-9, '_', '-' and '.'");
        }
    }

    /** The key attributes this index adds to the table's attribute definitions. */
    List<TableKeyAttribute> keyAttributes() {
        List<TableKeyAttribute> keys = new ArrayList<>();
        if (partitionKey != null) {
            keys.add(partitionKey);
        }
        if (sortKey != null) {
            keys.add(sortKey);
        }
        return keys;
    }

    boolean hasCapacity() {
        return readCapacity != null;
    }

    /** The index for CreateTable/UpdateTable; {@code tableThroughput} is null for on-demand tables. */
    GlobalSecondaryIndex toGlobal(ProvisionedThroughput tableThroughput) {
        var index = GlobalSecondaryIndex.builder()
                .indexName(name)
                .keySchema(keySchema(partitionKey))
                .projection(projection);
        if (tableThroughput != null) {
            index.provisionedThroughput(hasCapacity()
                    ? ProvisionedThroughput.builder().readCapacityUnits(readCapacity).writeCapacityUnits(writeCapacity).build()
                    : tableThroughput);
        }
        return index.build();
    }

    LocalSecondaryIndex toLocal(TableKeyAttribute tablePartitionKey) {
        return LocalSecondaryIndex.builder()
                .indexName(name)
                .keySchema(keySchema(tablePartitionKey))
                .projection(projection)
                .build();
    }

    private List<KeySchemaElement> keySchema(TableKeyAttribute pk) {
        return sortKey == null
                ? List.of(pk.element(KeyType.HASH))
                : List.of(pk.element(KeyType.HASH), sortKey.element(KeyType.RANGE));
    }
}
