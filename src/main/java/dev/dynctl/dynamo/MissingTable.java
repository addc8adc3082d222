package dev.dynctl.dynamo;

import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import dev.dynctl.error.NearNames;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The "table not found" error: names where we looked and the closest table names that do exist. */
public final class MissingTable {
    private MissingTable() {
    }

    public static DynctlException error(DynamoDbClient client, String table, String where) {
        List<String> near = nearNames(client, table);
        String hint = NearNames.hint(near, "List tables with 'dynctl table list' (check --region / --profile / --local).");
        return new DynctlException(ExitCode.NOT_FOUND, "Table '" + table + "' not found in " + where + ".", hint);
    }

    static List<String> nearNames(DynamoDbClient client, String table) {
        try {
            return NearNames.among(client.listTablesPaginator(b -> b.limit(100)).tableNames().stream().limit(1000).toList(), table);
        } catch (SdkException e) {
            return List.of();
        }
    }
}
