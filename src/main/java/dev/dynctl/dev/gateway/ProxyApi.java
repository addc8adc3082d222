package dev.dynctl.dev.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.api.ApiType;
import dev.dynctl.dev.DevLog;
import dev.dynctl.dev.LocalInvocation;
import java.time.Duration;
import java.util.Optional;

/**
 * A REST or HTTP API: a request becomes the API's event for the route it matches, the route's
 * function answers, and its answer becomes the response, as API Gateway's Lambda proxy
 * integrations do it. Requests are served on many threads at once; the host decides how many
 * instances of a function run.
 */
final class ProxyApi {
    private final ServedApi api;
    private final RouteTable routes;
    private final CorsRules cors;
    private final FunctionCaller caller;
    private final DevLog log;
    private final boolean rest;
    private final Duration timeout;

    ProxyApi(ServedApi api, FunctionCaller caller, DevLog log, IntegrationTimeout timeouts) {
        this.api = api;
        this.routes = new RouteTable(api.api().routes());
        this.cors = CorsRules.of(api.api());
        this.caller = caller;
        this.log = log;
        this.rest = api.api().type() == ApiType.REST;
        this.timeout = rest ? timeouts.rest() : timeouts.http();
    }

    GatewayResponse handle(IncomingRequest sent) {
        IncomingRequest request = sent.withoutStage(api.stage());
        long start = System.nanoTime();
        String requestId = rest ? FakeIds.uuid() : FakeIds.shortId();
        String function = null;
        GatewayResponse response;
        Optional<GatewayResponse> preflight = cors.preflight(request, routes);
        Optional<RouteMatch> match = preflight.isPresent() ? Optional.empty() : routes.match(request.method(), request.rawPath());
        if (preflight.isPresent()) {
            response = preflight.get();
        } else if (match.isEmpty()) {
            // a REST API says this of every path and method it has no method for
            response = cors.decorate(request, rest ? GatewayResponse.message(403, "Missing Authentication Token")
                    : GatewayResponse.message(404, "Not Found"));
        } else {
            function = match.get().function();
            response = cors.decorate(request, invoke(request, match.get(), requestId));
        }
        response = response.with(rest ? "x-amzn-RequestId" : "apigw-requestid", requestId);
        log.request(RequestLog.http(request.method(), request.rawPath(), response.status(), start, function));
        return response;
    }

    private GatewayResponse invoke(IncomingRequest request, RouteMatch match, String requestId) {
        ObjectNode event = rest ? RestEvent.of(api, request, match, requestId) : HttpApiEvent.of(api, request, match, requestId);
        Optional<LocalInvocation> answered = caller.call(match.function(), event, timeout);
        if (answered.isEmpty()) {
            // API Gateway's own answer when the integration takes too long; the function goes on
            return rest ? GatewayResponse.message(504, "Endpoint request timed out") : GatewayResponse.message(503, "Service Unavailable");
        }
        LocalInvocation invocation = answered.get();
        if (invocation.failed()) {
            return InvocationFailure.response(InvocationFailure.failed(match.function(), invocation));
        }
        return rest ? RestResponseMapping.map(match.function(), invocation.payload())
                : HttpApiResponseMapping.map(match.function(), invocation.payload());
    }
}
