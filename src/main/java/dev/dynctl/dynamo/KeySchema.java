package dev.dynctl.dynamo;

import dev.dynctl.error.DynctlException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The key of a table, or of one of its indexes: a partition key and an optional sort key, with the
 * types DescribeTable declares. A table's schema also carries its indexes' schemas.
 *
 * @param index null for the table itself
 * @param globalIndex true for a global secondary index (no consistent reads there)
 */
public record KeySchema(String table, String index, boolean globalIndex, List<KeyAttribute> attributes,
                        Map<String, KeySchema> indexes) {

    public KeyAttribute partition() {
        return attributes.get(0);
    }

    public Optional<KeyAttribute> sort() {
        return attributes.size() > 1 ? Optional.of(attributes.get(1)) : Optional.empty();
    }

    public List<String> names() {
        return attributes.stream().map(KeyAttribute::name).toList();
    }

    public Optional<KeyAttribute> attribute(String name) {
        return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /** "table users has keys id (S), created (N)": every key error names the schema. */
    public String describe() {
        String owner = index == null ? "table " + table : "index " + index + " of table " + table;
        String keys = attributes.stream().map(KeyAttribute::toString).collect(Collectors.joining(", "));
        return owner + " has " + (attributes.size() == 1 ? "key " : "keys ") + keys;
    }

    /** The schema of one of this table's indexes; naming one that does not exist is a usage error. */
    public KeySchema index(String name) {
        KeySchema schema = indexes.get(name);
        if (schema == null) {
            throw DynctlException.usage("Table " + table + " has no index '" + name + "'.",
                    indexes.isEmpty() ? "The table has no secondary indexes." : "Its indexes are: " + String.join(", ", indexes.keySet()) + ".");
        }
        return schema;
    }

    /** The key columns an index result leads with: the index's keys, then the table's. */
    public List<String> leadingColumns(KeySchema table) {
        List<String> names = new ArrayList<>(names());
        table.names().stream().filter(n -> !names.contains(n)).forEach(names::add);
        return names;
    }

    /** Checks that an item to be written carries every key attribute with its declared type. */
    public void requireKeyIn(Map<String, AttributeValue> item, String origin) {
        if (attributes.stream().noneMatch(key -> item.containsKey(key.name()))) {
            throw DynctlException.usage(capitalized(origin) + " has no key attributes: " + describe() + ".",
                    "The AWS CLI's output is read too: the Items of 'aws dynamodb scan' or 'query' "
                            + "({\"Items\": [...]}) and the Item of 'get-item' ({\"Item\": {...}}).");
        }
        for (KeyAttribute key : attributes) {
            AttributeValue value = item.get(key.name());
            if (value == null) {
                throw DynctlException.usage(capitalized(origin) + " has no '" + key.name() + "': " + describe() + ".");
            }
            if (!key.accepts(value)) {
                String type = value.type() == AttributeValue.Type.NUL ? "NULL" : String.valueOf(value.type());
                throw DynctlException.usage(capitalized(origin) + " has '" + key.name() + "' of type " + type
                        + ", the table wants " + key.type() + ".");
            }
            if ((value.s() != null && value.s().isEmpty()) || (value.b() != null && value.b().asByteArrayUnsafe().length == 0)) {
                throw DynctlException.usage(capitalized(origin) + " has an empty '" + key.name() + "': key values cannot be empty.");
            }
        }
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
