package dev.dynctl.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynctl.codec.Json;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads an OpenAPI (3.x) or Swagger (2.0) definition from a YAML or JSON file, for an import. */
public final class OpenApiFile {
    private OpenApiFile() {
    }

    private static final String FIX_HINT = "Fix the file there and run again; an OpenAPI 3 or Swagger 2 definition in YAML or JSON is expected.";

    /** The definition; an unreadable file, bad YAML/JSON (with line and column) or not OpenAPI at all is a usage error. */
    public static JsonNode read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw DynctlException.usage("Cannot read " + file + ": it does not exist.",
                    "Give the path of an OpenAPI definition (YAML or JSON) after --from.");
        } catch (IOException e) {
            throw DynctlException.usage("Cannot read " + file + ": " + e.getMessage() + ".",
                    "Give the path of a readable OpenAPI definition (YAML or JSON) after --from.");
        }
        // JSON is YAML too, but a JSON reader gives JSON's own line and column for a mistake
        ObjectMapper mapper = text.stripLeading().startsWith("{") ? Json.MAPPER : Json.YAML;
        JsonNode definition;
        try {
            definition = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw malformed(file, mapper == Json.MAPPER ? "JSON" : "YAML", e);
        }
        if (definition == null || !definition.isObject() || !(definition.has("openapi") || definition.has("swagger"))) {
            throw DynctlException.usage(file + " is not an OpenAPI definition: it has no 'openapi' (or 'swagger') version field.",
                    "Start it with 'openapi: 3.0.1' (or 'swagger: \"2.0\"'), or export one with 'dynctl api export API'.");
        }
        return definition;
    }

    /**
     * One line: the file, where the parser stopped and its first line of explanation (the YAML
     * parser's message goes on to quote the line and repeat the place, which the hint replaces).
     */
    private static DynctlException malformed(Path file, String format, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 1 ? "" : " at line " + at.getLineNr() + (at.getColumnNr() < 1 ? "" : ", column " + at.getColumnNr());
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("").strip();
        return new DynctlException(ExitCode.USAGE, "Malformed " + format + " in " + file + where + (message.isEmpty() ? "." : ": " + message),
                FIX_HINT, e);
    }
}
