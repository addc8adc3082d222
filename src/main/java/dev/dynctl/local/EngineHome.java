package dev.dynctl.local;

import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The per-user folder of the local engine: the pid file (engine.json), the log, the bootstrap
 * script and the default data folder. One engine per folder.
 */
final class EngineHome {
    static final String SCRIPT = "dynctl-engine.py";

    /** A file lock is held per JVM, not per thread, so threads of one JVM take turns here first. */
    private static final ReentrantLock IN_PROCESS = new ReentrantLock();

    private final Path folder;

    EngineHome(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    /** dynctl.local.home, DYNCTL_LOCAL_HOME, $XDG_DATA_HOME/dynctl/local or ~/.local/share/dynctl/local. */
    static EngineHome resolve(Map<String, String> env) {
        String explicit = System.getProperty("dynctl.local.home", env.get("DYNCTL_LOCAL_HOME"));
        if (explicit != null && !explicit.isBlank()) {
            return new EngineHome(Path.of(explicit));
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path data = xdg != null && !xdg.isBlank()
                ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return new EngineHome(data.resolve("dynctl").resolve("local"));
    }

    Path folder() {
        return folder;
    }

    Path pidFile() {
        return folder.resolve("engine.json");
    }

    Path log() {
        return folder.resolve("engine.log");
    }

    Path defaultData() {
        return folder.resolve("data");
    }

    /** Writes the bootstrap script shipped in dynctl's jar, so the engine runs from any install layout. */
    Path script() {
        Path script = folder.resolve(SCRIPT);
        try (InputStream in = EngineHome.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is missing from dynctl's jar");
            }
            byte[] content = in.readAllBytes();
            if (Files.exists(script) && Arrays.equals(Files.readAllBytes(script), content)) {
                return script;
            }
            create();
            Path temporary = Files.createTempFile(folder, SCRIPT, ".tmp");
            Files.write(temporary, content);
            Files.move(temporary, script, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return script;
        } catch (IOException e) {
            throw cannotWrite(script, e);
        }
    }

    /**
     * Holds the folder against other dynctl processes (and threads) until closed, so that two
     * commands run at once do not both start an engine.
     */
    Lock lock() {
        create();
        Path file = folder.resolve("engine.lock");
        IN_PROCESS.lock();
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                return new Lock(channel, channel.lock());
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            IN_PROCESS.unlock();
            throw cannotWrite(file, e);
        } catch (RuntimeException e) {
            IN_PROCESS.unlock();
            throw e;
        }
    }

    private void create() {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw cannotWrite(folder, e);
        }
    }

    static DynctlException cannotWrite(Path path, IOException e) {
        return new DynctlException(ExitCode.FAILURE, "Cannot write " + path + ": " + e.getMessage(),
                "Set DYNCTL_LOCAL_HOME to a folder you can write to.", e);
    }

    @Override
    public String toString() {
        return folder.toString();
    }

    /** The held lock on the engine folder. */
    static final class Lock implements AutoCloseable {
        private final FileChannel channel;
        private final FileLock lock;

        private Lock(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() {
            try {
                lock.release();
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                IN_PROCESS.unlock();
            }
        }
    }
}
