package dev.dynctl.cli.table;

import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;

/** Reads --period: a duration as {@link DurationConverter} reads it, or "auto" (null) to let the window choose. */
public final class PeriodConverter implements ITypeConverter<Duration> {
    static final String AUTO = "auto";

    @Override
    public Duration convert(String value) {
        return AUTO.equals(value.trim().toLowerCase(Locale.ROOT)) ? null : new DurationConverter().convert(value);
    }
}
