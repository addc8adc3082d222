package dev.dynctl.model;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * How a date attribute is stored. ISO-8601 text is the default: readable in every tool and, written
 * by dynctl always with milliseconds and 'Z', it sorts as text in time order (a sort key works).
 * The epoch forms are numbers, as Dynamoose (milliseconds) and DynamoDB's TTL (seconds) use.
 */
public enum DateFormat {
    /** {@code 2024-05-01T12:00:00.000Z}; any date-time with an offset, or a plain date, is accepted. */
    ISO("iso"),
    /** Seconds since 1970-01-01T00:00:00Z. */
    EPOCH("epoch"),
    /** Milliseconds since 1970-01-01T00:00:00Z. */
    EPOCH_MS("epoch-ms");

    private static final DateTimeFormatter WRITTEN = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSX", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final String label;

    DateFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public AttributeValue format(Instant instant) {
        return switch (this) {
            case ISO -> AttributeValue.fromS(WRITTEN.format(instant));
            case EPOCH -> AttributeValue.fromN(Long.toString(instant.getEpochSecond()));
            case EPOCH_MS -> AttributeValue.fromN(Long.toString(instant.toEpochMilli()));
        };
    }

    /** Whether a stored value is a date in this format. */
    public boolean accepts(AttributeValue value) {
        if (this == ISO) {
            return value.s() != null && isIsoDate(value.s());
        }
        return value.n() != null && isNumber(value.n());
    }

    /** What a value in this format looks like, for messages. */
    public String described() {
        return switch (this) {
            case ISO -> "an ISO-8601 date (2024-05-01T12:00:00Z or 2024-05-01)";
            case EPOCH -> "a date in epoch seconds (a number)";
            case EPOCH_MS -> "a date in epoch milliseconds (a number)";
        };
    }

    public static Optional<DateFormat> parse(String text) {
        String wanted = text.toLowerCase(Locale.ROOT).replace("_", "-");
        return Arrays.stream(values()).filter(f -> f.label.equals(wanted)).findFirst();
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(DateFormat::label).toList();
    }

    private static boolean isIsoDate(String text) {
        try {
            OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            return true;
        } catch (DateTimeException notADateTime) {
            try {
                LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
                return true;
            } catch (DateTimeException notADate) {
                return false;
            }
        }
    }

    private static boolean isNumber(String text) {
        try {
            new BigDecimal(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
