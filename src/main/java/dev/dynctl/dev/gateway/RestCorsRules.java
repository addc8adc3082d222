package dev.dynctl.dev.gateway;

import dev.dynctl.deploy.RestCorsPreflight;
import dev.dynctl.model.ApiCors;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A REST API's CORS as dynctl deploys it: each path with routes has an OPTIONS method that answers
 * 200 with fixed Access-Control-Allow-* headers (unless the file routes OPTIONS there itself), and
 * the functions add Access-Control-Allow-Origin to their own responses — a REST API adds nothing.
 */
final class RestCorsRules implements CorsRules {
    private final ApiCors cors;

    RestCorsRules(ApiCors cors) {
        this.cors = cors;
    }

    @Override
    public Optional<GatewayResponse> preflight(IncomingRequest request, RouteTable routes) {
        if (!request.method().equals("OPTIONS") || routes.matchExactMethod("OPTIONS", request.rawPath()).isPresent()
                || !routes.hasPath(request.rawPath())) {
            return Optional.empty();
        }
        GatewayResponse answer = new GatewayResponse(200, List.of(new Header("Content-Type", "application/json")), new byte[0]);
        for (Map.Entry<String, String> header : RestCorsPreflight.headers(cors).entrySet()) {
            answer = answer.with(header.getKey(), header.getValue());
        }
        return Optional.of(answer);
    }

    @Override
    public GatewayResponse decorate(IncomingRequest request, GatewayResponse response) {
        return response;
    }
}
