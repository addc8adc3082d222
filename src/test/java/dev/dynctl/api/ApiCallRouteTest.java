package dev.dynctl.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A request lands on the route API Gateway would pick: that route's authorization decides the signing. */
class ApiCallRouteTest {
    private static final List<RouteInfo> ROUTES = List.of(
            route("ANY /{proxy+}", "none"),
            route("GET /items/{id}", "iam"),
            route("ANY /items/{id}", "none"),
            route("GET /items/special", "cognito"),
            route("GET /{a}/b", "none"),
            route("GET /a/{b}", "iam"),
            route("GET /", "none"),
            route("$default", "none"));

    private static RouteInfo route(String key, String auth) {
        return new RouteInfo(RouteKey.parse(key), null, null, null, auth);
    }

    private static String key(String method, String path) {
        return ApiCallRoute.find(ROUTES, method, path).map(ApiCallRoute::key).orElse(null);
    }

    @Test
    void literalsWinOverParamsOverGreedyThenTheMethodOverAnyThenDefault() {
        assertThat(key("GET", "/items/special")).isEqualTo("GET /items/special");
        assertThat(key("GET", "/items/7")).isEqualTo("GET /items/{id}");
        assertThat(key("PUT", "/items/7")).isEqualTo("ANY /items/{id}");
        assertThat(key("GET", "/items/7/parts")).isEqualTo("ANY /{proxy+}");
        assertThat(key("GET", "/")).isEqualTo("GET /");
        assertThat(key("POST", "/")).as("a greedy parameter takes at least one segment").isEqualTo("$default");
        assertThat(ApiCallRoute.find(ROUTES, "GET", "/items/7")).map(ApiCallRoute::iam).hasValue(true);
    }

    @Test
    void theLeftmostSegmentDecidesAsTheLocalGatewayDecides() {
        assertThat(key("GET", "/a/b")).isEqualTo("GET /a/{b}");
    }

    @Test
    void withoutDefaultWhatNoRouteFitsHasNoRoute() {
        assertThat(ApiCallRoute.find(List.of(route("GET /items", "none")), "POST", "/items")).isEqualTo(Optional.empty());
    }
}
