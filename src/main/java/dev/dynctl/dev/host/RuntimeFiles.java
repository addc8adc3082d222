package dev.dynctl.dev.host;

import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * dynctl's own runtimes for Node.js and Python (the Runtime API loop that Lambda's managed
 * runtimes run), written from dynctl's jar into the host's cache folder so that node and python3
 * can run them whatever the install layout.
 */
final class RuntimeFiles {
    static final String NODE_RUNTIME = "dynctl-runtime.mjs";
    static final String NODE_SDK_HOOKS = "dynctl-aws-sdk-hooks.mjs";
    static final String PYTHON_RUNTIME = "dynctl_lambda_runtime.py";
    private static final String RESOURCES = "/dev/dynctl/dev/bootstrap/";

    private final Path folder;
    private final ConcurrentMap<String, Path> written = new ConcurrentHashMap<>();

    RuntimeFiles(Path cache) {
        this.folder = cache.resolve("runtime");
    }

    /** The file on disk, written (once per host, and only when its content changed) from the jar. */
    Path file(String name) {
        return written.computeIfAbsent(name, this::write);
    }

    private Path write(String name) {
        Path target = folder.resolve(name);
        try (InputStream in = RuntimeFiles.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from dynctl's jar");
            }
            byte[] content = in.readAllBytes();
            if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), content)) {
                return target;
            }
            Files.createDirectories(folder);
            // another dynctl may be writing the same file: each writes a copy and moves it into place whole
            Path temporary = Files.createTempFile(folder, name, ".tmp");
            Files.write(temporary, content);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new DynctlException(ExitCode.FAILURE, "Cannot write " + target + ": " + e.getMessage(),
                    "The function host keeps its runtimes under " + folder + "; make it writable.", e);
        }
    }
}
