package dev.dynctl.tail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.codec.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How one event is printed in each format, for a pipe and for a person at a terminal. */
class LogPrinterTest {
    private static final long TIME = Instant.parse("2026-05-01T10:15:00.123Z").toEpochMilli();
    private static final String STREAM = "2026/05/01/[$LATEST]0a1b2c";
    private static final String ID = "8f5e1c2a-0000-4000-8000-000000000000";

    @Test
    void forAPipeMessagesStayAsWrittenInTheFormatsOfAwsLogsTail() {
        LogEvent event = event(lambdaLine("INFO", "{\"user\":\"u1\"}"));

        assertThat(plain(LogFormat.SHORT).text(event)).isEqualTo("2026-05-01T10:15:00 " + lambdaLine("INFO", "{\"user\":\"u1\"}").strip());
        assertThat(plain(LogFormat.DETAILED).text(event))
                .isEqualTo("2026-05-01T10:15:00.123000+00:00 " + STREAM + " " + lambdaLine("INFO", "{\"user\":\"u1\"}").strip());
        assertThat(plain(LogFormat.SHORT).text(event("START RequestId: " + ID + " Version: $LATEST\n")))
                .isEqualTo("2026-05-01T10:15:00 START RequestId: " + ID + " Version: $LATEST");
    }

    @Test
    void aMessageOfSeveralLinesKeepsThemTogether() {
        StringWriter out = new StringWriter();
        LogPrinter printer = new LogPrinter(LogFormat.SHORT, false, false, new PrintWriter(out), null);

        assertThat(printer.show(event("Traceback:\n  File \"app.py\"\nKeyError: 'id'\n"))).isTrue();
        assertThat(printer.show(event("next\n"))).isTrue();

        assertThat(out.toString()).isEqualTo("2026-05-01T10:15:00 Traceback:\n  File \"app.py\"\nKeyError: 'id'\n"
                + "2026-05-01T10:15:00 next\n");
    }

    @Test
    void jsonIsOneObjectALineWithTheReportsFigures() throws Exception {
        String report = "REPORT RequestId: " + ID + "\tDuration: 2.50 ms\tBilled Duration: 3 ms\tMemory Size: 128 MB\tMax Memory Used: 40 MB\t\n";

        JsonNode line = Json.MAPPER.readTree(new LogPrinter(LogFormat.JSON, true, true, new PrintWriter(new StringWriter()), null)
                .text(new LogEvent(TIME, STREAM, "3761", report)));

        assertThat(line.get("timestamp").asText()).isEqualTo("2026-05-01T10:15:00.123Z");
        assertThat(line.get("logStream").asText()).isEqualTo(STREAM);
        assertThat(line.get("eventId").asText()).isEqualTo("3761");
        assertThat(line.get("message").asText()).isEqualTo(report.strip() + "\t");
        assertThat(line.get("report").toString()).isEqualTo("{\"requestId\":\"" + ID + "\",\"durationMs\":2.50,\"billedDurationMs\":3,"
                + "\"memorySizeMB\":128,\"maxMemoryUsedMB\":40}");
        assertThat(Json.MAPPER.readTree(new LogPrinter(LogFormat.JSON, false, false, new PrintWriter(new StringWriter()), null)
                .text(event("plain\n"))).has("report")).isFalse();
    }

    @Test
    void onATerminalJsonIsIndentedTheRequestIdShortAndTheLevelColoured() {
        LogPrinter printer = new LogPrinter(LogFormat.SHORT, true, true, new PrintWriter(new StringWriter()), null);

        String text = printer.text(event(lambdaLine("ERROR", "{\"error\":\"boom\",\"code\":7,\"retry\":false,\"tags\":[\"a\"]}")));

        assertThat(strip(text)).isEqualTo("2026-05-01T10:15:00 8f5e1c2a ERROR {\n  \"error\": \"boom\",\n  \"code\": 7,\n"
                + "  \"retry\": false,\n  \"tags\": [\n    \"a\"\n  ]\n}");
        assertThat(text).contains("\u001b[31mERROR\u001b[0m", "\u001b[34m\"error\"\u001b[0m", "\u001b[32m\"boom\"\u001b[0m");
    }

    @Test
    void onATerminalAStructuredLogsLevelIsColouredAndPythonsPrefixRead() {
        LogPrinter printer = new LogPrinter(LogFormat.SHORT, true, true, new PrintWriter(new StringWriter()), null);

        assertThat(printer.text(event("{\"level\":\"WARN\",\"msg\":\"slow\"}"))).contains("\u001b[33m\"WARN\"\u001b[0m");
        assertThat(strip(printer.text(event("[WARNING]\t2026-05-01T10:15:00.123Z\t" + ID + "\tdisk almost full\n"))))
                .isEqualTo("2026-05-01T10:15:00 8f5e1c2a WARNING disk almost full");
    }

    @Test
    void onATerminalStartAndEndAreLeftOutOfShortAndDimmedInDetailed() {
        LogPrinter shortPrinter = new LogPrinter(LogFormat.SHORT, true, false, new PrintWriter(new StringWriter()), null);
        LogPrinter detailed = new LogPrinter(LogFormat.DETAILED, true, true, new PrintWriter(new StringWriter()), null);
        LogEvent start = event("START RequestId: " + ID + " Version: $LATEST\n");
        LogEvent end = event("END RequestId: " + ID + "\n");

        assertThat(shortPrinter.text(start)).isNull();
        assertThat(shortPrinter.show(end)).isFalse();
        assertThat(detailed.text(end)).endsWith("\u001b[2mEND RequestId: " + ID + "\u001b[0m");
        assertThat(shortPrinter.text(event("INIT_START Runtime Version: python:3.12.v18\n")))
                .isEqualTo("2026-05-01T10:15:00 INIT_START Runtime Version: python:3.12.v18");
    }

