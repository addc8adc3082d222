package dev.dynctl.tail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The order a stream's shards are read in. DynamoDB closes shards as it splits and rolls them
 * over, and the children of a closed shard carry on with its keys: a key's changes in a child come
 * after its changes in the parent. So a shard starts only once its parent has been read to its end,
 * or when its parent is not in the stream (trimmed away after 24 hours, or never listed); shards
 * whose parents are done do not depend on each other and are read at the same time.
 */
public final class ShardLineage {
    /** A shard as DescribeStream lists it: its parent (null for none) and whether it is closed (has an ending sequence number). */
    public record Shard(String id, String parentId, boolean closed) {
    }

    private enum State { PENDING, STARTED, FINISHED }

    /** The shards the stream lists now, in the order it lists them. */
    private final Map<String, Shard> listed = new LinkedHashMap<>();
    private final Map<String, State> states = new LinkedHashMap<>();

    /**
     * What the latest DescribeStream listed (all its pages). New shards wait for their parents.
     * A shard no longer listed has been trimmed: forgotten unless it is being read, so that its
     * children no longer wait for it.
     */
    public synchronized void update(List<Shard> shards) {
        listed.clear();
        shards.forEach(shard -> listed.put(shard.id(), shard));
        states.keySet().removeIf(id -> !listed.containsKey(id) && states.get(id) != State.STARTED);
        shards.forEach(shard -> states.putIfAbsent(shard.id(), State.PENDING));
    }

    /** Takes the shards that may be read now (their parents done or gone) and marks them started. */
    public synchronized List<Shard> startReady() {
        List<Shard> ready = new ArrayList<>();
        for (Shard shard : listed.values()) {
            if (states.get(shard.id()) == State.PENDING && parentDone(shard)) {
                ready.add(shard);
            }
        }
        ready.forEach(shard -> states.put(shard.id(), State.STARTED));
        return ready;
    }

    private boolean parentDone(Shard shard) {
        State parent = shard.parentId() == null ? null : states.get(shard.parentId());
        return parent == null || parent == State.FINISHED;
    }

    /** The shard has been read to its end (or is not to be read: older than where the tail begins); its children may start. */
    public synchronized void finished(String id) {
        states.put(id, State.FINISHED);
    }
}
