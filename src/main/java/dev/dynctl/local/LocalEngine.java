package dev.dynctl.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The local DynamoDB engine's lifecycle: {@code local start | stop | status} and the start-on-demand
 * behind {@code --local}.
 *
 * <p>The engine is moto server (Python), not AWS's DynamoDB Local: DynamoDB Local's licence rules
 * it out for dynctl. moto keeps its state in memory, so the bootstrap script shipped in dynctl's
 * jar (dynctl-engine.py) snapshots moto's DynamoDB state to the data folder and loads it on start.
 * The engine runs as a separate process that outlives dynctl, so later commands are fast and its
 * Python dependencies never touch dynctl's classpath. Its pid and port are kept in engine.json in
 * the per-user engine folder; see docs/local-engine.md.
 */
public final class LocalEngine {
    public static final int DEFAULT_PORT = 8000;
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final EngineHome home;
    private final PortSetting port;
    private final EngineLauncher launcher;

    private LocalEngine(EngineHome home, PortSetting port, Python python) {
        this.home = home;
        this.port = port;
        this.launcher = new EngineLauncher(home, python);
    }

    /**
     * The engine configured by system properties or else the environment: dynctl.local.home /
     * DYNCTL_LOCAL_HOME, dynctl.local.port / DYNCTL_LOCAL_PORT, dynctl.python / DYNCTL_PYTHON.
     */
    public static LocalEngine fromEnvironment(Map<String, String> env) {
        return new LocalEngine(EngineHome.resolve(env), portSetting(env), Python.fromEnvironment(env));
    }

    private static PortSetting portSetting(Map<String, String> env) {
        String property = System.getProperty(PortSetting.PROPERTY);
        if (property != null && !property.isBlank()) {
            return PortSetting.parse(property, PortSetting.PROPERTY);
        }
        String variable = env.get(PortSetting.VARIABLE);
        if (variable != null && !variable.isBlank()) {
            return PortSetting.parse(variable, PortSetting.VARIABLE);
        }
        return PortSetting.byDefault();
    }

    public static int validPort(int port) {
        if (port < 1 || port > 65535) {
            throw DynctlException.usage("Port " + port + " is not a port number (1-65535).");
        }
        return port;
    }

    /** The running engine, if any; noting when the configured port asks for another one. */
    public EngineReport status() {
        try (EngineHome.Lock lock = home.lock()) {
            Found found = find(port.port());
            if (found.engine == null) {
                return notRunning(found);
            }
            EngineRecord engine = found.engine;
            String summary = "The local engine is running " + describe(engine) + ".";
            if (port.contradicts(engine.port())) {
                return new EngineReport(summary + " " + port.mismatchNote(engine.port()),
                        EngineStatus.running(engine, home).withRequestedPort(port.port()));
            }
            return new EngineReport(summary, EngineStatus.running(engine, home));
        }
    }

    /**
     * Starts the engine unless it runs already. Null arguments mean "as configured"; a running
     * engine whose settings differ from explicit ones is an error rather than silently kept.
     */
    public EngineReport start(Integer requestedPort, Path requestedData, boolean inMemory) {
        PortSetting wanted = requestedPort == null ? port : new PortSetting(validPort(requestedPort), PortSetting.OPTION);
        int startPort = wanted.port();
        Path data = (requestedData == null ? home.defaultData() : requestedData).toAbsolutePath().normalize();
        try (EngineHome.Lock lock = home.lock()) {
            Found found = find(startPort);
            if (found.engine != null) {
                EngineRecord engine = found.engine;
                if (wanted.contradicts(engine.port())) {
                    throw wanted.mismatch(engine.port());
                }
                boolean differs = requestedData != null && !data.equals(engine.data())
                        || inMemory && !engine.inMemory();
                if (differs) {
                    throw new DynctlException(ExitCode.FAILURE, "The local engine is already running " + describe(engine) + ".",
                            "Stop it first to start it with other settings: dynctl local stop");
                }
                return new EngineReport("The local engine is already running " + describe(engine) + ".",
                        EngineStatus.running(engine, home));
            }
            if (PortProbe.listening(startPort)) {
                throw PortInUse.error(startPort);
            }
            EngineRecord engine = launch(startPort, data, inMemory);
            return new EngineReport(staleNote(found) + "Started the local engine " + describe(engine) + ".",
                    EngineStatus.running(engine, home));
        }
    }

