package dev.dynctl.cli.tail;

import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import dev.dynctl.tail.TailEnd;
import java.time.Instant;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The options every tail shares for when it ends: --follow, --until, --max. */
public final class TailEnding {
    @Option(names = {"-f", "--follow"}, description = "Keep reading as new ones arrive, until Ctrl-C, --until or --max.")
    boolean follow;

    @Option(names = "--until", paramLabel = "TIME", converter = UntilConverter.class,
            description = "Stop at this time: ISO-8601 (2026-05-01T10:15:00Z), a duration from now (30s, 5m), or now. "
                    + "What happened after it is not printed.")
    Instant until;

    @Option(names = "--max", paramLabel = "N", converter = CountConverter.class,
            description = "Stop once N are printed: N log events (tail logs), N changes (tail table).")
    Long max;

    public TailEnd end() {
        if (max != null && max < 1) {
            throw DynctlException.usage("--max must be at least 1, not " + max + ".");
        }
        return new TailEnd(follow, until, max);
    }

    /** Reads --max in words a user knows: "'abc' is not a whole number" rather than Java's "not a long". */
    static final class CountConverter implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                return Long.valueOf(value.trim());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a whole number");
            }
        }
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
