package dev.dynctl.tail;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Lambda's REPORT lines, in its text and JSON log formats, read into figures and summed up for a person. */
class LambdaReportTest {
    private static final LogColors PLAIN = new LogColors(false);
    private static final String COLD = "REPORT RequestId: 3f5c9a1b-1111-4222-8333-944455556666\tDuration: 12.34 ms\t"
            + "Billed Duration: 13 ms\tMemory Size: 128 MB\tMax Memory Used: 70 MB\tInit Duration: 150.00 ms\t";

    @Test
    void aColdStartReportReadsEveryFigure() {
        LambdaReport report = LambdaReport.parse(COLD);

        assertThat(report).isEqualTo(new LambdaReport("3f5c9a1b-1111-4222-8333-944455556666", new BigDecimal("12.34"),
                new BigDecimal("13"), new BigDecimal("128"), new BigDecimal("70"), new BigDecimal("150.00"), null));
        assertThat(report.summary(false, PLAIN)).isEqualTo("REPORT 3f5c9a1b 12.34 ms (billed 13 ms), memory 70/128 MB, cold start 150 ms");
        assertThat(report.summary(true, PLAIN)).startsWith("REPORT 3f5c9a1b-1111-4222-8333-944455556666 12.34 ms");
    }

    @Test
    void aWarmReportWithSpacesAndATimeoutSaysSo() {
        LambdaReport report = LambdaReport.parse("REPORT RequestId: abc Duration: 3000.00 ms Billed Duration: 3000 ms "
                + "Memory Size: 128 MB Max Memory Used: 120 MB Status: timeout");

        assertThat(report.initDuration()).isNull();
        assertThat(report.summary(false, PLAIN)).isEqualTo("REPORT abc 3000.00 ms (billed 3000 ms), memory 120/128 MB, timeout");
        assertThat(report.summary(false, new LogColors(true)))
                .contains("\u001b[33mmemory 120/128 MB\u001b[0m", "\u001b[31mtimeout\u001b[0m");
    }

    @Test
    void lambdasJsonLogFormatReportsTheSame() {
        LambdaReport report = LambdaReport.parse("{\"time\":\"2026-05-01T10:15:00.000Z\",\"type\":\"platform.report\",\"record\":"
                + "{\"requestId\":\"r-1\",\"metrics\":{\"durationMs\":12.34,\"billedDurationMs\":13,\"memorySizeMB\":128,"
                + "\"maxMemoryUsedMB\":70,\"initDurationMs\":150.0},\"status\":\"success\"}}");

        assertThat(report.summary(false, PLAIN)).isEqualTo("REPORT r-1 12.34 ms (billed 13 ms), memory 70/128 MB, cold start 150 ms");
        assertThat(report.toJson().toString()).isEqualTo("{\"requestId\":\"r-1\",\"durationMs\":12.34,\"billedDurationMs\":13,"
                + "\"memorySizeMB\":128,\"maxMemoryUsedMB\":70,\"initDurationMs\":150.0}");
    }

    @Test
    void otherLinesAndCutReportsAreNoReport() {
        assertThat(LambdaReport.parse("START RequestId: abc Version: $LATEST")).isNull();
        assertThat(LambdaReport.parse("REPORT RequestId: abc Duration: 1.00 ms")).isNull();
        assertThat(LambdaReport.parse("{\"type\":\"platform.start\"}")).isNull();
        assertThat(LambdaReport.parse("my REPORT RequestId: abc")).isNull();
    }
}
