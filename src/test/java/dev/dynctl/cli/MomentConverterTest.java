package dev.dynctl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

/** Moments as people type them, and what is refused. */
class MomentConverterTest {
    private final MomentConverter converter = new MomentConverter();

    @Test
    void nowAndNoTimeBackAreNow() {
        for (String now : new String[] {"now", "NOW", "0s", "0m ago", "0h0m"}) {
            Instant before = Instant.now();
            Instant read = converter.convert(now);
            assertThat(read).as(now).isBetween(before, Instant.now());
        }
    }

    @Test
    void isoDatesAndTimesBack() {
        assertThat(converter.convert("2026-05-01T10:15:00Z")).isEqualTo(Instant.parse("2026-05-01T10:15:00Z"));
        assertThat(converter.convert("2026-05-01")).isEqualTo(Instant.parse("2026-05-01T00:00:00Z"));
        Instant before = Instant.now();
        assertThat(converter.convert("2h ago")).isBetween(before.minus(Duration.ofHours(2)), Instant.now().minus(Duration.ofHours(2)));
    }

    @Test
    void aNumberWithoutAUnitIsRefusedWithTheUnitsItCouldHaveMeant() {
        assertThatThrownBy(() -> converter.convert("10")).isInstanceOf(TypeConversionException.class)
                .hasMessage("'10' is a number without a unit; use e.g. 10s, 10m or 10h");
        assertThatThrownBy(() -> converter.convert("10 ago")).hasMessageContaining("without a unit");
    }

    @Test
    void whatIsNoTimeIsRefusedWithExamples() {
        assertThatThrownBy(() -> converter.convert("soon"))
                .hasMessage("'soon' is not a time; use e.g. 2024-05-01T10:15:00Z, 2024-05-01, '2h ago' or now");
        assertThatThrownBy(() -> converter.convert("2026-05-01T10:15:00")).hasMessageContaining("with a zone (add Z for UTC)");
    }
}
