package dev.dynctl.cli.tail;

import dev.dynctl.error.DynctlException;
import dev.dynctl.tail.TailEnd;
import java.time.Instant;
import picocli.CommandLine.Option;

/** The options every tail shares for when it ends: --follow, --until, --max. */
public final class TailEnding {
    @Option(names = {"-f", "--follow"}, description = "Keep reading as new events arrive, until Ctrl-C, --until or --max.")
    boolean follow;

    @Option(names = "--until", paramLabel = "TIME", converter = UntilConverter.class,
            description = "Stop at this time: ISO-8601 (2026-05-01T10:15:00Z), or a duration from now (30s, 5m). "
                    + "Events after it are not printed.")
    Instant until;

    @Option(names = "--max", paramLabel = "N", description = "Stop after printing N events.")
    Long max;

    public TailEnd end() {
        if (max != null && max < 1) {
            throw DynctlException.usage("--max must be at least 1, not " + max + ".");
        }
        return new TailEnd(follow, until, max);
    }
}
