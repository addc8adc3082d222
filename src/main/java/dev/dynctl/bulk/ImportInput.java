package dev.dynctl.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * What an import reads, recognisable again when it resumes: a file by its path, size,
 * modification time and a hash of its first MB; an export folder by the names and sizes of its
 * files; standard input only by name, since a pipe cannot be checked.
 *
 * @param path the absolute path, or "-" for standard input
 * @param size bytes (a folder: all its files), -1 for standard input
 * @param modified milliseconds since the epoch, -1 for a folder or standard input
 * @param fingerprint SHA-256 of the first MB of a file, or of a folder's listing; "" for standard input
 */
public record ImportInput(String path, long size, long modified, String fingerprint) {
    private static final int HEAD_BYTES = 1 << 20;

    public static final ImportInput STDIN = new ImportInput("-", -1, -1, "");

    public static ImportInput of(Path file) {
        try {
            Path absolute = file.toAbsolutePath().normalize();
            if (Files.isDirectory(absolute)) {
                return folder(absolute);
            }
            MessageDigest sha = sha256();
            try (InputStream in = Files.newInputStream(absolute)) {
                sha.update(in.readNBytes(HEAD_BYTES));
            }
            return new ImportInput(absolute.toString(), Files.size(absolute), Files.getLastModifiedTime(absolute).toMillis(),
                    HexFormat.of().formatHex(sha.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ImportInput folder(Path folder) throws IOException {
        MessageDigest sha = sha256();
        long size = 0;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            long bytes = Files.size(f);
            size += bytes;
            sha.update((folder.relativize(f) + "\t" + bytes + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return new ImportInput(folder.toString(), size, -1, HexFormat.of().formatHex(sha.digest()));
    }

    public boolean stdin() {
        return "-".equals(path);
    }

    /** Why {@code other} is not this input, or null when it is. */
    String difference(ImportInput other) {
        if (!path.equals(other.path)) {
            return "it is for " + (path.equals("-") ? "standard input" : path) + ", not " + (other.stdin() ? "standard input" : other.path);
        }
        if (size != other.size || modified != other.modified || !fingerprint.equals(other.fingerprint)) {
            return path + " has changed since the checkpoint was written (size, time or content)";
        }
        return null;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
