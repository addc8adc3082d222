package dev.dynctl.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.codec.Json;
import dev.dynctl.dynamo.TableDescriptions;
import dev.dynctl.dynamo.TableDetails;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The manifest written beside an export file ({@code users.jsonl.gz.manifest.json}): the table's
 * definition as `table describe` shows it (keys, attribute definitions, indexes, billing, TTL,
 * stream), the file's format, item count, size and SHA-256, and when the export ran. It lets a
 * reader check the file and re-create the table.
 */
public final class ExportManifest {
    public static final String SUFFIX = ".manifest.json";
    public static final int VERSION = 1;

    private ExportManifest() {
    }

    /** The manifest's path for an export file. */
    public static Path beside(Path file) {
        return file.resolveSibling(file.getFileName() + SUFFIX);
    }

    public static ObjectNode of(Path file, TableExport.Request request, TableDetails table, TableExport.Result result) {
        ObjectNode manifest = Json.MAPPER.createObjectNode();
        manifest.put("manifestVersion", VERSION);
        manifest.put("file", file.getFileName().toString());
        manifest.put("format", request.format().label());
        manifest.put("compression", request.gzip() ? "gzip" : "none");
        manifest.put("itemCount", result.items());
        manifest.put("bytes", result.bytes());
        manifest.put("sha256", result.sha256());
        manifest.put("started", result.started().toString());
        manifest.put("finished", result.finished().toString());
        manifest.put("segments", result.segments());
        if (!request.attributes().isEmpty()) {
            request.attributes().forEach(manifest.putArray("attributes")::add);
        }
        if (request.filter() != null) {
            manifest.put("filter", request.filter().text());
        }
        manifest.set("table", TableDescriptions.document(table));
        return manifest;
    }

    /**
     * Checks that {@code file} is the one the manifest beside it describes (its byte count and
     * sha256), so that a file cut short by a failed export is never restored as if whole.
     */
    public static void verify(Path file) {
        JsonNode manifest = read(beside(file));
        String expected = manifest.path("sha256").asText("");
        long bytes = manifest.path("bytes").asLong(-1);
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long read = 0;
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; read += n) {
                sha.update(buffer, 0, n);
            }
            String actual = HexFormat.of().formatHex(sha.digest());
            if (read != bytes || !actual.equalsIgnoreCase(expected)) {
                throw DynctlException.usage(file + " is not the file its manifest describes (" + bytes + " bytes, sha256 "
                        + abbreviated(expected) + "; the file has " + read + " bytes, sha256 " + abbreviated(actual) + ").",
                        "The export that wrote it may have stopped part-way: export the table again.");
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw DynctlException.usage("Cannot read " + file + ": " + e.getMessage() + ".");
        }
    }

    private static String abbreviated(String sha) {
        return sha.length() > 12 ? sha.substring(0, 12) + "…" : sha;
    }

    /** Reads a manifest; a file that is not JSON is bad input. */
    public static JsonNode read(Path path) {
        try {
            return Json.MAPPER.readTree(path.toFile());
        } catch (IOException e) {
            throw DynctlException.usage("Cannot read the manifest " + path + ": " + e.getMessage().lines().findFirst().orElse("") + ".");
        }
    }

    public static void write(Path path, JsonNode manifest) {
        try {
            Files.writeString(path, Json.write(Json.MAPPER.writerWithDefaultPrettyPrinter(), manifest) + "\n");
        } catch (IOException e) {
            // a full disk or a read-only folder is a failure of the run, not bad usage
            throw new DynctlException(ExitCode.FAILURE, "Cannot write the manifest " + path + ": " + e.getMessage() + ".",
                    "The items were exported; free space or choose another folder and export again for a manifest.", e);
        }
    }
}
