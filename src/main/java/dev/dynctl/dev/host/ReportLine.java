package dev.dynctl.dev.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * The line Lambda logs after each invocation, tab-separated as Lambda writes it:
 * {@code REPORT RequestId: … Duration: 12.34 ms Billed Duration: 13 ms Memory Size: 128 MB Max Memory Used: 45 MB Init Duration: 210.50 ms}
 * (Init Duration on a cold start only; Max Memory Used when /proc says it).
 */
final class ReportLine {
    private ReportLine() {
    }

    static String of(String requestId, Duration duration, int memorySizeMb, OptionalLong maxMemoryUsedMb, Duration initDuration) {
        double millis = duration.toNanos() / 1_000_000.0;
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "REPORT RequestId: %s\tDuration: %.2f ms\tBilled Duration: %d ms\tMemory Size: %d MB",
                requestId, millis, (long) Math.max(1, Math.ceil(millis)), memorySizeMb));
        maxMemoryUsedMb.ifPresent(used -> line.append("\tMax Memory Used: ").append(used).append(" MB"));
        if (initDuration != null) {
            line.append(String.format(Locale.ROOT, "\tInit Duration: %.2f ms", initDuration.toNanos() / 1_000_000.0));
        }
        return line.toString();
    }

    /** The process's peak resident memory in MB (VmHWM in /proc), or empty where /proc does not say. */
    static OptionalLong peakMemoryMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    long kilobytes = Long.parseLong(line.substring("VmHWM:".length()).replace("kB", "").trim());
                    return OptionalLong.of((kilobytes + 1023) / 1024);
                }
            }
            return OptionalLong.empty();
        } catch (IOException | RuntimeException notLinuxOrGone) {
            return OptionalLong.empty();
        }
    }
}
