package dev.dynctl.functions;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.dynctl.codec.Json;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import dev.dynctl.input.InputArgument;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * The event an invoke sends: JSON text, {@code @file}, or {@code -} for stdin. It is checked to be
 * one JSON value before anything is sent (a syntax error names the source, line and column) and
 * sent as written.
 */
public final class FunctionPayload {
    private static final ObjectReader ONE_VALUE = Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final String HINT = "The payload is one JSON value, e.g. --payload '{\"id\": \"42\"}', @event.json or - for stdin.";

    private FunctionPayload() {
    }

    /** The payload's bytes, checked to be JSON. */
    public static byte[] read(String argument, Supplier<InputStream> stdin) {
        InputArgument payload = InputArgument.read(argument, "--payload", stdin, HINT);
        String label = payload.label();
        byte[] bytes = payload.bytes();
        if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            throw DynctlException.usage("The payload in " + label + " is empty.", HINT);
        }
        try {
            ONE_VALUE.readTree(bytes);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
            throw new DynctlException(ExitCode.USAGE, "Malformed JSON in " + label + where + ": " + message, HINT, e);
        } catch (IOException e) {
            throw new DynctlException(ExitCode.FAILURE, "Cannot read " + label + ": " + e.getMessage());
        }
        return bytes;
    }

    /** The bytes as one JSON value, or null when they are something else (a function may answer plain text). */
    public static JsonNode asJson(byte[] bytes) {
        try {
            JsonNode node = ONE_VALUE.readTree(bytes);
            return node == null || node.isMissingNode() ? null : node;
        } catch (IOException notJson) {
            return null;
        }
    }
}
