package dev.dynctl.cli.tail;

import dev.dynctl.cli.MomentConverter;
import dev.dynctl.cli.table.DurationConverter;
import java.time.Instant;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads --until: a bare duration counted forward from now (30s, 5m: stop following in five
 * minutes), or a moment as {@link MomentConverter} reads it (ISO-8601, a date, "10m ago", now, 0s).
 * Whatever is wrong with a value, the refusal gives the same examples.
 */
final class UntilConverter implements ITypeConverter<Instant> {
    static final String EXAMPLES = "use e.g. 2026-05-01T10:15:00Z, 5m (from now), '10m ago' or now";

    @Override
    public Instant convert(String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        if (text.matches("[0-9].*[a-z]") && !text.matches("\\d{4}-.*") && !text.endsWith("ago")) {
            try {
                return Instant.now().plus(new DurationConverter().convert(text));
            } catch (TypeConversionException notForward) {
                // 0s (now) is no duration, and what is no time at all is refused below, in the same words
            }
        }
        return MomentConverter.read(value, EXAMPLES);
    }
}
