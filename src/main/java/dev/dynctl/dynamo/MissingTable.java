package dev.dynctl.dynamo;

import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import dev.dynctl.error.NearNames;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** The "table not found" error: names where we looked and the closest table names that do exist. */
public final class MissingTable {
    private MissingTable() {
    }

    public static DynctlException error(DynamoDbClient client, String table, String where) {
        List<String> near = nearNames(client, table);
        String hint = NearNames.hint(near, "List tables with 'dynctl table list' (check --region / --profile / --local).");
        return new DynctlException(ExitCode.NOT_FOUND, "Table '" + table + "' not found in " + where + ".", hint);
    }

    /** DescribeTable; a table that does not exist is {@link #error} (exit 3, with the near names). */
    static TableDescription describe(DynamoDbClient client, String table, String where) {
        TableDescription description = TableService.describeOrNull(client, table);
        if (description == null) {
            throw error(client, table, where);
        }
        return description;
    }

    static List<String> nearNames(DynamoDbClient client, String table) {
        try {
            return NearNames.among(client.listTablesPaginator(b -> b.limit(100)).tableNames().stream().limit(1000).toList(), table);
        } catch (SdkException e) {
            return List.of();
        }
    }
}
