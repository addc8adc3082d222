package dev.dynctl.bulk;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.dynctl.codec.Json;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import dev.dynctl.files.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The checkpoint of an import on disk, written all at once ({@link AtomicFile}: the old checkpoint
 * or the new one, never half of one; readable by its owner only).
 */
public final class CheckpointFile {
    public static final String SUFFIX = ".import-checkpoint.json";

    private final Path path;

    public CheckpointFile(Path path) {
        this.path = path.toAbsolutePath().normalize();
    }

    /** The default place: beside the input, "users.jsonl.gz.import-checkpoint.json". */
    public static CheckpointFile besides(Path input) {
        Path absolute = input.toAbsolutePath().normalize();
        return new CheckpointFile(absolute.resolveSibling(absolute.getFileName() + SUFFIX));
    }

    public Path path() {
        return path;
    }

    public boolean exists() {
        return Files.exists(path);
    }

    public Checkpoint read() {
        try {
            Checkpoint checkpoint = Json.MAPPER.readValue(path.toFile(), Checkpoint.class);
            if (checkpoint.version() != Checkpoint.VERSION || checkpoint.input() == null || checkpoint.table() == null) {
                throw unreadable("it is not a checkpoint this version of dynctl wrote");
            }
            return checkpoint;
        } catch (JsonProcessingException e) {
            throw unreadable(e.getOriginalMessage());
        } catch (IOException e) {
            throw unreadable(e.getMessage());
        }
    }

    private DynctlException unreadable(String why) {
        return new DynctlException(ExitCode.USAGE, "Cannot read the checkpoint " + path + ": " + why + ".",
                "Pass --restart to start the import over (items already written are written again).");
    }

    public void write(Checkpoint checkpoint) {
        try {
            AtomicFile.write(path, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(checkpoint));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint " + path, e);
        }
    }

    public void delete() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the checkpoint " + path, e);
        }
    }
}
