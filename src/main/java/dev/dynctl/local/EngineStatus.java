package dev.dynctl.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.dynamo.Json;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The local engine as a user sees it. When it is not running only the port it would use, the
 * folders and a removed stale pid (if one was found) are known.
 */
public record EngineStatus(boolean running, Long pid, int port, Path data, boolean inMemory, Instant started,
                           Path home, Path log, Long stalePid) {

    static EngineStatus running(EngineRecord engine, EngineHome home) {
        return new EngineStatus(true, engine.pid(), engine.port(), engine.data(), engine.inMemory(), engine.started(),
                home.folder(), home.log(), null);
    }

    static EngineStatus notRunning(int port, EngineHome home, Long stalePid) {
        return new EngineStatus(false, null, port, null, false, null, home.folder(), home.log(), stalePid);
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