    @Test
    void onATerminalLambdasJsonLogFormatIsAsShortAsItsTextFormat() {
        LogPrinter shortPrinter = new LogPrinter(LogFormat.SHORT, true, false, new PrintWriter(new StringWriter()), null);
        LogPrinter detailed = new LogPrinter(LogFormat.DETAILED, true, false, new PrintWriter(new StringWriter()), null);
        LogEvent initStart = event("{\"time\":\"2026-05-01T10:15:00.000Z\",\"type\":\"platform.initStart\",\"record\":{"
                + "\"initializationType\":\"on-demand\",\"phase\":\"init\",\"runtimeVersion\":\"nodejs:20.v13\","
                + "\"runtimeVersionArn\":\"arn:aws:lambda:us-east-1::runtime:abc\",\"functionName\":\"f\",\"functionVersion\":\"$LATEST\"}}\n");
        LogEvent start = event("{\"time\":\"2026-05-01T10:15:00.000Z\",\"type\":\"platform.start\",\"record\":{\"requestId\":\""
                + ID + "\",\"version\":\"$LATEST\"}}");
        LogEvent runtimeDone = event("{\"time\":\"2026-05-01T10:15:00.000Z\",\"type\":\"platform.runtimeDone\",\"record\":{"
                + "\"requestId\":\"" + ID + "\",\"status\":\"success\",\"metrics\":{\"durationMs\":2.1,\"producedBytes\":50},"
                + "\"spans\":[{\"name\":\"responseLatency\",\"durationMs\":1.2}]}}");
        LogEvent report = event("{\"time\":\"2026-05-01T10:15:00.000Z\",\"type\":\"platform.report\",\"record\":{\"requestId\":\""
                + ID + "\",\"metrics\":{\"durationMs\":2.5,\"billedDurationMs\":3,\"memorySizeMB\":128,\"maxMemoryUsedMB\":60,"
                + "\"initDurationMs\":150.2},\"status\":\"success\"}}");
        LogEvent other = event("{\"time\":\"2026-05-01T10:15:00.000Z\",\"type\":\"platform.extension\",\"record\":{"
                + "\"name\":\"x\",\"state\":\"Ready\"}}");

        assertThat(shortPrinter.text(initStart)).isEqualTo("2026-05-01T10:15:00 INIT_START Runtime Version: nodejs:20.v13 "
                + "Runtime Version ARN: arn:aws:lambda:us-east-1::runtime:abc");
        assertThat(shortPrinter.text(start)).isNull();
        assertThat(shortPrinter.text(runtimeDone)).isNull();
        assertThat(detailed.text(start)).endsWith(" START RequestId: " + ID + " Version: $LATEST");
        assertThat(detailed.text(runtimeDone)).endsWith(" END RequestId: " + ID);
        assertThat(shortPrinter.text(report)).isEqualTo("2026-05-01T10:15:00 REPORT 8f5e1c2a 2.5 ms (billed 3 ms), memory 60/128 MB, "
                + "cold start 150 ms");
        assertThat(shortPrinter.text(other)).isEqualTo("2026-05-01T10:15:00 platform.extension {\"name\":\"x\",\"state\":\"Ready\"}");
        assertThat(new LogPrinter(LogFormat.SHORT, true, true, new PrintWriter(new StringWriter()), null).text(initStart))
                .contains("\u001b[2mINIT_START Runtime Version: nodejs:20.v13");
        // for a pipe, the records as Lambda wrote them
        assertThat(plain(LogFormat.SHORT).text(runtimeDone)).contains("\"type\":\"platform.runtimeDone\"");
    }

    @Test
    void onATerminalNodesInvokeErrorIsIndentedLikeOtherJson() {
        LogPrinter printer = new LogPrinter(LogFormat.SHORT, true, false, new PrintWriter(new StringWriter()), null);

        String text = printer.text(event(lambdaLine("ERROR", "Invoke Error \t{\"errorType\":\"Error\",\"errorMessage\":\"boom\","
                + "\"stack\":[\"Error: boom\",\"    at handler (/var/task/index.js:3:9)\"]}")));

        assertThat(text).isEqualTo("2026-05-01T10:15:00 8f5e1c2a ERROR Invoke Error {\n  \"errorType\": \"Error\",\n"
                + "  \"errorMessage\": \"boom\",\n  \"stack\": [\n    \"Error: boom\",\n    \"    at handler (/var/task/index.js:3:9)\"\n  ]\n}");
        assertThat(printer.text(event(lambdaLine("INFO", "count {not json")))).endsWith("INFO count {not json");
    }

    private static String lambdaLine(String level, String message) {
        return "2026-05-01T10:15:00.123Z\t" + ID + "\t" + level + "\t" + message + "\n";
    }

    private static LogEvent event(String message) {
        return new LogEvent(TIME, STREAM, "1", message);
    }

    private static LogPrinter plain(LogFormat format) {
        return new LogPrinter(format, false, false, new PrintWriter(new StringWriter()), null);
    }

    private static String strip(String text) {
        return text.replaceAll("\u001b\\[[0-9;]*m", "");
    }
}
