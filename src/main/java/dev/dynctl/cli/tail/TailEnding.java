package dev.dynctl.cli.tail;

import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
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

    /**
     * What Ctrl-C ends a tail with (exit 130): one line, the same for both tails, "Interrupted after
     * 3 events." and what to know more, if anything ({@code more}: "orders.tail holds where to go on").
     *
     * @param noun what the tail prints, singular: "event", "change"
     */
    public static DynctlException interrupted(long printed, String noun, String more) {
        return new DynctlException(ExitCode.INTERRUPTED, "Interrupted after " + printed + " " + noun + (printed == 1 ? "" : "s")
                + (more == null ? "." : "; " + more + "."));
    }
}
