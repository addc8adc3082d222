package dev.dynctl.dev.gateway;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times as API Gateway writes them in events: "12/Mar/2020:19:03:58 +0000" and epoch milliseconds. */
final class EventTime {
    private static final DateTimeFormatter CLF = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private EventTime() {
    }

    static String text(Instant time) {
        return CLF.format(time);
    }
}
