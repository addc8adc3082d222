package dev.dynctl.functions;

import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A function's code as Lambda takes it: a zip archive. A directory is zipped deterministically
 * (entries sorted by path, one fixed timestamp), so the same files always give the same bytes and
 * the same SHA-256, and a redeploy of unchanged code is recognised by Lambda's CodeSha256. A .zip
 * or .jar is taken as it is.
 */
public final class FunctionPackage {
    /** The timestamp of every entry: the zip format's earliest, so nothing depends on when or where it was zipped. */
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    private final byte[] zip;
    private final String source;

    private FunctionPackage(byte[] zip, String source) {
        this.zip = zip;
        this.source = source;
    }

    /** The package for --code: a directory, a .zip or a .jar. */
    public static FunctionPackage of(Path code) {
        if (!Files.exists(code)) {
            throw DynctlException.usage("Cannot read --code " + code + ": no such file or directory.",
                    "Give a directory to zip, or a .zip or .jar file.");
        }
        if (Files.isDirectory(code)) {
            return new FunctionPackage(zipDirectory(code), "directory " + code);
        }
        String name = code.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".zip") && !name.endsWith(".jar")) {
            throw DynctlException.usage("Cannot deploy --code " + code + ": it is neither a directory, a .zip nor a .jar.",
                    "Give the directory that holds the code (it is zipped for you), or a .zip or .jar archive.");
        }
        try {
            return new FunctionPackage(Files.readAllBytes(code), code.toString());
        } catch (IOException e) {
            throw DynctlException.usage("Cannot read --code " + code + ": " + e.getMessage() + ".");
        }
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

    private static byte[] zipDirectory(Path directory) {
        List<Path> files = files(directory);
        if (files.isEmpty()) {
            throw DynctlException.usage("Cannot deploy --code " + directory + ": the directory holds no files.");
        }
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Path file : files) {
                ZipEntry entry = new ZipEntry(entryName(directory, file));
                // local time without a zone: the same entry bytes in every time zone
                entry.setTimeLocal(ENTRY_TIME);
                zip.putNextEntry(entry);
                Files.copy(file, zip);
                zip.closeEntry();
            }
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new DynctlException(ExitCode.FAILURE, "Cannot zip " + directory + ": " + e.getMessage() + ".");
        }
    }

    /** The regular files under the directory, in the order of their entry names. */
    private static List<Path> files(Path directory) {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile)
                    .sorted((a, b) -> entryName(directory, a).compareTo(entryName(directory, b)))
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new DynctlException(ExitCode.FAILURE, "Cannot read " + directory + ": " + e.getMessage() + ".");
        }
    }

    /** The path inside the archive: relative, with / on every system. */
    private static String entryName(Path directory, Path file) {
        return directory.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }
}
