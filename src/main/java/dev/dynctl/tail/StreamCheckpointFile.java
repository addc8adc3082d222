package dev.dynctl.tail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.codec.Json;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import dev.dynctl.files.AtomicFile;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A tail's checkpoint on disk (--checkpoint FILE): JSON with the stream's ARN and each shard's
 * position, written all at once ({@link AtomicFile}: the old checkpoint or the new one, never half of
 * one; readable by its owner only), and taken by one run at a time ({@link #lock}).
 */
public final class StreamCheckpointFile {
    private static final int VERSION = 1;

    private final Path path;

    public StreamCheckpointFile(Path path) {
        this.path = path.toAbsolutePath().normalize();
    }

    public Path path() {
        return path;
    }

    /** The checkpoint the file holds; empty when there is no file yet (the first run). */
    public Optional<StreamCheckpoint> read() {
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(path.toFile());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (JsonProcessingException e) {
            throw unreadable(e.getOriginalMessage());
        } catch (IOException e) {
            if (!Files.exists(path)) {
                return Optional.empty();
            }
            throw unreadable(e.getMessage());
        }
        if (json == null || !json.isObject() || json.path("version").asInt() != VERSION || !json.path("streamArn").isTextual()
                || !json.path("table").isTextual() || !json.path("shards").isObject()) {
            throw unreadable("it is not a checkpoint of dynctl tail table");
        }
        Map<String, ShardPosition> shards = new LinkedHashMap<>();
        json.get("shards").fields().forEachRemaining(shard -> shards.put(shard.getKey(), position(shard.getValue())));
        return Optional.of(new StreamCheckpoint(json.get("table").textValue(), json.get("streamArn").textValue(), shards));
    }

    private ShardPosition position(JsonNode shard) {
        if (shard.path("finished").asBoolean()) {
            return ShardPosition.FINISHED;
        }
        return new ShardPosition(text(shard, "after"), instant(shard, "time"), instant(shard, "since"), false);
    }

    private static String text(JsonNode shard, String field) {
        JsonNode value = shard.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private Instant instant(JsonNode shard, String field) {
        String text = text(shard, field);
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw unreadable("its " + field + " '" + text + "' is not a time");
        }
    }

    private DynctlException unreadable(String why) {
        return new DynctlException(ExitCode.USAGE, "Cannot read the checkpoint " + path + ": " + why + ".",
                "Pass another --checkpoint file, or delete this one to start over.");
    }

    public void write(StreamCheckpoint checkpoint) {
        try {
            AtomicFile.write(path, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(json(checkpoint)));
        } catch (IOException e) {
            throw new DynctlException(ExitCode.FAILURE, "Cannot write the checkpoint " + path + ": " + e.getMessage() + ".",
                    "Check that its folder exists and can be written, or pass another --checkpoint file.", e);
        }
    }

    /**
     * Takes the checkpoint for one run: a second tail on the same file at the same time would
     * write over the first's positions. The lock is on FILE.lock beside it (the checkpoint itself
     * is replaced at every write), which is left there: deleting it would let two runs lock two
     * different files of one name. Exit 2 when another run holds it, or when the checkpoint cannot
     * be kept where it is to be ({@link #checkPlace}): said before anything is read, not at the
     * first write after changes were printed (a cron job's {@code >> changes.jsonl} would get them
     * again at the next run).
     */
    public Lock lock() {
        checkPlace();
        Path lockPath = path.resolveSibling(path.getFileName() + ".lock");
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return new Lock(channel);
            }
        } catch (OverlappingFileLockException e) {
            // held by another tail in this process (the shell)
        } catch (IOException e) {
            close(channel);
            throw new DynctlException(ExitCode.FAILURE, "Cannot lock the checkpoint " + path + " (" + lockPath + "): " + e.getMessage()
                    + ".", "Check that its folder exists and can be written, or pass another --checkpoint file.", e);
        }
        close(channel);
        throw new DynctlException(ExitCode.USAGE, "The checkpoint " + path + " is in use by another dynctl tail (it holds " + lockPath
                + ").", "Let that one end first, or pass another --checkpoint file.");
    }

    /**
     * FILE is a file (or none yet) in a folder that exists and can be written: the checkpoint is
     * renamed into it at every write, and its lock made beside it. Exit 2 naming what is wrong.
     */
    private void checkPlace() {
        if (Files.isDirectory(path)) {
            throw new DynctlException(ExitCode.USAGE, "The checkpoint " + path + " is a folder: --checkpoint takes a file.",
                    "Pass a file, e.g. --checkpoint " + path.resolve("orders.tail") + ".");
        }
        Path folder = path.getParent();
        String cannot = "Cannot keep the checkpoint " + path + ": ";
        if (!Files.exists(folder)) {
            throw new DynctlException(ExitCode.USAGE, cannot + "folder " + folder + " does not exist.",
                    "Make it (mkdir -p " + folder + "), or pass another --checkpoint file.");
        }
        if (!Files.isDirectory(folder)) {
            throw new DynctlException(ExitCode.USAGE, cannot + folder + " is not a folder.", "Pass another --checkpoint file.");
        }
        if (!Files.isWritable(folder)) {
            throw new DynctlException(ExitCode.USAGE, cannot + "folder " + folder + " cannot be written (no permission).",
                    "Pass a --checkpoint file in a folder you can write.");
        }
    }

    private static void close(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // it was only opened to be locked
            }
        }
    }

    /** A checkpoint taken for one run; closing it lets the next run have it. */
    public static final class Lock implements AutoCloseable {
        private final FileChannel channel;

        private Lock(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public void close() {
            StreamCheckpointFile.close(channel);
        }
    }

    private static ObjectNode json(StreamCheckpoint checkpoint) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("version", VERSION);
        json.put("table", checkpoint.table());
        json.put("streamArn", checkpoint.streamArn());
        ObjectNode shards = json.putObject("shards");
        checkpoint.shards().forEach((id, position) -> {
            ObjectNode shard = shards.putObject(id);
            if (position.finished()) {
                shard.put("finished", true);
                return;
            }
            if (position.after() != null) {
                shard.put("after", position.after());
            }
            if (position.time() != null) {
                shard.put("time", position.time().toString());
            }
            if (position.since() != null) {
                shard.put("since", position.since().toString());
            }
        });
        return json;
    }
}
