package dev.dynctl.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A request lands on the route API Gateway would pick: that route's authorization decides the signing. */
class ApiCallRouteTest {
    @Test
    void routeScoresPreferLiteralsThenParamsThenGreedyThenDefault() {
        int literal = ApiCallRoute.score("GET /items/special", "GET", "/items/special");
        int param = ApiCallRoute.score("GET /items/{id}", "GET", "/items/special");
        int any = ApiCallRoute.score("ANY /items/{id}", "GET", "/items/special");
        int greedy = ApiCallRoute.score("ANY /{proxy+}", "GET", "/items/special");
        int fallback = ApiCallRoute.score("$default", "GET", "/items/special");
        assertThat(literal).isGreaterThan(param);
        assertThat(param).isGreaterThan(any);
        assertThat(any).isGreaterThan(greedy);
        assertThat(greedy).isGreaterThan(fallback);
        assertThat(ApiCallRoute.score("POST /items/{id}", "GET", "/items/1")).isNegative();
        assertThat(ApiCallRoute.score("GET /items/{id}", "GET", "/items")).isNegative();
        assertThat(ApiCallRoute.score("GET /", "GET", "/")).isPositive();
    }
}
