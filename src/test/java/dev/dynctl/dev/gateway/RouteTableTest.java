package dev.dynctl.dev.gateway;

import static dev.dynctl.dev.gateway.Apis.route;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouteTableTest {
    private final RouteTable routes = new RouteTable(List.of(
            route("ANY /{proxy+}", "anyProxy"),
            route("GET /pets/{proxy+}", "petsProxy"),
            route("GET /pets/{id}", "pet"),
            route("GET /pets/dog/{id}", "dog"),
            route("GET /pets/dog/1", "dogOne"),
            route("ANY /pets/dog/1", "anyDogOne"),
            route("GET /", "root"),
            route("$default", "fallback")));

    @Test
    void theMostSpecificPathWinsThenTheExactMethod() {
        assertThat(function("GET", "/pets/dog/1")).isEqualTo("dogOne");
        assertThat(function("POST", "/pets/dog/1")).isEqualTo("anyDogOne");
        assertThat(function("GET", "/pets/dog/2")).isEqualTo("dog");
        assertThat(function("GET", "/pets/cat")).isEqualTo("pet");
        assertThat(function("GET", "/pets/cat/1/toys")).isEqualTo("petsProxy");
        assertThat(function("POST", "/pets/cat")).isEqualTo("anyProxy");
        assertThat(function("GET", "/")).isEqualTo("root");
        assertThat(function("POST", "/")).as("a greedy parameter takes at least one segment").isEqualTo("fallback");
    }

    @Test
    void aTrailingSlashIsTheSamePath() {
        assertThat(function("GET", "/pets/cat/")).isEqualTo("pet");
    }

    @Test
    void parametersAreDecoded() {
        RouteMatch match = routes.match("GET", "/pets/dog/a%20b").orElseThrow();
        assertThat(match.pathParameters()).isEqualTo(Map.of("id", "a b"));
        assertThat(routes.match("GET", "/pets/x/y%2Bz/w").orElseThrow().pathParameters()).isEqualTo(Map.of("proxy", "x/y+z/w"));
    }

    @Test
    void withoutDefaultNothingMatchesWhatNoRouteFits() {
        RouteTable noDefault = new RouteTable(List.of(route("GET /items", "items")));
        assertThat(noDefault.match("GET", "/other")).isEmpty();
        assertThat(noDefault.match("POST", "/items")).isEmpty();
        assertThat(noDefault.hasPath("/items")).isTrue();
        assertThat(noDefault.hasPath("/other")).isFalse();
    }

    @Test
    void anExactMethodMatchLeavesAnyAndDefaultOut() {
        assertThat(routes.matchExactMethod("OPTIONS", "/pets/dog/1")).isEmpty();
        assertThat(routes.matchExactMethod("GET", "/pets/dog/1").map(RouteMatch::function)).hasValue("dogOne");
    }

    private String function(String method, String path) {
        Optional<RouteMatch> match = routes.match(method, path);
        return match.map(RouteMatch::function).orElse(null);
    }
}
