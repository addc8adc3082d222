package dev.dynctl.tail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.codec.Json;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A tail's checkpoint on disk (--checkpoint FILE): JSON with the stream's ARN and each shard's
 * position. Written to a temporary file (readable by its owner only: it names the account and the
 * table), forced to the disk and renamed over the old one, so that a crash or kill -9 at any moment
 * leaves either the old checkpoint or the new one, never half of one.
 */
public final class StreamCheckpointFile {
    private static final int VERSION = 1;
    private static final Set<StandardOpenOption> CREATE = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);

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
        Path temporary = path.resolveSibling(path.getFileName() + ".tmp");
        try {
            byte[] json = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(json(checkpoint));
            // a temporary file left by a kill may have been made with other permissions: made anew, it is the owner's only
            Files.deleteIfExists(temporary);
            try (FileChannel channel = FileChannel.open(temporary, CREATE, ownerOnly())) {
                ByteBuffer buffer = ByteBuffer.wrap(json);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new DynctlException(ExitCode.FAILURE, "Cannot write the checkpoint " + path + ": " + e.getMessage() + ".",
                    "Check that its folder exists and can be written, or pass another --checkpoint file.", e);
        }
    }

    private static FileAttribute<?>[] ownerOnly() {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
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
