package dev.dynctl.dev.gateway;

import java.time.Duration;

/**
 * How long API Gateway waits for a Lambda integration before it answers the client itself: a REST
 * API 504 after 29 seconds, an HTTP API 503 after 30. The function goes on running, as on AWS.
 */
record IntegrationTimeout(Duration rest, Duration http) {
    static final IntegrationTimeout API_GATEWAY = new IntegrationTimeout(Duration.ofSeconds(29), Duration.ofSeconds(30));
}
