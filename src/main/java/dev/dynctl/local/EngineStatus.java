package dev.dynctl.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.codec.Json;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The local engine as a user sees it. When it is not running only the port it would use, the
 * folders and a removed stale pid (if one was found) are known. {@code requestedPort} is set when
 * DYNCTL_LOCAL_PORT (or dynctl.local.port) asks for another port than the running engine's.
 */
public record EngineStatus(boolean running, Long pid, int port, Path data, boolean inMemory, Instant started,
                           Path home, Path log, Long stalePid, Integer requestedPort) {

    static EngineStatus running(EngineRecord engine, EngineHome home) {
        return new EngineStatus(true, engine.pid(), engine.port(), engine.data(), engine.inMemory(), engine.started(),
                home.folder(), home.log(), null, null);
    }

    static EngineStatus notRunning(int port, EngineHome home, Long stalePid) {
        return new EngineStatus(false, null, port, null, false, null, home.folder(), home.log(), stalePid, null);
    }

    EngineStatus withRequestedPort(int requested) {
        return new EngineStatus(running, pid, port, data, inMemory, started, home, log, stalePid, requested);
    }

    public URI endpoint() {
        return PortProbe.endpoint(port);
    }

    public ObjectNode toJson() {
        ObjectNode json = Json.MAPPER.createObjectNode().put("running", running);
        if (running) {
            json.put("pid", pid).put("port", port).put("endpoint", endpoint().toString())
                    .put("data", data == null ? null : data.toString())
                    .put("inMemory", inMemory)
                    .put("started", started.toString());
            if (requestedPort != null) {
                json.put("requestedPort", requestedPort);
            }
        } else {
            json.put("port", port);
        }
        json.put("home", home.toString()).put("log", log.toString());
        if (stalePid != null) {
            json.put("stalePidFileRemoved", true);
        }
        return json;
    }
}
