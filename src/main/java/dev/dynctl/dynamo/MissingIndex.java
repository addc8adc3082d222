package dev.dynctl.dynamo;

import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import dev.dynctl.error.NearNames;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Checks a --index that must name a global index, for what CloudWatch and Contributor Insights
 * keep per global index. A local index has none of its own: it shares the table's capacity.
 */
public final class MissingIndex {
    private MissingIndex() {
    }

    /** Passes when the table has a global index of that name; otherwise not found (exit 3, naming its global indexes), or a usage error for a local index. */
    static void requireGlobal(TableDescription table, String index, String where) {
        List<String> globals = table.globalSecondaryIndexes().stream().map(GlobalSecondaryIndexDescription::indexName).toList();
        if (globals.contains(index)) {
            return;
        }
        if (table.localSecondaryIndexes().stream().map(LocalSecondaryIndexDescription::indexName).anyMatch(index::equals)) {
            throw DynctlException.usage("'" + index + "' is a local index of table '" + table.tableName()
                    + "': it has no metrics of its own, its reads and writes count in the table's.", "Leave out --index.");
        }
        String known = globals.isEmpty() ? "Table '" + table.tableName() + "' has no global indexes."
                : "Its global indexes: " + String.join(", ", globals) + ".";
        List<String> near = NearNames.among(globals, index);
        throw new DynctlException(ExitCode.NOT_FOUND, "Index '" + index + "' not found on table '" + table.tableName() + "' in " + where + ".",
                near.isEmpty() ? known : NearNames.hint(near, known) + " " + known);
    }
}
