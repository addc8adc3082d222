package dev.dynctl.local;

import java.io.PrintWriter;
import java.net.URI;
import java.util.Map;

/** The local DynamoDB engine's lifecycle (being built). */
public final class LocalEngine {
    private final int port;

    private LocalEngine(int port) {
        this.port = port;
    }

    public static LocalEngine fromEnvironment(Map<String, String> env) {
        String port = System.getProperty("dynctl.local.port", env.getOrDefault("DYNCTL_LOCAL_PORT", "8000"));
        return new LocalEngine(Integer.parseInt(port));
    }

    /** Returns the engine's endpoint, starting the engine first if nothing listens on its port. */
    public URI ensureRunning(PrintWriter log) {
        return URI.create("http://127.0.0.1:" + port);
    }
}
