package dev.dynctl.cli.table;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads durations as people type them: 90s, 5m, 1h30m, 2d, 1w (a week is 7 days), a bare number of
 * seconds, or ISO-8601 (PT5M). Units go from the largest to the smallest, each at most once.
 */
public final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern UNITS = Pattern.compile("(?:(\\d+)w)?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

    @Override
    public Duration convert(String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        Duration duration = text.startsWith("pt") ? iso(value) : units(text);
        if (duration == null || duration.isZero() || duration.isNegative()) {
            throw new TypeConversionException("'" + value + "' is not a duration; use e.g. 30s, 5m, 1h30m, 2d");
        }
        return duration;
    }

    private static Duration units(String text) {
        if (text.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(text));
        }
        Matcher m = UNITS.matcher(text);
        if (text.isEmpty() || !m.matches()) {
            return null;
        }
        return Duration.ofDays(7 * number(m.group(1)) + number(m.group(2))).plusHours(number(m.group(3)))
                .plusMinutes(number(m.group(4))).plusSeconds(number(m.group(5)));
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }

    private static Duration iso(String value) {
        try {
            return Duration.parse(value.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
