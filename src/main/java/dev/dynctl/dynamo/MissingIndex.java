package dev.dynctl.dynamo;

import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import dev.dynctl.error.NearNames;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Checks a --index that must name a global index, for what only a global index has of its own:
 * metrics, Contributor Insights, capacity to scale. A local index shares the table's capacity.
 */
public final class MissingIndex {
    private MissingIndex() {
    }

    /**
     * Passes when the table has a global index of that name; otherwise not found (exit 3, naming
     * its global indexes), or a usage error for a local index.
     *
     * @param localReason why a local index will not do, after "'I' is a local index of table 'T': "
     */
    static void requireGlobal(TableDescription table, String index, String where, String localReason) {
        List<String> globals = table.globalSecondaryIndexes().stream().map(GlobalSecondaryIndexDescription::indexName).toList();
        if (globals.contains(index)) {
            return;
        }
        if (table.localSecondaryIndexes().stream().map(LocalSecondaryIndexDescription::indexName).anyMatch(index::equals)) {
            throw DynctlException.usage("'" + index + "' is a local index of table '" + table.tableName() + "': " + localReason + ".",
                    "Leave out --index.");
        }
        String known = globals.isEmpty() ? "Table '" + table.tableName() + "' has no global indexes."
                : "Its global indexes: " + String.join(", ", globals) + ".";
        List<String> near = NearNames.among(globals, index);
        throw new DynctlException(ExitCode.NOT_FOUND, "Index '" + index + "' not found on table '" + table.tableName() + "' in " + where + ".",
                near.isEmpty() ? known : NearNames.hint(near, known) + " " + known);
    }
}
