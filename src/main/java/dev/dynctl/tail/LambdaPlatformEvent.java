package dev.dynctl.tail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.codec.Json;

/**
 * What the Lambda service itself writes in its JSON log format ({"time", "type": "platform.…",
 * "record": {…}}), read as the line its text format writes for the same: platform.initStart is
 * INIT_START, platform.start START, platform.runtimeDone and platform.end END. Other platform
 * records (platform.initReport, platform.extension, …) are their type and their record on one line.
 * platform.report is {@link LambdaReport}'s.
 *
 * @param text one line, as the text format would have it
 * @param invocationMark START or END: one invocation's bounds, which its REPORT line sums up
 */
record LambdaPlatformEvent(String text, boolean invocationMark) {
    private static final String PLATFORM = "platform.";

    /** The platform record {@code json} is, or null when it is a function's own JSON. */
    static LambdaPlatformEvent of(JsonNode json) {
        String type = json.path("type").asText();
        if (!type.startsWith(PLATFORM) || !json.has("record")) {
            return null;
        }
        JsonNode record = json.get("record");
        return switch (type) {
            case "platform.initStart" -> new LambdaPlatformEvent("INIT_START" + field(record, "Runtime Version", "runtimeVersion")
                    + field(record, "Runtime Version ARN", "runtimeVersionArn"), false);
            case "platform.start" -> new LambdaPlatformEvent("START" + field(record, "RequestId", "requestId")
                    + field(record, "Version", "version"), true);
            case "platform.runtimeDone", "platform.end" -> new LambdaPlatformEvent("END" + field(record, "RequestId", "requestId")
                    + (record.path("status").asText("success").equals("success") ? "" : field(record, "Status", "status")), true);
            default -> new LambdaPlatformEvent(type + " " + Json.write(Json.MAPPER.writer(), record), false);
        };
    }

    /** " Label: value", or nothing when the record lacks it. */
    private static String field(JsonNode record, String label, String name) {
        JsonNode value = record.get(name);
        return value == null || value.isNull() || value.isContainerNode() ? "" : " " + label + ": " + value.asText();
    }
}
