package dev.dynctl.dev.gateway;

import dev.dynctl.api.ApiType;
import dev.dynctl.api.EndpointType;
import dev.dynctl.api.RouteAuth;
import dev.dynctl.api.RouteKey;
import dev.dynctl.model.ApiCors;
import dev.dynctl.model.StageApi;
import dev.dynctl.model.StageRoute;
import java.util.List;

/** StageApis as dynctl.yaml would resolve them, written short. */
final class Apis {
    private Apis() {
    }

    static StageRoute route(String key, String function) {
        return new StageRoute(RouteKey.parse(key), function, RouteAuth.NONE);
    }

    static StageApi http(String name, ApiCors cors, StageRoute... routes) {
        return new StageApi(name, "notes-dev-" + name, ApiType.HTTP, null, null, cors, List.of(routes));
    }

    static StageApi rest(String name, ApiCors cors, StageRoute... routes) {
        return new StageApi(name, "notes-dev-" + name, ApiType.REST, EndpointType.REGIONAL, null, cors, List.of(routes));
    }

    static StageApi webSocket(String name, StageRoute... routes) {
        return new StageApi(name, "notes-dev-" + name, ApiType.WEBSOCKET, null, "$request.body.action", null, List.of(routes));
    }
}
