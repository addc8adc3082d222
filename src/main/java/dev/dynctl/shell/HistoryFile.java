package dev.dynctl.shell;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where the shell keeps its history, readable by its owner only: DYNCTL_HISTORY, else
 * $XDG_STATE_HOME/dynctl/history, else ~/.local/state/dynctl/history. DYNCTL_HISTORY set to
 * nothing keeps no history file.
 */
final class HistoryFile {
    static final String VARIABLE = "DYNCTL_HISTORY";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_FOLDER = PosixFilePermissions.fromString("rwx------");

    private HistoryFile() {
    }

    /** The history file the environment chooses; empty for none. */
    static Optional<Path> of(Map<String, String> env) {
        String chosen = env.get(VARIABLE);
        if (chosen != null) {
            return chosen.isBlank() ? Optional.empty() : Optional.of(Path.of(chosen));
        }
        String state = env.get("XDG_STATE_HOME");
        if (state != null && Path.of(state).isAbsolute()) {
            return Optional.of(Path.of(state, "dynctl", "history"));
        }
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        return Optional.of(Path.of(home, ".local", "state", "dynctl", "history"));
    }

    /**
     * Makes the file (and its folders) if it is missing, so that it is never readable by others,
     * not even for a moment, and takes others' access away from one that exists.
     */
    static void prepare(Path file) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder, ownerOnly(folder, OWNER_FOLDER));
        }
        try {
            Files.createFile(file, ownerOnly(folder, OWNER_ONLY));
        } catch (FileAlreadyExistsException e) {
            restrict(file);
        }
    }

    /** Owner read and write only (where the file system has POSIX permissions). */
    static void restrict(Path file) throws IOException {
        if (Files.exists(file) && posix(file)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path folder, Set<PosixFilePermission> permissions) {
        return posix(folder) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)} : new FileAttribute<?>[0];
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
