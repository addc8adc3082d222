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
 * 2024-05-01T12:15:00+02:00), a date (2024-05-01, midnight UTC), or a time back from now
 * (10m ago, 2h, 1h30m ago, 7d ago). A date-time without a zone is refused: UTC and local time differ by
 * hours, and a restore to the wrong hour is worse than a question.
 */
public final class MomentConverter implements ITypeConverter<Instant> {
    private static final Pattern DAYS = Pattern.compile("(\\d+)d(.*)");
    private static final String EXAMPLES = "use e.g. 2024-05-01T10:15:00Z, 2024-05-01 or '2h ago'";

    @Override
    public Instant convert(String value) {
        String text = value.trim();
        if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        if (text.matches("\\d{4}-\\d{2}-\\d{2}T.*")) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not an ISO-8601 time with a zone (add Z for UTC); " + EXAMPLES);
            }
        }
        String ago = text.toLowerCase(Locale.ROOT).replaceFirst("\\s*ago$", "");
        Matcher days = DAYS.matcher(ago);
        try {
            if (days.matches()) {
                Duration rest = days.group(2).isEmpty() ? Duration.ZERO : new DurationConverter().convert(days.group(2));
                return Instant.now().minus(Duration.ofDays(Long.parseLong(days.group(1)))).minus(rest);
            }
            return Instant.now().minus(new DurationConverter().convert(ago));
        } catch (TypeConversionException e) {
            throw new TypeConversionException("'" + value + "' is not a time; " + EXAMPLES);
        }
    }
}
