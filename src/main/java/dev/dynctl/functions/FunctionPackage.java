package dev.dynctl.functions;

import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.UnixStat;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * A function's code as Lambda takes it: a zip archive. A directory is zipped deterministically
 * (entries sorted by path, one fixed timestamp), so the same files always give the same bytes and
 * the same SHA-256, and a redeploy of unchanged code is recognised by Lambda's CodeSha256. Entries
 * carry Unix modes, which Lambda applies when it unpacks the code: an executable keeps its execute
 * bit (java.util.zip cannot write modes, hence commons-compress). A .zip or .jar is taken as it is.
 */
public final class FunctionPackage {
    /** The timestamp of every entry: the zip format's earliest, so nothing depends on when or where it was zipped. */
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);
    private static final int FILE_MODE = 0644;
    private static final int EXECUTABLE_MODE = 0755;
    private static final int DIRECTORY_MODE = 0755;
    /** Lambda's limit for code uploaded in the request itself (larger packages go through S3). */
    private static final int MAX_DIRECT_UPLOAD = 50 * 1024 * 1024;

    private static final Set<String> LEFT_OUT = Set.of("__pycache__", ".git", ".DS_Store");

    private final byte[] zip;
    private final String source;

    private FunctionPackage(byte[] zip, String source) {
        this.zip = zip;
        this.source = source;
    }

    /** The package for --code: a directory, a .zip or a .jar. */
    public static FunctionPackage of(Path code) {
        return of(code, "--code");
    }

    /**
     * The package of a directory, a .zip or a .jar.
     *
     * @param setting what gave the path, for messages: "--code", "functions.items.code"
     */
    public static FunctionPackage of(Path code, String setting) {
        if (!Files.exists(code)) {
            throw DynctlException.usage("Cannot read " + setting + " " + code + ": no such file or directory.",
                    "Give a directory to zip, or a .zip or .jar file.");
        }
        if (Files.isDirectory(code)) {
            return new FunctionPackage(zipDirectory(code, setting), "directory " + code);
        }
        String name = code.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".zip") && !name.endsWith(".jar")) {
            throw DynctlException.usage("Cannot deploy " + setting + " " + code + ": it is neither a directory, a .zip nor a .jar.",
                    "Give the directory that holds the code (it is zipped for you), or a .zip or .jar archive.");
        }
        try {
            return new FunctionPackage(Files.readAllBytes(code), code.toString());
        } catch (IOException e) {
            throw DynctlException.usage("Cannot read " + setting + " " + code + ": " + e.getMessage() + ".");
        }
    }

    /** This package, unless it is larger than Lambda takes uploaded in the request itself (exit 2). */
    public FunctionPackage requireDirectUpload() {
        if (zip.length > MAX_DIRECT_UPLOAD) {
            throw DynctlException.usage("The package from " + source + " is " + zip.length / (1024 * 1024)
                    + " MB; Lambda takes at most 50 MB uploaded directly.", "Leave out what the function does not need at run time.");
        }
        return this;
    }

    /** Base64 of the archive's SHA-256: how Lambda reports code (CodeSha256). */
    public String sha256() {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(zip));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The archive's bytes (not a copy: handed to the SDK once). */
    public byte[] zip() {
        return zip;
    }

    /** What the code came from, for messages: "directory src", "build/app.zip". */
    public String source() {
        return source;
    }

    private static byte[] zipDirectory(Path directory, String setting) {
        List<Path> paths = entries(directory);
        if (paths.stream().noneMatch(Files::isRegularFile)) {
            throw DynctlException.usage("Cannot deploy " + setting + " " + directory + ": the directory holds no files.",
                    "Give the directory that holds the function's code (e.g. app.py for --handler app.handler), or a .zip or .jar.");
        }
        // the entry time as a local date-time in this JVM's zone: the zip's DOS date reads 1980-01-01 00:00 in every zone
        long entryTime = ENTRY_TIME.atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
            for (Path path : paths) {
                boolean isDirectory = Files.isDirectory(path);
                ZipArchiveEntry entry = new ZipArchiveEntry(entryName(directory, path));
                entry.setTime(entryTime);
                entry.setUnixMode(isDirectory ? UnixStat.DIR_FLAG | DIRECTORY_MODE : UnixStat.FILE_FLAG | fileMode(path));
                zip.putArchiveEntry(entry);
                if (!isDirectory) {
                    Files.copy(path, zip);
                }
                zip.closeArchiveEntry();
            }
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new DynctlException(ExitCode.FAILURE, "Cannot zip " + directory + ": " + e.getMessage() + ".");
        }
    }

    /**
     * 0755 for a file with any execute bit (a custom runtime's {@code bootstrap}, a script), else
     * 0644: Lambda runs the code as another user than its owner, so everything must be readable by
     * all. Where the file system has no POSIX modes, every file is 0644.
     */
    private static int fileMode(Path file) throws IOException {
        if (!Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return FILE_MODE;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        boolean executable = permissions.contains(PosixFilePermission.OWNER_EXECUTE) || permissions.contains(PosixFilePermission.GROUP_EXECUTE)
                || permissions.contains(PosixFilePermission.OTHERS_EXECUTE);
        return executable ? EXECUTABLE_MODE : FILE_MODE;
    }

    /** The regular files and the directories under the directory (not itself), in the order of their entry names. */
    private static List<Path> entries(Path directory) {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(path -> !path.equals(directory) && (Files.isRegularFile(path) || Files.isDirectory(path)))
                    .filter(path -> !leftOut(directory.relativize(path)))
                    .sorted(Comparator.comparing(path -> entryName(directory, path)))
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new DynctlException(ExitCode.FAILURE, "Cannot read " + directory + ": " + e.getMessage() + ".");
        }
    }

    /**
     * What running or editing the code leaves beside it and Lambda does not need: Python's byte
     * code (rewritten by every local run, it would change the SHA-256 and make every deploy an
     * update), version-control and Finder files.
     */
    private static boolean leftOut(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (LEFT_OUT.contains(name) || name.endsWith(".pyc")) {
                return true;
            }
        }
        return false;
    }

    /** The path inside the archive: relative, with / on every system, and a directory's ending in /. */
    private static String entryName(Path directory, Path path) {
        String name = directory.relativize(path).toString().replace(path.getFileSystem().getSeparator(), "/");
        return Files.isDirectory(path) ? name + "/" : name;
    }
}
