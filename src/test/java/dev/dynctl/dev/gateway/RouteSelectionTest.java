package dev.dynctl.dev.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RouteSelectionTest {
    @Test
    void theKeyIsTheBodysField() {
        RouteSelection action = RouteSelection.parse("$request.body.action");
        assertThat(action.select(bytes("{\"action\": \"list\", \"id\": 1}"))).isEqualTo("list");
        assertThat(action.select(bytes("{\"id\": 1}"))).isNull();
        assertThat(action.select(bytes("not json"))).isNull();
        assertThat(action.select(bytes("[1, 2]"))).isNull();
        assertThat(action.select(bytes("{\"action\": {\"nested\": true}}"))).isNull();
    }

    @Test
    void bracesAndDeeperFieldsAreUnderstood() {
        assertThat(RouteSelection.parse("${request.body.action}").select(bytes("{\"action\": \"get\"}"))).isEqualTo("get");
        assertThat(RouteSelection.parse("$request.body.meta.kind").select(bytes("{\"meta\": {\"kind\": \"put\"}}"))).isEqualTo("put");
    }

    @Test
    void anExpressionThatIsNotABodyFieldSelectsNothing() {
        assertThat(RouteSelection.parse("$request.header.x")).isNull();
        assertThat(RouteSelection.parse(null)).isNull();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
