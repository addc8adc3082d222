package dev.dynctl.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
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

    @Test
    void aLongSeriesIsJoinedIntoBucketsCountedBackFromTheNewest() {
        // 10 points in 4 columns: 3 a bucket from the newest end, so the oldest bucket has the one point left over
        List<Double> points = Arrays.asList(9.0, 1.0, 2.0, 3.0, null, null, null, 0.0, 0.0, 8.0);
        assertThat(Sparkline.buckets(points, 4, Math::max)).containsExactly(9.0, 3.0, null, 8.0);
        assertThat(Sparkline.of(points, 4, Math::max)).isEqualTo("█▁ ▇");
        assertThat(Sparkline.buckets(points, 4, Double::sum)).containsExactly(9.0, 6.0, null, 8.0);
    }

    @Test
    void aSeriesThatFitsIsShownPointForPoint() {
        assertThat(Sparkline.of(Arrays.asList(1.0, null, 8.0), 3, Math::max)).isEqualTo("▁ █");
    }

    @Test
    void aDayOfMinutesFitsSixtyColumnsWithTheNewestMinuteLast() {
        List<Double> day = new ArrayList<>(Collections.nCopies(1440, (Double) null));
        day.set(0, 1.0);
        day.set(1439, 5.0);
        String line = Sparkline.of(day, 60, Math::max);
        assertThat(line).hasSize(60).startsWith("▁").endsWith("█");
        assertThat(line.substring(1, 59)).isBlank();
    }
}
