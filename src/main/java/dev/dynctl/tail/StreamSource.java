package dev.dynctl.tail;

import dev.dynctl.dynamo.MissingTable;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * A table's change stream as DescribeTable tells it: its ARN, what its records hold (keys only,
 * the item after, before, or both) and the table's key attributes, partition key first.
 */
public record StreamSource(String table, String streamArn, StreamViewType viewType, List<String> keyNames) {
    public StreamSource {
        keyNames = List.copyOf(keyNames);
    }

    /**
     * The stream of {@code table}. A table that does not exist is exit 3 with the near names; so
     * is a table without a stream, with the command that turns one on.
     *
     * @param where where requests go, for the messages
     */
    public static StreamSource of(DynamoDbClient dynamo, String table, String where) {
        TableDescription description;
        try {
            description = dynamo.describeTable(b -> b.tableName(table)).table();
        } catch (ResourceNotFoundException e) {
            throw MissingTable.error(dynamo, table, where);
        }
        StreamSpecification stream = description.streamSpecification();
        if (stream == null || !Boolean.TRUE.equals(stream.streamEnabled()) || description.latestStreamArn() == null) {
            throw new DynctlException(ExitCode.NOT_FOUND, "Table '" + table + "' has no stream (in " + where + "): "
                    + "it records no changes to tail.",
                    "Turn its stream on: dynctl table update " + table + " --stream both "
                            + "(both: items before and after each change; new, old or keys record less).");
        }
        List<String> keys = description.keySchema().stream()
                .sorted((a, b) -> Boolean.compare(a.keyType() != KeyType.HASH, b.keyType() != KeyType.HASH))
                .map(k -> k.attributeName())
                .toList();
        return new StreamSource(table, description.latestStreamArn(), stream.streamViewType(), keys);
    }
}
