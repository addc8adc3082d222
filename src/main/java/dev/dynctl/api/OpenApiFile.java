package dev.dynctl.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynctl.codec.Json;
import dev.dynctl.error.DynctlException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads an OpenAPI (3.x) or Swagger (2.0) definition from a YAML or JSON file, for an import. */
public final class OpenApiFile {
    private OpenApiFile() {
    }

    /** The definition; an unreadable file, bad YAML/JSON (with line and column) or not OpenAPI at all is a usage error. */
    public static JsonNode read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw DynctlException.usage("No such file: " + file + ".");
        } catch (IOException e) {
            throw DynctlException.usage("Cannot read " + file + ": " + e.getMessage() + ".");
        }
        // JSON is YAML too, but a JSON reader gives JSON's own line and column for a mistake
        ObjectMapper mapper = text.stripLeading().startsWith("{") ? Json.MAPPER : Json.YAML;
        JsonNode definition;
        try {
            definition = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw DynctlException.usage(file + " is not valid YAML or JSON" + where + ": " + e.getOriginalMessage());
        }
        if (definition == null || !definition.isObject() || !(definition.has("openapi") || definition.has("swagger"))) {
            throw DynctlException.usage(file + " is not an OpenAPI definition: it has no 'openapi' (or 'swagger') version field.");
        }
        return definition;
    }
}
