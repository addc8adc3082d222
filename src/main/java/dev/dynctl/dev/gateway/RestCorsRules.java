package dev.dynctl.dev.gateway;

import dev.dynctl.model.ApiCors;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
        // one origin, as a deployed preflight's fixed header names one: '*' when any may call, else the first listed
        String origin = cors.origins().isEmpty() || cors.origins().contains("*") ? "*" : cors.origins().get(0);
        Set<String> methods = new LinkedHashSet<>(cors.methods());
        methods.add("OPTIONS");
        GatewayResponse answer = new GatewayResponse(200, List.of(new Header("Content-Type", "application/json")), new byte[0])
                .with("Access-Control-Allow-Origin", origin)
                .with("Access-Control-Allow-Methods", String.join(",", methods))
                .with("Access-Control-Allow-Headers", String.join(",", cors.headers()));
        if (cors.maxAgeSeconds() != null) {
            answer = answer.with("Access-Control-Max-Age", String.valueOf(cors.maxAgeSeconds()));
        }
        return Optional.of(cors.credentials() ? answer.with("Access-Control-Allow-Credentials", "true") : answer);
    }

    @Override
    public GatewayResponse decorate(IncomingRequest request, GatewayResponse response) {
        return response;
    }
}
