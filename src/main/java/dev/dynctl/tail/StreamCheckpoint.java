package dev.dynctl.tail;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a checkpoint file holds: the stream it belongs to and how far each of its shards has been
 * read. A stream's ARN names the table and the moment its stream was turned on, so a checkpoint
 * never resumes another table's stream, nor a stream turned off and on again.
 */
public record StreamCheckpoint(String table, String streamArn, Map<String, ShardPosition> shards) {
    public StreamCheckpoint {
        // in the order the shards were met, which the file keeps
        shards = Collections.unmodifiableMap(new LinkedHashMap<>(shards));
    }

    /** Why this checkpoint does not belong to {@code source}'s stream, or null when it does. */
    public String mismatch(StreamSource source) {
        if (streamArn.equals(source.streamArn())) {
            return null;
        }
        if (!table.equals(source.table())) {
            return "it is for table " + table + ", not " + source.table();
        }
        return "it is for the stream " + streamArn + ", and the table's stream now is " + source.streamArn()
                + " (turned off and on again since, or in another region or account)";
    }
}