    /** Stops this folder's engine, whatever port it runs on. */
    public EngineReport stop() {
        try (EngineHome.Lock lock = home.lock()) {
            Found found = find(port.port());
            if (found.engine == null) {
                return notRunning(found);
            }
            EngineRecord engine = found.engine;
            boolean clean = engine.process().map(p -> EngineLauncher.stop(p, STOP_GRACE)).orElse(true);
            EngineRecord.delete(home.pidFile());
            String how = clean ? "." : "; it did not exit within " + STOP_GRACE.toSeconds() + " s and was killed, "
                    + "so its last changes may not have been saved.";
            return new EngineReport("Stopped the local engine on port " + engine.port() + " (pid " + engine.pid() + ")" + how,
                    EngineStatus.notRunning(port.port(), home, null));
        }
    }

    /**
     * The endpoint for --local: the running engine's (unless a port was asked for and it runs on
     * another); else whatever answers as DynamoDB on the configured port; else a newly started
     * engine (saying so on {@code progress}).
     */
    public URI ensureRunning(PrintWriter progress) {
        int wanted = port.port();
        try (EngineHome.Lock lock = home.lock()) {
            Found found = find(wanted);
            if (found.engine != null) {
                if (port.contradicts(found.engine.port())) {
                    throw port.mismatch(found.engine.port());
                }
                return found.engine.endpoint();
            }
            if (found.stalePid != null) {
                progress.println(staleNote(found).trim());
            }
            if (PortProbe.listening(wanted)) {
                if (PortProbe.answersAsDynamoDb(wanted)) {
                    return PortProbe.endpoint(wanted);
                }
                throw PortInUse.error(wanted);
            }
            progress.println("Starting the local engine on port " + wanted + "…");
            progress.flush();
            return launch(wanted, home.defaultData(), false).endpoint();
        }
    }

    private EngineRecord launch(int launchPort, Path data, boolean inMemory) {
        EngineRecord engine = launcher.launch(launchPort, data, inMemory);
        engine.write(home.pidFile());
        return engine;
    }

    /**
     * The engine of this folder: the one in the pid file if it still runs (a stale pid file is
     * removed), or one that answers on {@code probePort} as this folder's engine although its pid
     * file was lost (dynctl interrupted while starting it), which is adopted.
     */
    private Found find(int probePort) {
        Optional<EngineRecord> recorded = EngineRecord.read(home.pidFile());
        if (recorded.isPresent() && recorded.get().process().isPresent()) {
            return new Found(recorded.get(), null);
        }
        Long stalePid = recorded.map(EngineRecord::pid).orElse(null);
        if (stalePid != null) {
            EngineRecord.delete(home.pidFile());
        }
        Optional<EngineRecord> adopted = PortProbe.identity(probePort).filter(this::isOurs).map(this::adopt);
        return new Found(adopted.orElse(null), stalePid);
    }

    private boolean isOurs(JsonNode identity) {
        try {
            return Files.isSameFile(Path.of(identity.path("home").asText()), home.folder());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private EngineRecord adopt(JsonNode identity) {
        long pid = identity.path("pid").asLong();
        JsonNode data = identity.path("data");
        Instant started = ProcessHandle.of(pid).flatMap(p -> p.info().startInstant()).orElseGet(Instant::now);
        EngineRecord engine = new EngineRecord(pid, identity.path("port").asInt(),
                data.isTextual() ? Path.of(data.asText()) : null, identity.path("inMemory").asBoolean(), started);
        engine.write(home.pidFile());
        return engine;
    }

    private EngineReport notRunning(Found found) {
        String stale = found.stalePid == null ? "" : " (stale pid file removed)";
        return new EngineReport("The local engine is not running" + stale + ".",
                EngineStatus.notRunning(port.port(), home, found.stalePid));
    }

    private static String staleNote(Found found) {
        if (found.stalePid == null) {
            return "";
        }
        return found.stalePid > 0
                ? "Removed a stale pid file (pid " + found.stalePid + " no longer runs the engine). "
                : "Removed an unreadable pid file. ";
    }

    private static String describe(EngineRecord engine) {
        return "on port " + engine.port() + " (pid " + engine.pid() + "), "
                + (engine.inMemory() ? "in memory" : "data in " + engine.data());
    }

    private record Found(EngineRecord engine, Long stalePid) {
    }
}
