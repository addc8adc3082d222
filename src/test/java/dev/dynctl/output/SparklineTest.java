package dev.dynctl.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SparklineTest {
    @Test
    void risingSeriesClimbsEveryBlock() {
        assertThat(Sparkline.of(Arrays.asList(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0))).isEqualTo("▁▂▃▄▅▆▇█");
    }

    @Test
    void missingPointIsAGap() {
        assertThat(Sparkline.of(Arrays.asList(1.0, null, 8.0))).isEqualTo("▁ █");
    }

    @Test
    void flatSeriesLiesLow() {
        assertThat(Sparkline.of(List.of(3.0, 3.0))).isEqualTo("▁▁");
    }

    @Test
    void noPointsNoLine() {
        assertThat(Sparkline.of(List.of())).isEmpty();
    }
}
