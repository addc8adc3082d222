package dev.dynctl.tail;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Identity;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/**
 * One change of a table as its stream recorded it: INSERT, MODIFY or REMOVE of the item with
 * these keys, the item before and after as far as the stream's view records them, and where the
 * change sits in its shard.
 *
 * @param keyNames the table's key attributes, partition key first: keys and items show them first
 */
public record ChangeRecord(Record record, List<String> keyNames) {
    /** Who removes an item whose time to live has passed. */
    private static final String TTL_PRINCIPAL = "dynamodb.amazonaws.com";

    public ChangeRecord {
        keyNames = List.copyOf(keyNames);
    }

    /** INSERT, MODIFY or REMOVE. */
    public String event() {
        return record.eventNameAsString();
    }

    /** When DynamoDB recorded the change (to the second, as the stream keeps it). */
    public Instant time() {
        return stream().approximateCreationDateTime();
    }

    public String sequenceNumber() {
        return stream().sequenceNumber();
    }

    public Map<String, AttributeValue> keys() {
        return keysFirst(stream().keys());
    }

    /** The item before the change; null when there was none (INSERT) or the stream does not record it. */
    public Map<String, AttributeValue> oldImage() {
        return stream().hasOldImage() ? keysFirst(stream().oldImage()) : null;
    }

    /** The item after the change; null when there is none (REMOVE) or the stream does not record it. */
    public Map<String, AttributeValue> newImage() {
        return stream().hasNewImage() ? keysFirst(stream().newImage()) : null;
    }

    /** True for a REMOVE that DynamoDB made itself because the item's time to live had passed. */
    public boolean expired() {
        Identity identity = record.userIdentity();
        return identity != null && TTL_PRINCIPAL.equals(identity.principalId()) && "Service".equals(identity.type());
    }

    /**
     * What --filter is decided on: the item after the change, before it for a REMOVE; the keys
     * alone when the stream does not record that image.
     */
    public Map<String, AttributeValue> filtered() {
        Map<String, AttributeValue> image = "REMOVE".equals(event()) ? oldImage() : newImage();
        return image != null ? image : keys();
    }

    public StreamRecord stream() {
        return record.dynamodb();
    }

    /** The attributes with the key attributes first, then the others in the order the stream gave them. */
    private Map<String, AttributeValue> keysFirst(Map<String, AttributeValue> attributes) {
        Map<String, AttributeValue> ordered = new LinkedHashMap<>();
        keyNames.forEach(name -> {
            if (attributes.containsKey(name)) {
                ordered.put(name, attributes.get(name));
            }
        });
        ordered.putAll(attributes);
        return ordered;
    }
}
