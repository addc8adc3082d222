package dev.dynctl.tail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.codec.Json;
import dev.dynctl.output.Format;
import dev.dynctl.output.Output;
import dev.dynctl.output.Style;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Prints events as {@code --format} says, one event at a time and flushed, so a pipe sees each at
 * once. For a person at a terminal ({@code readable}) messages are made easier to read: JSON
 * indented and coloured, levels coloured, Lambda's REPORT lines summed up on one short line, and
 * Lambda's START and END lines left out of the short format (the REPORT line ends each invocation)
 * and dimmed in the detailed one. Otherwise every message is printed as it was written, trailing
 * whitespace aside; a message of several lines keeps them, together.
 */
public final class LogPrinter implements LogSink {
    /** As aws logs tail --format short: to the second, UTC. */
    private static final DateTimeFormatter SHORT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
    /** As aws logs tail --format detailed: microseconds and the zone. */
    private static final DateTimeFormatter DETAILED_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter JSON_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final LogFormat format;
    private final boolean readable;
    private final LogColors colors;
    private final PrintWriter out;
    /** JSON Lines with --query applied to each event; null for the text formats. */
    private final Output jsonLines;

    /**
     * @param readable a person reads standard output (a terminal): messages are reshaped for reading
     * @param color colours allowed (a terminal without --no-color or NO_COLOR)
     * @param query --query, applied to each event of the json format; null for none
     */
    public LogPrinter(LogFormat format, boolean readable, boolean color, PrintWriter out, String query) {
        this.format = format;
        this.readable = readable && format != LogFormat.JSON;
        this.colors = new LogColors(color && format != LogFormat.JSON);
        this.out = out;
        this.jsonLines = format == LogFormat.JSON ? new Output(Format.JSONL, query, new Style(false, 0), out) : null;
    }

    @Override
    public boolean show(LogEvent event) {
        if (jsonLines != null) {
            jsonLines.document(json(event));
            out.flush();
            return true;
        }
        String text = text(event);
        if (text == null) {
            return false;
        }
        out.println(text);
        out.flush();
        return true;
    }

    @Override
    public boolean open() {
        return !out.checkError();
    }

    /** The event as printed, or null when it is left out. */
    String text(LogEvent event) {
        if (format == LogFormat.JSON) {
            return Json.write(Json.MAPPER.writer(), json(event));
        }
        String message = readable ? readable(event.message().stripTrailing()) : event.message().stripTrailing();
        if (message == null) {
            return null;
        }
        Instant time = Instant.ofEpochMilli(event.timestamp());
        return format == LogFormat.SHORT
                ? colors.time(SHORT_TIME.format(time)) + " " + message
                : colors.time(DETAILED_TIME.format(time)) + " " + colors.stream(event.logStream()) + " " + message;
    }

    private String readable(String message) {
        boolean detailed = format == LogFormat.DETAILED;
        LambdaReport report = LambdaReport.parse(message);
        if (report != null) {
            return report.summary(detailed, colors);
        }
        if (LambdaLogLine.invocationMark(message)) {
            return detailed ? colors.faint(message) : null;
        }
        if (LambdaLogLine.initMark(message)) {
            return colors.faint(message);
        }
        JsonNode json = LogJsonText.object(message);
        if (json != null) {
            // Lambda's JSON log format: the service's own lines as its text format has them, the function's indented
            LambdaPlatformEvent platform = LambdaPlatformEvent.of(json);
            if (platform == null) {
                return LogJsonText.pretty(json, colors);
            }
            return platform.invocationMark() && !detailed ? null : colors.faint(platform.text());
        }
        LambdaLogLine line = LambdaLogLine.parse(message);
        if (line == null) {
            return message;
        }
        String id = detailed ? line.requestId() : LambdaLogLine.shortId(line.requestId());
        return colors.faint(id) + " " + colors.level(line.level()) + " " + LogJsonText.prettyTail(line.body(), colors);
    }

    /** {"timestamp", "logStream", "eventId", "message"} and, for a Lambda REPORT line, "report" with its figures. */
    private ObjectNode json(LogEvent event) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("timestamp", JSON_TIME.format(Instant.ofEpochMilli(event.timestamp())));
        json.put("logStream", event.logStream());
        json.put("eventId", event.eventId());
        // the line break a runtime ends each line with is the line's end, not its text
        String message = event.message().replaceFirst("[\\r\\n]+$", "");
        json.put("message", message);
        LambdaReport report = LambdaReport.parse(message);
        if (report != null) {
            json.set("report", report.toJson());
        }
        return json;
    }
}
