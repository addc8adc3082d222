package dev.dynctl.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child process and everything it started, ended together: a build's shell does not pass its
 * end on to mvn's JVM or npm's node, nor a runtime to what its handler started.
 */
public final class ProcessTrees {
    private static final long EXIT_WAIT_SECONDS = 5;

    private ProcessTrees() {
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
