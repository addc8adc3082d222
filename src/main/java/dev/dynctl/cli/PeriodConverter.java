package dev.dynctl.cli;

import dev.dynctl.cli.table.DurationConverter;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;

/** Reads --period of `table metrics` and `api metrics`: a duration as {@link DurationConverter} reads it, or "auto" (null) to let the window choose. */
public final class PeriodConverter implements ITypeConverter<Duration> {
    public static final String AUTO = "auto";

    @Override
    public Duration convert(String value) {
        return AUTO.equals(value.trim().toLowerCase(Locale.ROOT)) ? null : new DurationConverter().convert(value);
    }
}
