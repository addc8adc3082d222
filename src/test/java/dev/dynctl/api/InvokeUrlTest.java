package dev.dynctl.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InvokeUrlTest {
    private static final ApiRef REST = new ApiRef("a1b2c3", "shop", ApiType.REST);

    @Test
    void restStageIsThePathsFirstSegment() {
        String base = InvokeUrl.base(ApiType.REST, "a1b2c3", "eu-west-1", null);
        assertThat(InvokeUrl.under(URI.create(InvokeUrl.stage(ApiType.REST, base, "prod")), "/items/1", List.of()))
                .hasToString("https://a1b2c3.execute-api.eu-west-1.amazonaws.com/prod/items/1");
    }

    @Test
    void httpDefaultStageHasNoSegment() {
        String base = InvokeUrl.base(ApiType.HTTP, "h1t2p3", "us-east-1", null);
        assertThat(InvokeUrl.under(URI.create(InvokeUrl.stage(ApiType.HTTP, base, InvokeUrl.DEFAULT_STAGE)), "/items",
                List.of(Map.entry("color", "dark red"))))
                .hasToString("https://h1t2p3.execute-api.us-east-1.amazonaws.com/items?color=dark%20red");
        assertThat(InvokeUrl.stage(ApiType.HTTP, base, "beta")).isEqualTo("https://h1t2p3.execute-api.us-east-1.amazonaws.com/beta");
    }

    @Test
    void aV2ApisOwnEndpointIsPreferredAndWebSocketsUseWss() {
        assertThat(InvokeUrl.base(ApiType.HTTP, "h1t2p3", "us-east-1", "https://h1t2p3.execute-api.us-east-1.amazonaws.com.cn"))
                .isEqualTo("https://h1t2p3.execute-api.us-east-1.amazonaws.com.cn");
        assertThat(InvokeUrl.base(ApiType.WEBSOCKET, "w1", "us-east-1", "https://w1.execute-api.us-east-1.amazonaws.com"))
                .isEqualTo("wss://w1.execute-api.us-east-1.amazonaws.com");
        assertThat(InvokeUrl.stage(ApiType.WEBSOCKET, InvokeUrl.base(ApiType.WEBSOCKET, "w1", "eu-west-1", null), "live"))
                .isEqualTo("wss://w1.execute-api.eu-west-1.amazonaws.com/live");
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
