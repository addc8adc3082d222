package dev.dynctl.cli.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {
    private final DurationConverter converter = new DurationConverter();

    @Test
    void secondsMinutesHoursAsBefore() {
        assertThat(converter.convert("90")).isEqualTo(Duration.ofSeconds(90));
        assertThat(converter.convert("45s")).isEqualTo(Duration.ofSeconds(45));
        assertThat(converter.convert("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(converter.convert("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(converter.convert(" 1H ")).isEqualTo(Duration.ofHours(1));
        assertThat(converter.convert("PT5M")).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void daysAndWeeks() {
        assertThat(converter.convert("2d")).isEqualTo(Duration.ofDays(2));
        assertThat(converter.convert("1w")).isEqualTo(Duration.ofDays(7));
        assertThat(converter.convert("1w2d3h")).isEqualTo(Duration.ofDays(9).plusHours(3));
        assertThat(converter.convert("1d12h")).isEqualTo(Duration.ofHours(36));
    }

    @Test
    void notADuration() {
        for (String text : new String[] {"soon", "", "0", "0m", "5m1h", "1d1w", "2x", "PT"}) {
            assertThatThrownBy(() -> converter.convert(text)).as(text).isInstanceOf(TypeConversionException.class)
                    .hasMessageContaining("is not a duration");
        }
    }
}
