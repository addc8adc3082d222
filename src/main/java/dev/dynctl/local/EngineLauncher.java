package dev.dynctl.local;

import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts the engine: {@code python3 dynctl-engine.py --port P --data DIR}, detached from dynctl
 * (it outlives this process) with its output in engine.log, and waits until it answers.
 */
final class EngineLauncher {
    /** Exit codes of dynctl-engine.py. */
    private static final int EXIT_MOTO_MISSING = 3;
    private static final int EXIT_PORT_IN_USE = 4;

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final int LOG_TAIL_LINES = 15;

    private final EngineHome home;
    private final Python python;

    EngineLauncher(EngineHome home, Python python) {
        this.home = home;
        this.python = python;
    }

    EngineRecord launch(int port, Path data, boolean inMemory) {
        List<String> command = new ArrayList<>(List.of(
                python.executable(), home.script().toString(), "--port", String.valueOf(port), "--data", data.toString()));
        if (inMemory) {
            command.add("--in-memory");
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.folder().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(home.log().toFile()));
        builder.environment().put("PYTHONUNBUFFERED", "1");
        Process process;
        try {
            process = builder.start();
            process.getOutputStream().close(); // the engine reads nothing
        } catch (IOException e) {
            throw new DynctlException(ExitCode.FAILURE,
                    "Cannot run " + python.describe() + ": the local engine is moto server, a Python program ("
                            + e.getMessage() + ").",
                    "Install Python 3 and moto: python3 -m pip install 'moto[server]' (or set "
                            + Python.VARIABLE + " to a Python that has it).", e);
        }
        awaitReady(process, port);
        return new EngineRecord(process.pid(), port, inMemory ? null : data, inMemory, Instant.now());
    }

    private void awaitReady(Process process, int port) {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw exited(process.exitValue(), port);
            }
            boolean ours = PortProbe.identity(port).map(id -> id.path("pid").asLong() == process.pid()).orElse(false);
            if (ours) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                process.destroy();
                Thread.currentThread().interrupt();
                throw new DynctlException(ExitCode.INTERRUPTED, "Interrupted while the local engine was starting; stopped it.");
            }
        }
        process.destroyForcibly();
        throw new DynctlException(ExitCode.THROTTLED,
                "The local engine did not answer on port " + port + " within " + START_TIMEOUT.toSeconds() + " s, so it was stopped."
                        + logTail(),
                "Try again; if it keeps happening, read " + home.log() + ".");
    }

    private DynctlException exited(int exitValue, int port) {
        return switch (exitValue) {
            case EXIT_MOTO_MISSING -> new DynctlException(ExitCode.FAILURE,
                    "moto server is not installed for " + python.describe() + "; the local engine runs on it.",
                    "Install it (" + python.executable() + " -m pip install 'moto[server]'), or set "
                            + Python.VARIABLE + " to a Python that has it.");
            case EXIT_PORT_IN_USE -> PortInUse.error(port);
            default -> new DynctlException(ExitCode.FAILURE,
                    "The local engine exited while starting (exit code " + exitValue + ")." + logTail(),
                    "The whole log is " + home.log() + ".");
        };
    }

    /** The last lines of engine.log, indented under the message. */
    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(home.log());
            if (lines.isEmpty()) {
                return "";
            }
            StringBuilder tail = new StringBuilder(System.lineSeparator()).append("Last lines of ").append(home.log()).append(':');
            for (String line : lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size())) {
                tail.append(System.lineSeparator()).append("  ").append(line);
            }
            return tail.toString();
        } catch (IOException e) {
            return "";
        }
    }

    /** Asks the engine to save its data and exit; kills it when it does not within the grace period. */
    static boolean stop(ProcessHandle process, Duration grace) {
        process.destroy();
        try {
            process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            process.destroyForcibly();
            process.onExit().completeOnTimeout(process, grace.toMillis(), TimeUnit.MILLISECONDS).join();
            return false;
        } catch (ExecutionException e) {
            return true; // onExit() never fails; the process is gone either way
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DynctlException(ExitCode.INTERRUPTED, "Interrupted while the local engine was stopping.");
        }
    }
}
