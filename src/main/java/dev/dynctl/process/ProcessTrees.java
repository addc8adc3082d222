package dev.dynctl.process;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A child process and everything it started, ended together: a build's shell does not pass its
 * end on to mvn's JVM or npm's node, nor a runtime to what its handler started. Also how such a
 * process is started: from PATH, in a session of its own.
 */
public final class ProcessTrees {
    private static final long EXIT_WAIT_SECONDS = 5;
    /** util-linux's setsid, where this machine has it (Linux): see {@link #inOwnSession}. */
    private static final Optional<Path> SETSID = onPath("setsid");

    private ProcessTrees() {
    }

    /**
     * The command run in a session of its own (through setsid, where this machine has it): Ctrl-C
     * at a terminal signals every process of the terminal's process group, and the processes the
     * host starts (runtimes, npm) are the host's to stop, not the terminal's. A child the JVM
     * starts leads no process group, so setsid runs the command in place: its pid stays the child's.
     */
    public static List<String> inOwnSession(List<String> command) {
        if (SETSID.isEmpty()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>();
        wrapped.add(SETSID.get().toString());
        wrapped.addAll(command);
        return wrapped;
    }

    /** Whether {@code program} (a path, or a name looked up on PATH) can be run. */
    public static boolean runnable(String program) {
        return program.contains("/") ? Files.isExecutable(Path.of(program)) : onPath(program).isPresent();
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String folder : path.split(File.pathSeparator)) {
            if (!folder.isEmpty()) {
                Path candidate = Path.of(folder, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** Kills {@code root} and its descendants (collected first: once the root is gone they belong to init) and waits for them. */
    public static void kill(ProcessHandle root) {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(root);
        root.descendants().forEach(tree::add);
        tree.forEach(ProcessHandle::destroyForcibly);
        awaitEnd(tree);
    }

    /**
     * Polls rather than onExit(): for a process that is not our child the JDK sleeps 300 ms and
     * more between looks, and counts a killed process that init has not reaped yet as alive.
     */
    private static void awaitEnd(List<ProcessHandle> processes) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(EXIT_WAIT_SECONDS);
        List<ProcessHandle> left = processes;
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            left = left.stream().filter(ProcessTrees::running).toList();
            if (!left.isEmpty()) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Alive and not a zombie (a zombie has ended; only its exit status waits for its parent). */
    public static boolean running(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            int afterName = stat.lastIndexOf(')');
            return afterName < 0 || afterName + 2 >= stat.length() || stat.charAt(afterName + 2) != 'Z';
        } catch (IOException | RuntimeException noProcOrGone) {
            return process.isAlive();
        }
    }
}
