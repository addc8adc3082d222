package dev.dynctl.dynamo;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;

/**
 * A table as `describe` shows it: DescribeTable plus the settings other calls hold (TTL,
 * point-in-time recovery, tags). Those are null when not read, e.g. for a table being deleted.
 */
public record TableDetails(TableDescription table, TimeToLiveDescription ttl, PointInTimeRecoveryDescription pointInTimeRecovery,
                           Map<String, String> tags) {

    /** Just the DescribeTable part, as CreateTable and DeleteTable return it. */
    public static TableDetails of(TableDescription table) {
        return new TableDetails(table, null, null, null);
    }
}
