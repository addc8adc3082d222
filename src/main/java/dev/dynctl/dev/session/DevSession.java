package dev.dynctl.dev.session;

import dev.dynctl.deploy.DeployContext;
import dev.dynctl.dev.DevLog;
import dev.dynctl.dev.HostSettings;
import dev.dynctl.dev.LocalEndpoint;
import dev.dynctl.dev.LocalFunctions;
import dev.dynctl.dev.gateway.LocalGateway;
import dev.dynctl.dev.host.FunctionHost;
import dev.dynctl.error.DynctlException;
import dev.dynctl.model.ServiceStage;
import dev.dynctl.model.StageFunction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A stage of the project running on this machine, as {@code dynctl dev} runs it: its tables in
 * the engine, its functions built and behind the local host, its APIs on localhost, and its code
 * watched so that a change is rebuilt and the next request goes to the new code.
 */
public final class DevSession implements AutoCloseable {
    /** A save, a checkout or a build writes several files: they are one change once this long passes without another. */
    private static final Duration QUIET = Duration.ofMillis(150);
    /** Folders a build writes its output into: the code in them is made from the folder above. */
    private static final Set<String> OUTPUTS = Set.of("target", "build", "dist", "out", "classes", "libs");

    private final LocalProject project;
    private final DevLog log;
    private FunctionHost host;
    private LocalGateway gateway;
    private CodeWatcher watcher;
    private ProjectFileWatcher fileWatcher;
    private List<LocalEndpoint> endpoints = List.of();
    private boolean closed;

    private DevSession(LocalProject project, DevLog log) {
        this.project = project;
        this.log = log;
    }

    /**
     * Makes the stage's tables (notes go to the context's notes), builds its functions, starts the
     * host and the gateway and, with {@code watch}, the code watcher. What started is stopped
     * again when a later part fails.
     *
     * @param context the stage resolved as deploy resolves it, with clients on the engine
     * @param projectFile the file the stage comes from: with {@code watch}, a change of it is noted (not applied)
     * @param firstPort the first API's port, the next ones above it; 0 for free ports
     */
    public static DevSession start(DeployContext context, Path projectFile, HostSettings settings, int firstPort, boolean watch,
                                   DevLog log) throws InterruptedException {
        DevSession session = new DevSession(new LocalProject(context.stage()), log);
        try {
            LocalTables.apply(context);
            session.serve(settings, firstPort);
            if (watch) {
                session.watch();
                session.watchProjectFile(projectFile);
            }
            return session;
        } catch (RuntimeException | InterruptedException e) {
            session.close();
            throw e;
        }
    }

    private void serve(HostSettings settings, int firstPort) throws InterruptedException {
        ServiceStage stage = project.stage();
        host = new FunctionHost(project.build(log::note), settings, log);
        gateway = new LocalGateway(stage.apis(), stage.stage(), firstPort, host, log);
        endpoints = gateway.start();
    }

    /** Where each API answers, in the file's order. */
    public List<LocalEndpoint> endpoints() {
        return endpoints;
    }

    /** The functions the host runs: what {@code function invoke --local} would call. */
    public LocalFunctions functions() {
        return host;
    }

    private void watch() {
        Map<Path, List<StageFunction>> bySource = new LinkedHashMap<>();
        List<Path> outputs = new ArrayList<>();
        for (StageFunction function : project.stage().functions()) {
            Path code = project.code(function);
            Path source = source(code, function.build() != null);
            bySource.computeIfAbsent(source, s -> new ArrayList<>()).add(function);
            if (!source.equals(code)) {
                outputs.add(code);
            }
        }
        try {
            watcher = CodeWatcher.start(bySource.keySet(), outputs, QUIET, changed -> reload(changed, bySource));
        } catch (IOException e) {
            // serving goes on without it, as with --no-watch
            log.note("Not watching the code for changes: " + e.getMessage() + ". Restart dev to pick up changes.");
        }
    }

    private void watchProjectFile(Path file) {
        String name = file.getFileName().toString();
        try {
            fileWatcher = ProjectFileWatcher.start(file, QUIET, () -> log.note(name + " changed: restart dynctl dev to apply it."));
        } catch (IOException e) {
            log.note("Not watching " + name + " for changes: " + e.getMessage() + ".");
        }
    }

    /**
     * The folder whose changes are the function's: its code folder, or for a built file or output
     * folder ({@code target/items.jar}, {@code dist/}) the folder it is built from.
     */
    static Path source(Path code, boolean built) {
        Path folder = Files.isDirectory(code) ? code : code.getParent();
        while (built && folder.getParent() != null && OUTPUTS.contains(folder.getFileName().toString())) {
            folder = folder.getParent();
        }
        return folder;
    }

    /** Runs on the watcher's thread: a failed build keeps the instances that serve now. */
    private void reload(Set<Path> changed, Map<Path, List<StageFunction>> bySource) {
        List<StageFunction> functions = changed.stream().flatMap(source -> bySource.getOrDefault(source, List.of()).stream())
                .distinct().toList();
        try {
            project.rebuild(functions, log::note, function -> {
                host.reload(function);
                log.note(function.logicalName() + ": code changed, reloaded");
            });
        } catch (DynctlException e) {
            log.note(e.getMessage() + (e.hint() == null ? "" : " " + e.hint()));
        } catch (InterruptedException e) {
            // the session is closing
            Thread.currentThread().interrupt();
        }
    }

    /** Stops watching, then the APIs, then every function process; once, whoever asks first (Ctrl-C or the JVM's shutdown). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (watcher != null) {
            watcher.close();
        }
        if (fileWatcher != null) {
            fileWatcher.close();
        }
        try {
            if (gateway != null) {
                gateway.close();
            }
        } finally {
            if (host != null) {
                host.close();
            }
        }
    }
}
