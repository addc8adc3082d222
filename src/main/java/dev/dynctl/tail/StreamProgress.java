package dev.dynctl.tail;

import dev.dynctl.dynamo.expression.Condition;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * What a tail has printed, and from where it would go on. Every change passes through here, one
 * shard's batch at a time under one lock, so that --max counts exactly across shards read at the
 * same time and the checkpoint always holds, for each shard, the last change printed or passed
 * over (by --filter), never one beyond it. The checkpoint is written after each batch that moved.
 */
final class StreamProgress {
    /** Why a tail stops before its shards run out. */
    enum Stop { MAX, INTERRUPTED, OUTPUT_CLOSED, FAILED }

    private final StreamSource source;
    private final ChangeSink sink;
    private final Condition filter;
    private final TailEnd end;
    private final StreamCheckpointFile file;
    private final Consumer<String> warnings;
    private final Runnable wake;
    private final Map<String, ShardPosition> positions;
    private long printed;
    private volatile Stop stop;

    /**
     * @param filter the --filter condition, or null
     * @param file the --checkpoint file, or null
     * @param saved the checkpoint's positions (empty for none)
     * @param warnings where to say that changes were lost
     * @param wake called when the tail stops, to wake whoever waits for it
     */
    StreamProgress(StreamSource source, ChangeSink sink, Condition filter, TailEnd end, StreamCheckpointFile file,
                   Map<String, ShardPosition> saved, Consumer<String> warnings, Runnable wake) {
        this.source = source;
        this.sink = sink;
        this.filter = filter;
        this.end = end;
        this.file = file;
        this.warnings = warnings;
        this.wake = wake;
        this.positions = new LinkedHashMap<>(saved);
    }

    /** Where {@code shardId} stands; null for a shard not met before. */
    synchronized ShardPosition position(String shardId) {
        return positions.get(shardId);
    }

    synchronized long printed() {
        return printed;
    }

    /** Why the tail stops, or null while it goes on. */
    Stop stopped() {
        return stop;
    }

    /** Stops the tail (the first reason is kept): readers print nothing more. */
    void stop(Stop why) {
        synchronized (this) {
            if (stop == null) {
                stop = why;
            }
        }
        wake.run();
    }

    /** A shard starts being read from {@code position}, which the checkpoint says from now on. */
    synchronized void start(String shardId, ShardPosition position) {
        positions.put(shardId, position);
        save();
    }

    /** Where each of these shards starts (a tail's beginning), written to the checkpoint at once, in one write. */
    synchronized void startAll(Map<String, ShardPosition> starts) {
        positions.putAll(starts);
        save();
    }

    /** A shard has been read to its end, or is older than where the tail began: a restart does not read it. */
    synchronized void finish(String shardId) {
        positions.put(shardId, ShardPosition.FINISHED);
        save();
    }

    /**
     * Prints what of {@code records} is wanted, in order. Changes stamped after --until are not
     * printed, and neither is anything once the tail stops.
     *
     * @param skipBefore changes stamped before it are passed over (a restart of a tail that began
     *                   at the latest change and printed nothing yet); null for none
     * @return true to go on reading the shard; false when it reached --until or the tail stopped
     */
    synchronized boolean deliver(String shardId, List<Record> records, Instant skipBefore) {
        ShardPosition position = positions.get(shardId);
        boolean moved = false;
        boolean goOn = true;
        for (Record record : records) {
            ChangeRecord change = new ChangeRecord(record, source.keyNames());
            if (stop != null || end.until() != null && change.time() != null && change.time().isAfter(end.until())) {
                goOn = false;
                break;
            }
            boolean skipped = skipBefore != null && change.time() != null && change.time().isBefore(skipBefore);
            if (!skipped && (filter == null || filter.matches(change.filtered()))) {
                if (!sink.print(change)) {
                    stop(Stop.OUTPUT_CLOSED);
                    goOn = false;
                    break;
                }
                printed++;
            }
            position = ShardPosition.after(change);
            moved = true;
            if (end.full(printed)) {
                stop(Stop.MAX);
                goOn = false;
                break;
            }
        }
        if (moved) {
            positions.put(shardId, position);
            save();
        }
        return goOn;
    }

    /**
     * DynamoDB trimmed the changes the shard was to be read from (they are kept 24 hours): says
     * what was lost, and goes on from the oldest change kept.
     */
    synchronized void trimmed(String shardId) {
        warnings.accept("the changes of shard " + shardId + " after " + since(positions.get(shardId))
                + " were trimmed before they were read (DynamoDB keeps a stream's changes for 24 hours), and some were lost. "
                + "Going on from the oldest change kept.");
        positions.put(shardId, ShardPosition.HORIZON);
        save();
    }

    /**
     * The stream lists just these shards now: the others were trimmed away and are forgotten. One
     * that had not been read to its end lost its unread changes, which is said.
     *
     * @return true when some were forgotten: the checkpoint is to be written
     */
    synchronized boolean keepOnly(Set<String> listed) {
        boolean forgotten = positions.entrySet().removeIf(entry -> {
            if (listed.contains(entry.getKey())) {
                return false;
            }
            warnLost(entry.getKey(), entry.getValue());
            return true;
        });
        return forgotten;
    }

    /** The shard is no longer in the stream (its reading found it gone): what it held unread is lost, and it is done. */
    synchronized void gone(String shardId) {
        warnLost(shardId, positions.get(shardId));
        finish(shardId);
    }

    private void warnLost(String shardId, ShardPosition position) {
        if (position != null && !position.finished()) {
            warnings.accept("shard " + shardId + " is no longer in the stream (DynamoDB keeps a stream's changes for 24 hours): "
                    + "the changes it held after " + since(position) + " that were not read yet were lost.");
        }
    }

    /** "2026-05-01T10:15:03Z (30 hours ago)": the last change handled, or where reading began. */
    private static String since(ShardPosition position) {
        Instant moment = position == null ? null : position.time() != null ? position.time() : position.since();
        if (moment == null) {
            return "where the tail began";
        }
        long hours = Duration.between(moment, Instant.now()).toHours();
        return moment + " (" + (hours == 1 ? "1 hour" : hours + " hours") + " ago)";
    }

    /** Writes the checkpoint, when there is a checkpoint file. */
    synchronized void save() {
        if (file != null) {
            file.write(new StreamCheckpoint(source.table(), source.streamArn(), positions));
        }
    }
}
