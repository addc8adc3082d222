package dev.dynctl.dev.gateway;

import dev.dynctl.api.ApiType;
import dev.dynctl.model.StageApi;
import java.util.Optional;

/** What an API's CORS does to requests: which preflights the gateway answers itself, and which headers responses get. */
interface CorsRules {
    CorsRules NONE = new CorsRules() {
        @Override
        public Optional<GatewayResponse> preflight(IncomingRequest request, RouteTable routes) {
            return Optional.empty();
        }

        @Override
        public GatewayResponse decorate(IncomingRequest request, GatewayResponse response) {
            return response;
        }
    };

    static CorsRules of(StageApi api) {
        if (api.cors() == null) {
            return NONE;
        }
        return api.type() == ApiType.REST ? new RestCorsRules(api.cors()) : new HttpCorsRules(api.cors());
    }

    /** The gateway's own answer to {@code request} when it is a preflight the API answers without a function. */
    Optional<GatewayResponse> preflight(IncomingRequest request, RouteTable routes);

    /** {@code response} with the CORS headers the API adds to what its functions answer. */
    GatewayResponse decorate(IncomingRequest request, GatewayResponse response);
}
