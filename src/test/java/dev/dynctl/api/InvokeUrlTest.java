package dev.dynctl.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InvokeUrlTest {
    private static final ApiRef REST = new ApiRef("a1b2c3", "shop", ApiType.REST);
    private static final ApiRef HTTP = new ApiRef("h1t2p3", "shop", ApiType.HTTP);

    @Test
    void restStageIsThePathsFirstSegment() {
        assertThat(InvokeUrl.onAws(REST, "eu-west-1", "prod", "/items/1", List.of()))
                .hasToString("https://a1b2c3.execute-api.eu-west-1.amazonaws.com/prod/items/1");
    }

    @Test
    void httpDefaultStageHasNoSegment() {
        assertThat(InvokeUrl.onAws(HTTP, "us-east-1", "$default", "/items", List.of(Map.entry("color", "dark red"))))
                .hasToString("https://h1t2p3.execute-api.us-east-1.amazonaws.com/items?color=dark%20red");
        assertThat(InvokeUrl.onAws(HTTP, "us-east-1", "beta", "/items", List.of()))
                .hasToString("https://h1t2p3.execute-api.us-east-1.amazonaws.com/beta/items");
    }

    @Test
    void emulatorEndpointTakesTheUserRequestPath() {
        assertThat(InvokeUrl.onEndpoint(URI.create("http://localhost:5000/"), REST, "dev", "/items/1", List.of(Map.entry("a", "1"))))
                .hasToString("http://localhost:5000/restapis/a1b2c3/dev/_user_request_/items/1?a=1");
    }

    @Test
    void baseUrlTakesThePathAsItIs() {
        assertThat(InvokeUrl.under(URI.create("https://api.example.com/v1/"), "/items", List.of()))
                .hasToString("https://api.example.com/v1/items");
    }
}
