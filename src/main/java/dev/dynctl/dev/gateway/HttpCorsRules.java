package dev.dynctl.dev.gateway;

import dev.dynctl.model.ApiCors;
import java.util.Locale;
import java.util.Optional;

/**
 * An HTTP API's CORS as API Gateway applies it: it answers every preflight (204) unless the file
 * routes OPTIONS on that path itself, and on every response replaces the function's
 * Access-Control-* headers with its own when the request's Origin is allowed.
 */
final class HttpCorsRules implements CorsRules {
    private final ApiCors cors;

    HttpCorsRules(ApiCors cors) {
        this.cors = cors;
    }

    @Override
    public Optional<GatewayResponse> preflight(IncomingRequest request, RouteTable routes) {
        boolean preflight = request.method().equals("OPTIONS") && request.header("Origin") != null
                && request.header("Access-Control-Request-Method") != null;
        if (!preflight || routes.matchExactMethod("OPTIONS", request.rawPath()).isPresent()) {
            return Optional.empty();
        }
        GatewayResponse answer = GatewayResponse.empty(204);
        String origin = allowedOrigin(request);
        if (origin == null) {
            return Optional.of(answer);
        }
        answer = answer.with("Access-Control-Allow-Origin", origin)
                .with("Access-Control-Allow-Methods", String.join(",", cors.methods()))
                .with("Access-Control-Allow-Headers", String.join(",", cors.headers()));
        if (cors.maxAgeSeconds() != null) {
            answer = answer.with("Access-Control-Max-Age", String.valueOf(cors.maxAgeSeconds()));
        }
        return Optional.of(withCredentials(withVary(answer, origin)));
    }

    @Override
    public GatewayResponse decorate(IncomingRequest request, GatewayResponse response) {
        GatewayResponse own = response.without(h -> h.name().toLowerCase(Locale.ROOT).startsWith("access-control-"));
        String origin = allowedOrigin(request);
        return origin == null ? own : withCredentials(withVary(own.with("Access-Control-Allow-Origin", origin), origin));
    }

    /** What Access-Control-Allow-Origin says to this request: "*", its own origin, or null when it may not call. */
    private String allowedOrigin(IncomingRequest request) {
        String origin = request.header("Origin");
        if (origin == null) {
            return null;
        }
        if (cors.origins().contains("*")) {
            return cors.credentials() ? origin : "*";
        }
        return cors.origins().stream().anyMatch(allowed -> allowed.equalsIgnoreCase(origin)) ? origin : null;
    }

    private static GatewayResponse withVary(GatewayResponse response, String origin) {
        return origin.equals("*") ? response : response.with("Vary", "Origin");
    }

    private GatewayResponse withCredentials(GatewayResponse response) {
        return cors.credentials() ? response.with("Access-Control-Allow-Credentials", "true") : response;
    }
}
