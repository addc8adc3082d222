package dev.dynctl.cli.tail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** --until: durations count forward, moments are read as --since reads them, and every refusal gives the same examples. */
class UntilConverterTest {
    private final UntilConverter converter = new UntilConverter();

    @Test
    void aDurationIsFromNowAndNowOrZeroIsNow() {
        Instant before = Instant.now();
        assertThat(converter.convert("5m")).isBetween(before.plus(Duration.ofMinutes(5)), Instant.now().plus(Duration.ofMinutes(5)));
        assertThat(converter.convert("10m ago")).isBefore(before);
        for (String now : new String[] {"now", "0s"}) {
            Instant start = Instant.now();
            assertThat(converter.convert(now)).as(now).isBetween(start, Instant.now());
        }
    }

    @Test
    void everyValueThatIsNoTimeGetsOneMessage() {
        for (String bad : new String[] {"soon", "5x", "1q ago", "tomorrow"}) {
            assertThatThrownBy(() -> converter.convert(bad)).as(bad)
                    .hasMessage("'" + bad + "' is not a time; use e.g. 2026-05-01T10:15:00Z, 5m (from now), '10m ago' or now");
        }
        assertThatThrownBy(() -> converter.convert("10")).hasMessage("'10' is a number without a unit; use e.g. 10s, 10m or 10h");
    }
}
