package dev.dynctl.tail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.codec.AttributeCodec;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Identity;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/** A change as one JSON object: dynctl's own shape in plain JSON (--format json), or the stream's record in DynamoDB JSON (ddb-json). */
public final class ChangeJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xxx", Locale.ROOT);

    private ChangeJson() {
    }

    /**
     * {"event", "time", "sequenceNumber", "keys", "old", "new", "changed"}: items in plain JSON,
     * null where the stream does not record them; changed lists the attributes that differ (all of
     * them for an INSERT or a REMOVE), null when the stream's images cannot tell.
     */
    public static ObjectNode plain(ChangeRecord change) {
        ObjectNode json = NODES.objectNode();
        json.put("event", change.event());
        json.put("time", change.time() == null ? null : change.time().toString());
        json.put("sequenceNumber", change.sequenceNumber());
        json.set("keys", AttributeCodec.toJson(change.keys()));
        json.set("old", item(change.oldImage()));
        json.set("new", item(change.newImage()));
        ChangeDiff diff = ChangeDiff.of(change);
        if (diff == null) {
            json.putNull("changed");
        } else {
            ArrayNode changed = json.putArray("changed");
            diff.names().forEach(changed::add);
        }
        return json;
    }

    private static JsonNode item(Map<String, AttributeValue> item) {
        return item == null ? NODES.nullNode() : AttributeCodec.toJson(item);
    }

    /**
     * The record as aws dynamodbstreams get-records (AWS CLI v2) shows each of its Records: the
     * same keys in the same order, ApproximateCreationDateTime in ISO 8601 in {@code zone}.
     */
    public static ObjectNode dynamo(ChangeRecord change, ZoneId zone) {
        Record record = change.record();
        StreamRecord stream = record.dynamodb();
        ObjectNode json = NODES.objectNode();
        putText(json, "eventID", record.eventID());
        putText(json, "eventName", record.eventNameAsString());
        putText(json, "eventVersion", record.eventVersion());
        putText(json, "eventSource", record.eventSource());
        putText(json, "awsRegion", record.awsRegion());
        ObjectNode dynamodb = json.putObject("dynamodb");
        if (stream.approximateCreationDateTime() != null) {
            dynamodb.put("ApproximateCreationDateTime", isoTime(stream.approximateCreationDateTime(), zone));
        }
        dynamodb.set("Keys", AttributeCodec.toDynamoJson(stream.keys()));
        if (stream.hasNewImage()) {
            dynamodb.set("NewImage", AttributeCodec.toDynamoJson(stream.newImage()));
        }
        if (stream.hasOldImage()) {
            dynamodb.set("OldImage", AttributeCodec.toDynamoJson(stream.oldImage()));
        }
        putText(dynamodb, "SequenceNumber", stream.sequenceNumber());
        if (stream.sizeBytes() != null) {
            dynamodb.put("SizeBytes", stream.sizeBytes());
        }
        putText(dynamodb, "StreamViewType", stream.streamViewTypeAsString());
        Identity identity = record.userIdentity();
        if (identity != null) {
            ObjectNode user = json.putObject("userIdentity");
            putText(user, "PrincipalId", identity.principalId());
            putText(user, "Type", identity.type());
        }
        return json;
    }

    /** 2026-05-01T12:15:03+02:00, with microseconds when there is a fraction: Python's isoformat, which the AWS CLI prints. */
    private static String isoTime(Instant time, ZoneId zone) {
        ZonedDateTime local = time.atZone(zone);
        String fraction = local.getNano() / 1000 == 0 ? "" : String.format(Locale.ROOT, ".%06d", local.getNano() / 1000);
        return SECONDS.format(local) + fraction + OFFSET.format(local);
    }

    private static void putText(ObjectNode json, String name, String value) {
        if (value != null) {
            json.put(name, value);
        }
    }
}
