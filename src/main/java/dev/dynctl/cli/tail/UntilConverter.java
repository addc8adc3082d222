package dev.dynctl.cli.tail;

import dev.dynctl.cli.MomentConverter;
import dev.dynctl.cli.table.DurationConverter;
import java.time.Instant;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads --until: a moment as {@link MomentConverter} reads it (ISO-8601, a date, "10m ago"), or a bare
 * duration counted forward from now (30s, 5m: stop following in five minutes).
 */
final class UntilConverter implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        if (text.matches("[0-9].*") && !text.matches("\\d{4}-.*") && !text.endsWith("ago")) {
            try {
                return Instant.now().plus(new DurationConverter().convert(text));
            } catch (TypeConversionException e) {
                throw new TypeConversionException("'" + value + "' is not a time; use e.g. 2026-05-01T10:15:00Z or 5m (from now)");
            }
        }
        return new MomentConverter().convert(value);
    }
}
