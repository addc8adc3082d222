package dev.dynctl.api;

import dev.dynctl.aws.EngineGap;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.GetRouteResponsesResponse;
import software.amazon.awssdk.services.apigatewayv2.model.Route;

/**
 * Two-way WebSocket routes. API Gateway sends what a route's function returns back to the client
 * only when the route has a route response: {@code $default} (the only key WebSocket APIs take),
 * chosen by the route's response selection expression {@code $default}. A Lambda proxy
 * integration needs no integration response: its output is passed on as it is. The connection
 * events ($connect, $disconnect) answer no message and get none.
 */
final class WebSocketAnswers {
    static final String DEFAULT = "$default";

    private final ApiGatewayV2Client apiGateway;
    private final String apiId;

    WebSocketAnswers(ApiGatewayV2Client apiGateway, String apiId) {
        this.apiGateway = apiGateway;
        this.apiId = apiId;
    }

    /** True for the routes that answer messages: every route of a WebSocket API but its connection events. */
    static boolean answers(ApiType type, RouteKey key) {
        return type == ApiType.WEBSOCKET && !key.text().equals("$connect") && !key.text().equals("$disconnect");
    }

    /** True when the route sends its function's answers back to the client. Reads only. */
    boolean twoWay(Route route) {
        boolean selects = DEFAULT.equals(route.routeResponseSelectionExpression());
        return selects && hasResponse(route.routeId(), true);
    }

    /**
     * Makes the route two-way; false when it already was. The route response is made before the
     * selection expression is set, so that a route with the expression has its response even
     * where route responses cannot be listed (below).
     *
     * @param selection the route's response selection expression now
     * @param created the route was made just now, so it has no response yet
     */
    boolean ensure(String routeId, String selection, boolean created) {
        boolean selects = DEFAULT.equals(selection);
        boolean responds = !created && hasResponse(routeId, selects);
        if (selects && responds) {
            return false;
        }
        if (!responds) {
            apiGateway.createRouteResponse(b -> b.apiId(apiId).routeId(routeId).routeResponseKey(DEFAULT));
        }
        if (!selects) {
            apiGateway.updateRoute(b -> b.apiId(apiId).routeId(routeId).routeResponseSelectionExpression(DEFAULT));
        }
        return true;
    }

    /**
     * True when the route has the route response {@code $default}. An engine without
     * GetRouteResponses (moto) is answered by the selection expression, which {@link #ensure}
     * sets only once the response is there; only an answer that says "not implemented" leads
     * there, AWS's own failures are thrown.
     */
    private boolean hasResponse(String routeId, boolean selects) {
        try {
            return V2Pages.all(token -> apiGateway.getRouteResponses(b -> b.apiId(apiId).routeId(routeId)
                            .maxResults(V2Pages.MAX_RESULTS).nextToken(token)),
                    GetRouteResponsesResponse::items, GetRouteResponsesResponse::nextToken).stream()
                    .anyMatch(response -> DEFAULT.equals(response.routeResponseKey()));
        } catch (SdkServiceException e) {
            if (!EngineGap.notImplemented(e)) {
                throw e;
            }
            return selects;
        }
    }
}
