package dev.dynctl.dev.host;

import dev.dynctl.dev.DevLog;
import dev.dynctl.dev.LocalFunction;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import dev.dynctl.process.ProcessTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * python* runtimes: dynctl's runtime on the machine's Python, the one of the runtime's version
 * (python3.12) when it runs here, else python3.
 */
final class PythonLauncher implements RuntimeLauncher {
    private static final Pattern VERSIONED = Pattern.compile("python3\\.\\d+");
    private static final String DEFAULT = "python3";
    /** The version a command runs, per command (empty: it does not run; a pyenv shim can be on PATH and still refuse). */
    private static final ConcurrentMap<String, Optional<String>> VERSIONS = new ConcurrentHashMap<>();

    private final LocalFunction function;
    private final RuntimeFiles files;
    private final DevLog log;
    private final Set<String> noted;
    private volatile String interpreter = DEFAULT;

    /** @param noted the functions already told to run on python3 in this host: said once, not at each start or reload */
    PythonLauncher(LocalFunction function, RuntimeFiles files, DevLog log, Set<String> noted) {
        this.function = function;
        this.files = files;
        this.log = log;
        this.noted = noted;
    }

    @Override
    public void prepare(Path taskRoot) {
        files.file(RuntimeFiles.PYTHON_RUNTIME);
        String versioned = function.runtime();
        if (VERSIONED.matcher(versioned).matches() && runs(versioned)) {
            interpreter = versioned;
            return;
        }
        if (!runs(DEFAULT)) {
            throw new DynctlException(ExitCode.FAILURE, "Cannot run python3 for function " + function.logicalName() + ".", installHint());
        }
        if (VERSIONED.matcher(versioned).matches() && noted.add(function.logicalName() + " " + versioned)) {
            log.note(function.logicalName() + " (" + versioned + ") runs on python3 (Python " + version(DEFAULT).orElseThrow() + "): "
                    + versioned + " does not run on this machine.");
        }
        interpreter = DEFAULT;
    }

    @Override
    public List<String> command(Path taskRoot) {
        return List.of(interpreter, files.file(RuntimeFiles.PYTHON_RUNTIME).toString());
    }

    /** The code's folder comes first on the module path; output unbuffered; no __pycache__ written into the code (a watcher would see it change). */
    @Override
    public Map<String, String> environment(Path taskRoot) {
        return Map.of("PYTHONPATH", taskRoot.toString(), "PYTHONUNBUFFERED", "1", "PYTHONDONTWRITEBYTECODE", "1");
    }

    @Override
    public String installHint() {
        return "Install Python 3 (python3 on PATH): " + function.runtime() + " functions run on it.";
    }

    private static boolean runs(String command) {
        return version(command).isPresent();
    }

    private static Optional<String> version(String command) {
        return VERSIONS.computeIfAbsent(command, PythonLauncher::probe);
    }

    /** What {@code command} says its version is (3.11.2); empty when it does not run. */
    private static Optional<String> probe(String command) {
        try {
            Process process = new ProcessBuilder(command, "-c", "import sys; print('%d.%d.%d' % sys.version_info[:3])")
                    .redirectErrorStream(true)
                    .start();
            process.getOutputStream().close();
            // a few bytes: read to the end, then the process has ended or is about to
            String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                ProcessTrees.kill(process.toHandle());
                return Optional.empty();
            }
            return process.exitValue() == 0 ? Optional.of(printed) : Optional.empty();
        } catch (IOException notThere) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public boolean marksOutput() {
        return true;
    }
}
