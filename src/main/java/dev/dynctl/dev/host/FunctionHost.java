package dev.dynctl.dev.host;

import dev.dynctl.dev.DevLog;
import dev.dynctl.dev.HostSettings;
import dev.dynctl.dev.LocalFunction;
import dev.dynctl.dev.LocalFunctions;
import dev.dynctl.dev.LocalInvocation;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import dev.dynctl.error.NearNames;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs functions on this machine behind the Lambda Runtime API: each instance is a child process
 * (node, python3, a JVM with the runtime interface client, or the function's own bootstrap) whose
 * AWS_LAMBDA_RUNTIME_API points at a Runtime API endpoint of its own. Instances start on a
 * function's first invocation and stay warm until the host closes or the function is reloaded.
 */
public final class FunctionHost implements LocalFunctions, AutoCloseable {
    private static final byte[] EMPTY_EVENT = "{}".getBytes(StandardCharsets.UTF_8);

    static {
        // before dynctl makes its first HttpServer (the gateway's may come first): see RuntimeApi
        RuntimeApi.enableNoDelay();
    }

    private final HostSettings settings;
    private final DevLog log;
    private final RuntimeFiles runtimeFiles;
    private final NodeSdk nodeSdk;
    /** Serves every instance's Runtime API; a runtime waiting for its next event holds one thread. */
    private final ExecutorService apiThreads;
    private final Map<String, FunctionPool> pools = new ConcurrentHashMap<>();
    /** Python functions whose runtime's version does not run here, once told so (see PythonLauncher). */
    private final Set<String> pythonNotes = ConcurrentHashMap.newKeySet();
    /** Stops the instances if the JVM ends without close() (a crash, an unhandled Ctrl-C): no runtime outlives dynctl. */
    private final Thread shutdownHook = new Thread(this::stopAll, "function-host-shutdown");
    private volatile boolean closed;

    public FunctionHost(List<LocalFunction> functions, HostSettings settings, DevLog log) {
        this.settings = settings;
        this.log = log;
        Path cache = settings.cache().toAbsolutePath();
        this.runtimeFiles = new RuntimeFiles(cache);
        this.nodeSdk = new NodeSdk(cache, log);
        AtomicInteger threadNumber = new AtomicInteger();
        this.apiThreads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "runtime-api-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        for (LocalFunction function : functions) {
            pools.put(function.logicalName(), pool(function));
        }
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    @Override
    public LocalInvocation invoke(String function, byte[] event) throws InterruptedException {
        byte[] payload = event == null || event.length == 0 ? EMPTY_EVENT : event;
        while (true) {
            if (closed) {
                throw new IllegalStateException("the function host is closed");
            }
            FunctionPool pool = pools.get(function);
            if (pool == null) {
                throw unknown(function);
            }
            Optional<LocalInvocation> answer = pool.invoke(payload);
            if (answer.isPresent()) {
                return answer.get();
            }
            // the function was reloaded while this invocation waited: the new version runs it
        }
    }

    /**
     * The function's code (or settings) changed: invocations from now on go to new instances with
     * {@code changed}; the old instances finish what they are doing and stop.
     */
    public void reload(LocalFunction changed) {
        FunctionPool previous = pools.put(changed.logicalName(), pool(changed));
        if (previous != null) {
            previous.retire();
        }
    }

    /** Stops every instance (and its process tree). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it finds nothing left to stop
        }
    }

    private void stopAll() {
        closed = true;
        nodeSdk.close();
        pools.values().forEach(FunctionPool::close);
        apiThreads.shutdownNow();
    }

    private FunctionPool pool(LocalFunction function) {
        return new FunctionPool(function, settings, launcher(function), log, apiThreads);
    }

    private RuntimeLauncher launcher(LocalFunction function) {
        String runtime = function.runtime();
        if (runtime.startsWith("nodejs")) {
            return new NodeLauncher(function, runtimeFiles, nodeSdk);
        }
        if (runtime.startsWith("python")) {
            return new PythonLauncher(function, runtimeFiles, log, pythonNotes);
        }
        if (runtime.startsWith("java")) {
            return new JavaLauncher(function);
        }
        if (runtime.startsWith("provided")) {
            return new ProvidedLauncher(function.logicalName());
        }
        throw DynctlException.usage("Function " + function.logicalName() + " has runtime " + runtime + ", which the local host does not run.",
                "The local host runs nodejs*, python*, java* and provided* runtimes.");
    }

    private DynctlException unknown(String function) {
        TreeSet<String> names = new TreeSet<>(pools.keySet());
        return new DynctlException(ExitCode.NOT_FOUND, "Function '" + function + "' is not in this project.",
                NearNames.hint(NearNames.among(names, function), names.isEmpty()
                        ? "The project has no functions: add them under functions: in dynctl.yaml."
                        : "Functions: " + String.join(", ", names) + "."));
    }
}
