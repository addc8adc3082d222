package dev.dynctl.dev.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryStringTest {
    @Test
    void valuesAreDecodedAndKeptInOrder() {
        assertThat(QueryString.parse("a=1&b=x+y&a=2&c&d=%E2%82%AC&&e="))
                .containsExactly(Map.entry("a", List.of("1", "2")), Map.entry("b", List.of("x y")), Map.entry("c", List.of("")),
                        Map.entry("d", List.of("€")), Map.entry("e", List.of("")));
        assertThat(QueryString.parse("")).isEmpty();
    }

    @Test
    void aMalformedEscapeIsKeptAsWritten() {
        assertThat(QueryString.parse("q=100%&r=%zz")).containsEntry("q", List.of("100%")).containsEntry("r", List.of("%zz"));
    }

    @Test
    void aPathKeepsItsPlusSigns() {
        assertThat(PercentDecoding.path("/a+b/%E2%82%AC/%2F/%")).isEqualTo("/a+b/€///%");
    }
}
