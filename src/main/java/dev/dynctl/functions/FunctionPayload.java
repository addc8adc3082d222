package dev.dynctl.functions;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.codec.Json;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import dev.dynctl.input.InputArgument;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The event an invoke sends: JSON text, {@code @file}, or {@code -} for stdin. It is checked to be
 * one JSON value before anything is sent (a syntax error names the source, line and column, as
 * item input does) and sent as written.
 */
public final class FunctionPayload {
    private static final String HINT = "The payload is one JSON value, e.g. --payload '{\"id\": \"42\"}', @event.json or - for stdin.";
    /** Where Jackson quotes the input back ("(start marker at [Source: (byte[])…; line: 1, column: 1])"): the location is said already. */
    private static final Pattern SOURCE = Pattern.compile("\\s*\\((?:start marker at )?\\[Source:.*$");

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
        try (JsonParser parser = Json.MAPPER.createParser(bytes)) {
            readOne(parser, bytes, label);
        } catch (JsonProcessingException e) {
            throw malformed(label, e.getLocation(), reason(e), e);
        } catch (IOException e) {
            throw new DynctlException(ExitCode.FAILURE, "Cannot read " + label + ": " + e.getMessage());
        }
        return bytes;
    }

    /** The bytes as one JSON value, or null when they are something else (a function may answer plain text). */
    public static JsonNode asJson(byte[] bytes) {
        try (JsonParser parser = Json.MAPPER.createParser(bytes)) {
            return readOne(parser, bytes, "the answer");
        } catch (IOException | DynctlException notJson) {
            return null;
        }
    }

    /** One value and nothing after it but white space; null when there is no value at all. */
    private static JsonNode readOne(JsonParser parser, byte[] bytes, String label) throws IOException {
        JsonNode value = Json.MAPPER.readTree(parser);
        if (value == null || value.isMissingNode()) {
            return null;
        }
        JsonLocation end = parser.currentLocation();
        // what follows is found by hand: Jackson's own error for trailing text says where it ends, not where it starts
        int line = end.getLineNr();
        int column = end.getColumnNr();
        for (long i = end.getByteOffset(); i < bytes.length; i++) {
            byte b = bytes[(int) i];
            if (b == '\n') {
                line++;
                column = 1;
            } else if (b == ' ' || b == '\t' || b == '\r') {
                column++;
            } else {
                throw malformed(label, line, column, "more text follows the JSON value.", null);
            }
        }
        return value;
    }

    private static DynctlException malformed(String label, JsonLocation at, String reason, Throwable cause) {
        return at == null ? new DynctlException(ExitCode.USAGE, "Malformed JSON in " + label + ": " + reason, HINT, cause)
                : malformed(label, at.getLineNr(), at.getColumnNr(), reason, cause);
    }

    private static DynctlException malformed(String label, int line, int column, String reason, Throwable cause) {
        return new DynctlException(ExitCode.USAGE, "Malformed JSON in " + label + " at line " + line + ", column " + column + ": " + reason, HINT, cause);
    }

    /** Jackson's reason in one sentence, without its quote of the input or its class names. */
    private static String reason(JsonProcessingException e) {
        if (e instanceof JsonEOFException) {
            return "the text ends before the JSON value does (a '}', ']' or '\"' is missing).";
        }
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
        String reason = SOURCE.matcher(original).replaceFirst("").strip();
        if (reason.isEmpty() || reason.contains("com.fasterxml")) {
            return "this is not JSON.";
        }
        return Character.toLowerCase(reason.charAt(0)) + reason.substring(1) + (reason.endsWith(".") ? "" : ".");
    }
}
