package dev.dynctl.tail;

import java.time.Instant;

/**
 * How far a shard has been read, as a checkpoint remembers it: after the change with sequence
 * number {@code after}, stamped {@code time}; or, before any change was handled, from the changes
 * stamped {@code since} on (null: from the oldest one kept); or {@code finished}: read to its end,
 * or older than where the tail began.
 */
public record ShardPosition(String after, Instant time, Instant since, boolean finished) {
    /** From the oldest change the shard keeps (its trim horizon). */
    public static final ShardPosition HORIZON = new ShardPosition(null, null, null, false);
    public static final ShardPosition FINISHED = new ShardPosition(null, null, null, true);

    /** Nothing handled yet, and nothing stamped before {@code moment} wanted. */
    public static ShardPosition since(Instant moment) {
        return new ShardPosition(null, null, moment, false);
    }

    /** Just after {@code change}. */
    public static ShardPosition after(ChangeRecord change) {
        return new ShardPosition(change.sequenceNumber(), change.time(), null, false);
    }
}
