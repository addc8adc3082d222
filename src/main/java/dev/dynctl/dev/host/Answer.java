package dev.dynctl.dev.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.codec.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * What came back for one event: the handler's response, or an error as Lambda reports it
 * ({@code errorType} null on success).
 *
 * @param init the function could not be started (its handler did not load): the instance is of no further use
 */
record Answer(byte[] payload, String errorType, String errorMessage, boolean init) {
    static final String INIT_ERROR = "Runtime.InitError";
    static final String EXIT_ERROR = "Runtime.ExitError";
    static final String TIMED_OUT = "Sandbox.Timedout";

    static Answer success(byte[] payload) {
        return new Answer(payload, null, null, false);
    }

    /**
     * An error document a runtime posted ({"errorType", "errorMessage", "trace"} from Node.js,
     * {"errorMessage", "errorType", "stackTrace"} from Python and Java); its type is
     * the document's, else the Lambda-Runtime-Function-Error-Type header's, else {@code fallbackType}.
     */
    static Answer posted(byte[] document, String headerType, String fallbackType) {
        JsonNode parsed = parse(document);
        String type = text(parsed, "errorType");
        if (type == null) {
            type = headerType == null || headerType.isBlank() ? fallbackType : headerType;
        }
        String message = text(parsed, "errorMessage");
        if (message == null) {
            message = document.length == 0 ? "the runtime gave no reason" : new String(document, StandardCharsets.UTF_8);
        }
        return new Answer(document, type, message, false);
    }

    /**
     * An init error as the runtime posted it: its type is the document's, as Lambda answers it
     * (Runtime.UserCodeSyntaxError, Runtime.ImportModuleError, …), Runtime.InitError when it names none.
     */
    static Answer initError(byte[] document, String headerType) {
        Answer posted = posted(document, headerType, INIT_ERROR);
        return new Answer(document, posted.errorType(), posted.errorMessage(), true);
    }

    /** An error the host itself found (a timeout, a crash). */
    static Answer hostError(String type, String message) {
        return hostError(type, message, false);
    }

    /** The host cannot start the function (no code, no bootstrap, no JVM new enough): Runtime.InitError. */
    static Answer startFailure(String message) {
        return hostError(INIT_ERROR, message, true);
    }

    private static Answer hostError(String type, String message, boolean init) {
        ObjectNode document = Json.MAPPER.createObjectNode().put("errorType", type).put("errorMessage", message);
        return new Answer(document.toString().getBytes(StandardCharsets.UTF_8), type, message, init);
    }

    private static JsonNode parse(byte[] document) {
        try {
            return Json.MAPPER.readTree(document);
        } catch (IOException notJson) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** How Lambda words a runtime's exit: "Runtime exited with error: exit status 3", "…: signal: killed". */
    static String describeExit(int exitValue) {
        if (exitValue == 0) {
            return "Runtime exited without providing a reason";
        }
        // Java reports a death by signal N as exit value 128 + N
        if (exitValue > 128 && exitValue < 128 + 32) {
            int signal = exitValue - 128;
            String name = switch (signal) {
                case 6 -> "aborted";
                case 9 -> "killed";
                case 11 -> "segmentation fault";
                case 15 -> "terminated";
                default -> Integer.toString(signal);
            };
            return "Runtime exited with error: signal: " + name;
        }
        return "Runtime exited with error: exit status " + exitValue;
    }
}
