package dev.dynctl.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Objects;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** A sparkline has one character per point, the smallest value at ▁, the largest at █ and a space per gap. */
class SparklineProperties {
    @Property(tries = 300)
    void oneCharacterPerPoint(@ForAll("series") List<Double> points) {
        assertThat(Sparkline.of(points)).hasSize(points.size());
    }

    @Property(tries = 300)
    void smallestIsLowestBlockAndLargestIsHighest(@ForAll("series") List<Double> points) {
        List<Double> present = points.stream().filter(Objects::nonNull).toList();
        Assume.that(!present.isEmpty());
        double min = present.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = present.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        String line = Sparkline.of(points);
        for (int i = 0; i < points.size(); i++) {
            Double point = points.get(i);
            if (point == null) {
                assertThat(line.charAt(i)).isEqualTo(' ');
            } else if (point == min) {
                assertThat(line.charAt(i)).isEqualTo('▁');
            } else if (point == max) {
                assertThat(line.charAt(i)).isEqualTo('█');
            } else {
                assertThat("▁▂▃▄▅▆▇█").contains(String.valueOf(line.charAt(i)));
            }
        }
    }

    @Property(tries = 100)
    void higherValuesNeverGetLowerBlocks(@ForAll("series") List<Double> points) {
        String line = Sparkline.of(points);
        for (int i = 0; i < points.size(); i++) {
            for (int j = 0; j < points.size(); j++) {
                if (points.get(i) != null && points.get(j) != null && points.get(i) < points.get(j)) {
                    assertThat(line.charAt(i)).isLessThanOrEqualTo(line.charAt(j));
                }
            }
        }
    }

    @Provide
    Arbitrary<List<Double>> series() {
        Arbitrary<Double> value = Arbitraries.doubles().between(-1e6, 1e6).injectNull(0.15);
        return value.list().ofMinSize(0).ofMaxSize(60);
    }
}
