package dev.dynctl.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.dynamo.Json;
import dev.dynctl.dynamo.TableDescriptions;
import dev.dynctl.dynamo.TableDetails;
import dev.dynctl.error.DynctlException;
import java.io.IOException;
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
            throw DynctlException.usage("Cannot write the manifest " + path + ": " + e.getMessage() + ".");
        }
    }
}
