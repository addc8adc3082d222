package dev.dynctl.cli.table;

import dev.dynctl.dynamo.TableService;
import java.time.Duration;
import picocli.CommandLine.Option;

/** --wait and --timeout for commands that change a table; a timeout alone also means "wait". */
final class WaitOptions {
    @Option(names = "--wait", description = "Wait until the change is done (table, indexes and replicas ACTIVE, or the table gone).")
    boolean wait;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Wait at most this long, e.g. 90s, 5m, 1h (implies --wait; default 10m).")
    Duration timeout;

    /** How long to wait, or null when the command should not wait. */
    Duration limit() {
        if (timeout != null) {
            return timeout;
        }
        return wait ? TableService.DEFAULT_TIMEOUT : null;
    }
}
