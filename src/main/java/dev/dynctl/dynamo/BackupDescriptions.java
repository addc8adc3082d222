package dev.dynctl.dynamo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.codec.Json;
import java.time.Instant;
import software.amazon.awssdk.services.dynamodb.model.BackupDescription;
import software.amazon.awssdk.services.dynamodb.model.BackupDetails;
import software.amazon.awssdk.services.dynamodb.model.BackupSummary;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryDescription;
import software.amazon.awssdk.services.dynamodb.model.SourceTableDetails;

/**
 * The shape native backups are shown in: one flat row per backup for list, one document for
 * create, describe and delete, and one for a table's point-in-time recovery. Field names are
 * dynctl's (camelCase, as in table documents); DynamoDB's own words (AVAILABLE, USER) stay as they are.
 */
public final class BackupDescriptions {
    private BackupDescriptions() {
    }

    public static ObjectNode row(BackupSummary b) {
        ObjectNode row = Json.MAPPER.createObjectNode();
        row.put("name", b.backupName());
        row.put("table", b.tableName());
        row.put("status", b.backupStatusAsString());
        row.put("type", b.backupTypeAsString());
        putInstant(row, "created", b.backupCreationDateTime());
        putLong(row, "sizeBytes", b.backupSizeBytes());
        putInstant(row, "expires", b.backupExpiryDateTime());
        row.put("arn", b.backupArn());
        return row;
    }

    /** What CreateBackup answers: the backup, and the table it is of. */
    public static ObjectNode details(BackupDetails b, String table) {
        ObjectNode doc = Json.MAPPER.createObjectNode();
        doc.put("name", b.backupName());
        doc.put("table", table);
        doc.put("status", b.backupStatusAsString());
        doc.put("type", b.backupTypeAsString());
        putInstant(doc, "created", b.backupCreationDateTime());
        putLong(doc, "sizeBytes", b.backupSizeBytes());
        putInstant(doc, "expires", b.backupExpiryDateTime());
        doc.put("arn", b.backupArn());
        return doc;
    }

    /** The backup with the table it was taken of (keys, billing, item count at the time). */
    public static ObjectNode document(BackupDescription description) {
        SourceTableDetails source = description.sourceTableDetails();
        ObjectNode doc = details(description.backupDetails(), source == null ? null : source.tableName());
        if (source != null) {
            ObjectNode table = doc.putObject("source");
            table.put("name", source.tableName());
            table.put("arn", source.tableArn());
            putInstant(table, "created", source.tableCreationDateTime());
            // the source's key names only: a backup does not record their types
            source.keySchema().forEach(k -> table.put(k.keyType() == KeyType.HASH ? "partitionKey" : "sortKey", k.attributeName()));
            putLong(table, "itemCount", source.itemCount());
            putLong(table, "sizeBytes", source.tableSizeBytes());
            table.put("billingMode", source.billingModeAsString());
        }
        return doc;
    }

    /** A table's point-in-time recovery: status and the window a restore can go back to. */
    public static ObjectNode pointInTimeRecovery(String table, PointInTimeRecoveryDescription pitr) {
        ObjectNode doc = Json.MAPPER.createObjectNode();
        doc.put("table", table);
        doc.put("status", pitr.pointInTimeRecoveryStatusAsString());
        putInstant(doc, "earliestRestorable", pitr.earliestRestorableDateTime());
        putInstant(doc, "latestRestorable", pitr.latestRestorableDateTime());
        if (pitr.recoveryPeriodInDays() != null) {
            doc.put("recoveryPeriodDays", pitr.recoveryPeriodInDays());
        }
        return doc;
    }

    private static void putInstant(ObjectNode node, String field, Instant value) {
        if (value != null) {
            node.put(field, value.toString());
        }
    }

    private static void putLong(ObjectNode node, String field, Long value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
