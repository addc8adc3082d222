package dev.dynctl.tail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.codec.Json;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Lambda reports at the end of each invocation: the REPORT line of its text log format
 * ({@code REPORT RequestId: … Duration: 12.34 ms Billed Duration: 13 ms Memory Size: 128 MB Max
 * Memory Used: 70 MB Init Duration: 150.00 ms}), or the platform.report record of its JSON log
 * format. Numbers stay as Lambda wrote them.
 *
 * @param initDuration the cold start's initialisation, or null for a warm invocation
 * @param status null for success, else Lambda's word for how it ended (timeout, error) and its error type
 */
public record LambdaReport(String requestId, BigDecimal duration, BigDecimal billedDuration, BigDecimal memorySize,
                           BigDecimal maxMemoryUsed, BigDecimal initDuration, String status) {
    private static final String PREFIX = "REPORT RequestId: ";
    /** Longer names first where one ends another (Billed Duration, Init Duration, Duration). */
    private static final Pattern FIELD = Pattern.compile("(RequestId|Billed Restore Duration|Billed Duration|Restore Duration"
            + "|Init Duration|Duration|Memory Size|Max Memory Used|Status|Error Type): (\\S+)");
    private static final String REQUEST_ID = "RequestId";
    private static final String DURATION = "Duration";
    private static final String BILLED = "Billed Duration";
    private static final String MEMORY_SIZE = "Memory Size";
    private static final String MEMORY_USED = "Max Memory Used";
    private static final String INIT = "Init Duration";
    private static final String STATUS = "Status";
    private static final String ERROR_TYPE = "Error Type";

    /** The report {@code message} holds, or null when it is not one (or lacks a figure). */
    public static LambdaReport parse(String message) {
        if (message.startsWith(PREFIX)) {
            return fromText(message);
        }
        if (message.startsWith("{") && message.contains("platform.report")) {
            return fromJson(LogJsonText.object(message));
        }
        return null;
    }

    private static LambdaReport fromText(String message) {
        Map<String, String> fields = new HashMap<>();
        Matcher field = FIELD.matcher(message);
        while (field.find()) {
            fields.putIfAbsent(field.group(1), field.group(2));
        }
        try {
            String status = fields.get(STATUS);
            if (status != null && fields.containsKey(ERROR_TYPE)) {
                status += " " + fields.get(ERROR_TYPE);
            }
            return new LambdaReport(fields.get(REQUEST_ID), number(fields.get(DURATION)), number(fields.get(BILLED)),
                    number(fields.get(MEMORY_SIZE)), number(fields.get(MEMORY_USED)),
                    fields.containsKey(INIT) ? number(fields.get(INIT)) : null, status);
        } catch (NumberFormatException | NullPointerException incomplete) {
            return null;
        }
    }

    /** {"type": "platform.report", "record": {"requestId", "metrics": {"durationMs", …}, "status"}}. */
    private static LambdaReport fromJson(JsonNode json) {
        if (json == null || !"platform.report".equals(json.path("type").asText())) {
            return null;
        }
        JsonNode record = json.path("record");
        JsonNode metrics = record.path("metrics");
        if (!metrics.path("durationMs").isNumber() || !metrics.path("billedDurationMs").isNumber()
                || !metrics.path("memorySizeMB").isNumber() || !metrics.path("maxMemoryUsedMB").isNumber()) {
            return null;
        }
        String status = record.path("status").asText("success");
        if (!"success".equals(status) && record.hasNonNull("errorType")) {
            status += " " + record.get("errorType").asText();
        }
        return new LambdaReport(record.path("requestId").asText(null), metrics.get("durationMs").decimalValue(),
                metrics.get("billedDurationMs").decimalValue(), metrics.get("memorySizeMB").decimalValue(),
                metrics.get("maxMemoryUsedMB").decimalValue(),
                metrics.path("initDurationMs").isNumber() ? metrics.get("initDurationMs").decimalValue() : null,
                "success".equals(status) ? null : status);
    }

    private static BigDecimal number(String text) {
        return new BigDecimal(text);
    }

    /**
     * One short line for a person: {@code REPORT 8f5e1c2a 12.34 ms (billed 13 ms), memory 70/128 MB,
     * cold start 150 ms}. The request id is cut to its first eight characters unless {@code fullId}.
     */
    String summary(boolean fullId, LogColors colors) {
        StringBuilder line = new StringBuilder(colors.bold("REPORT"));
        if (requestId != null) {
            line.append(' ').append(colors.faint(fullId ? requestId : LambdaLogLine.shortId(requestId)));
        }
        line.append(' ').append(duration.toPlainString()).append(" ms (billed ").append(billedDuration.toPlainString()).append(" ms)");
        String memory = "memory " + maxMemoryUsed.toPlainString() + "/" + memorySize.toPlainString() + " MB";
        // nine tenths of the memory used: the next invocation may run out
        boolean nearlyFull = maxMemoryUsed.multiply(BigDecimal.TEN).compareTo(memorySize.multiply(BigDecimal.valueOf(9))) >= 0;
        line.append(", ").append(nearlyFull ? colors.notice(memory) : memory);
        if (initDuration != null) {
            line.append(", ").append(colors.notice("cold start " + initDuration.setScale(0, RoundingMode.HALF_UP).toPlainString() + " ms"));
        }
        if (status != null) {
            line.append(", ").append(colors.failure(status));
        }
        return line.toString();
    }

    /** The figures for JSON output, named as in Lambda's platform.report metrics. */
    ObjectNode toJson() {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("requestId", requestId);
        json.put("durationMs", duration);
        json.put("billedDurationMs", billedDuration);
        json.put("memorySizeMB", memorySize);
        json.put("maxMemoryUsedMB", maxMemoryUsed);
        if (initDuration != null) {
            json.put("initDurationMs", initDuration);
        }
        if (status != null) {
            json.put("status", status);
        }
        return json;
    }
}
