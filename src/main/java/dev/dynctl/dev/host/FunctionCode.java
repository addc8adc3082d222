package dev.dynctl.dev.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Enumeration;
import java.util.Locale;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * The folder a function's instances run in (LAMBDA_TASK_ROOT): its code directory as it is, or
 * its .zip or .jar unpacked once (as Lambda unpacks the package into /var/task), file modes kept
 * so that a custom runtime's bootstrap stays executable.
 */
final class FunctionCode implements AutoCloseable {
    private static final int OWNER_EXECUTE = 0100;

    private final Path root;
    private final boolean unpacked;

    private FunctionCode(Path root, boolean unpacked) {
        this.root = root;
        this.unpacked = unpacked;
    }

    static FunctionCode of(String function, Path code) throws InitFailure {
        Path absolute = code.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            return new FunctionCode(absolute, false);
        }
        if (!Files.isRegularFile(absolute)) {
            throw new InitFailure("The code of function " + function + " is not at " + absolute + " (did its build: command run?).");
        }
        String name = absolute.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".zip") && !name.endsWith(".jar")) {
            throw new InitFailure("The code of function " + function + " is " + absolute + ": a directory, .zip or .jar is expected.");
        }
        try {
            Path folder = Files.createTempDirectory("dynctl-" + function + "-");
            try {
                unzip(absolute, folder);
            } catch (IOException | RuntimeException e) {
                delete(folder);
                throw e;
            }
            return new FunctionCode(folder, true);
        } catch (IOException | RuntimeException e) {
            throw new InitFailure("Cannot unpack the code of function " + function + " (" + absolute + "): " + e.getMessage(), e);
        }
    }

    Path root() {
        return root;
    }

    /** Removes the unpacked copy (a code directory is the user's and stays). */
    @Override
    public void close() {
        if (unpacked) {
            try {
                delete(root);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void unzip(Path archive, Path folder) throws IOException {
        try (ZipFile zip = ZipFile.builder().setPath(archive).get()) {
            for (Enumeration<ZipArchiveEntry> entries = zip.getEntries(); entries.hasMoreElements(); ) {
                ZipArchiveEntry entry = entries.nextElement();
                Path target = folder.resolve(entry.getName()).normalize();
                if (!target.startsWith(folder)) {
                    throw new IOException("the archive's entry " + entry.getName() + " points outside it");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                if ((entry.getUnixMode() & OWNER_EXECUTE) != 0) {
                    target.toFile().setExecutable(true, false);
                }
            }
        }
    }

    private static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
                Files.delete(directory);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
