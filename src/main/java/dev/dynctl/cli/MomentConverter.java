package dev.dynctl.cli;

import dev.dynctl.cli.table.DurationConverter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a moment as people type it: ISO-8601 with a zone (2024-05-01T10:15:00Z,
 * 2024-05-01T12:15:00+02:00), a date (2024-05-01, midnight UTC), a time back from now
 * (10m ago, 2h, 1h30m ago, 7d ago; 0s is now), or now. A date-time without a zone is refused: UTC and
 * local time differ by hours, and a restore to the wrong hour is worse than a question. So is a bare
 * number: 10 could be seconds, minutes or an epoch.
 */
public final class MomentConverter implements ITypeConverter<Instant> {
    private static final Pattern DAYS = Pattern.compile("(\\d+)d(.*)");
    /** 0s, 0m, 0h0m: no time back from now at all, which DurationConverter refuses as a duration. */
    private static final Pattern ZERO = Pattern.compile("(?:0+[wdhms])+");
    private static final String EXAMPLES = "use e.g. 2024-05-01T10:15:00Z, 2024-05-01, '2h ago' or now";

    @Override
    public Instant convert(String value) {
        return read(value, EXAMPLES);
    }

    /**
     * The moment {@code value} says, refused with {@code examples} (", use e.g. …") when it says none:
     * for converters that read more forms than this one and give their own examples.
     */
    public static Instant read(String value, String examples) {
        String text = value.trim();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals("now")) {
            return Instant.now();
        }
        if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        if (text.matches("\\d{4}-\\d{2}-\\d{2}T.*")) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not an ISO-8601 time with a zone (add Z for UTC); " + examples);
            }
        }
        String ago = lower.replaceFirst("\\s*ago$", "");
        if (ago.matches("\\d+")) {
            throw new TypeConversionException("'" + value + "' is a number without a unit; use e.g. " + ago + "s, " + ago + "m or "
                    + ago + "h");
        }
        if (ZERO.matcher(ago).matches()) {
            return Instant.now();
        }
        Matcher days = DAYS.matcher(ago);
        try {
            if (days.matches()) {
                Duration rest = days.group(2).isEmpty() ? Duration.ZERO : new DurationConverter().convert(days.group(2));
                return Instant.now().minus(Duration.ofDays(Long.parseLong(days.group(1)))).minus(rest);
            }
            return Instant.now().minus(new DurationConverter().convert(ago));
        } catch (TypeConversionException e) {
            throw new TypeConversionException("'" + value + "' is not a time; " + examples);
        }
    }
}
