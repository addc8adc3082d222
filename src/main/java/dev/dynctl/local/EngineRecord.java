package dev.dynctl.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.codec.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;

/**
 * What the pid file (engine.json) says about a started engine. {@code data} is null for an
 * in-memory engine.
 */
record EngineRecord(long pid, int port, Path data, boolean inMemory, Instant started) {

    URI endpoint() {
        return PortProbe.endpoint(port);
    }

    /**
     * The recorded process, if it still runs and is still our engine: pids get reused, and a killed
     * engine nobody reaped lingers as a zombie, which has no command line.
     */
    Optional<ProcessHandle> process() {
        if (pid <= 0) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(c -> c.contains(EngineHome.SCRIPT)).orElse(false));
    }

    /** The pid file's content; empty when there is none or it cannot be read (treated as stale). */
    static Optional<EngineRecord> read(Path file) {
        try {
            JsonNode json = Json.MAPPER.readTree(Files.readString(file));
            JsonNode data = json.path("data");
            return Optional.of(new EngineRecord(
                    json.path("pid").asLong(),
                    json.path("port").asInt(),
                    data.isTextual() ? Path.of(data.asText()) : null,
                    json.path("inMemory").asBoolean(),
                    Instant.parse(json.path("started").asText())));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            // hand-edited or damaged: whatever it named cannot be trusted to be our engine, so it is stale
            return Optional.of(new EngineRecord(0, 0, null, false, Instant.EPOCH));
        }
    }

    void write(Path file) {
        ObjectNode json = Json.MAPPER.createObjectNode()
                .put("pid", pid)
                .put("port", port)
                .put("data", data == null ? null : data.toString())
                .put("inMemory", inMemory)
                .put("started", started.toString());
        try {
            Path temporary = Files.createTempFile(file.getParent(), "engine", ".tmp");
            Files.writeString(temporary, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw EngineHome.cannotWrite(file, e);
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw EngineHome.cannotWrite(file, e);
        }
    }
}
