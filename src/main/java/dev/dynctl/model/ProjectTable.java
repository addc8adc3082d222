package dev.dynctl.model;

import java.util.Optional;

/**
 * A table of the project file.
 *
 * @param logicalName its key under {@code tables:}, what the rest of the file calls it
 * @param name the real DynamoDB table name ({@code name:}, by default the logical name)
 * @param schema null when the table has no {@code schema:}
 */
public record ProjectTable(String logicalName, String name, TableSchema schema) {
    public Optional<TableSchema> tableSchema() {
        return Optional.ofNullable(schema);
    }
}
