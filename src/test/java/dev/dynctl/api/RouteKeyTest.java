package dev.dynctl.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RouteKeyTest {
    @Test
    void methodAndPath() {
        RouteKey key = RouteKey.parse("get /items/{id}");
        assertThat(key.method()).isEqualTo("GET");
        assertThat(key.path()).isEqualTo("/items/{id}");
        assertThat(key.text()).isEqualTo("GET /items/{id}");
        assertThat(key.segments()).containsExactly("items", "{id}");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "GET /items/{id}|GET/items/*",
        "ANY /{proxy+}|*/*",
        "POST /|POST/",
        "DELETE /a/{b}/c|DELETE/a/*/c",
        "$connect|$connect",
        "$default|$default",
        "sendMessage|sendMessage"})
    void sourceArnPartWritesParametersAsStars(String text, String part) {
        assertThat(RouteKey.parse(text).sourceArnPart()).isEqualTo(part);
    }

    @ParameterizedTest
    @ValueSource(strings = {"$connect", "$disconnect", "$default", "sendMessage", "chat.join", "a:b", "get", "put", "delete"})
    void routeNamesWithoutPath(String text) {
        RouteKey key = RouteKey.parse(text);
        assertThat(key.hasPath()).isFalse();
        assertThat(key.text()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "GET", "GET items", "FETCH /items", "GET /items/", "GET //items", "GET /{proxy+}/x",
        "GET /it ems", "/items", "$other", "GET /{}", "send message"})
    void malformedKeysAreUsageErrorsWithAnExample(String text) {
        assertThatThrownBy(() -> RouteKey.parse(text))
                .isInstanceOfSatisfying(DynctlException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.getMessage()).contains("is malformed");
                    assertThat(e.hint()).contains("'GET /items/{id}'");
                });
    }

    @Test
    void statementIdsAreStablePerRouteAndDifferBetweenRoutes() {
        String a = RouteKey.parse("GET /items/{id}").statementId("abc123");
        assertThat(a).isEqualTo(RouteKey.parse("GET /items/{id}").statementId("abc123")).startsWith("dynctl-abc123-GET-").matches("[A-Za-z0-9_-]+");
        assertThat(a).isNotEqualTo(RouteKey.parse("GET /items/{key}").statementId("abc123"));
        assertThat(RouteKey.parse("$connect").statementId("abc123")).startsWith("dynctl-abc123-connect-").matches("[A-Za-z0-9_-]+");
    }
}
