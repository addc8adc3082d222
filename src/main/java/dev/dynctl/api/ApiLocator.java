package dev.dynctl.api;

import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import dev.dynctl.error.NearNames;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.GetApisResponse;

/**
 * Finds APIs by name or id across both API Gateways: REST APIs in v1, HTTP and WebSocket APIs in
 * v2. Every API command addresses its API through here, so "orders" and "a1b2c3d4e5" mean the
 * same API everywhere, and a name two APIs share is refused with their ids.
 */
public final class ApiLocator {
    private final ApiGatewayClient v1;
    private final ApiGatewayV2Client v2;
    private final String where;

    /** @param where where requests go, in words, for messages ({@code Clients.where()}) */
    public ApiLocator(ApiGatewayClient v1, ApiGatewayV2Client v2, String where) {
        this.v1 = v1;
        this.v2 = v2;
        this.where = where;
    }

    /** Every API in the region, REST first, each kind by name. */
    public List<ApiRef> all() {
        List<ApiRef> apis = new ArrayList<>();
        v1.getRestApisPaginator(b -> b.limit(500)).items()
                .forEach(api -> apis.add(new ApiRef(api.id(), api.name(), ApiType.REST)));
        V2Pages.all(token -> v2.getApis(b -> b.maxResults(V2Pages.MAX_RESULTS).nextToken(token)), GetApisResponse::items, GetApisResponse::nextToken)
                .forEach(api -> apis.add(new ApiRef(api.apiId(), api.name(), ApiType.ofProtocol(api.protocolTypeAsString()))));
        apis.sort(Comparator.comparing(ApiRef::type).thenComparing(ApiRef::name, Comparator.nullsLast(Comparator.naturalOrder())));
        return apis;
    }

    /**
     * The API with this id, else the one with this name. Not found (exit 3) names the near names;
     * a name several APIs share is a usage error (exit 2) that lists their ids to choose from.
     */
    public ApiRef find(String nameOrId) {
        List<ApiRef> apis = all();
        for (ApiRef api : apis) {
            if (api.id().equals(nameOrId)) {
                return api;
            }
        }
        List<ApiRef> named = apis.stream().filter(api -> nameOrId.equals(api.name())).toList();
        if (named.size() == 1) {
            return named.get(0);
        }
        if (named.size() > 1) {
            throw new DynctlException(ExitCode.USAGE, "Several APIs are named '" + nameOrId + "' in " + where + ": "
                    + named.stream().map(api -> api.id() + " (" + api.type().label() + ")").collect(Collectors.joining(", ")) + ".",
                    "Name the API by its id.");
        }
        List<String> near = NearNames.among(apis.stream().map(ApiRef::name).filter(name -> name != null).toList(), nameOrId);
        throw DynctlException.notFound("API '" + nameOrId + "' not found in " + where + ".",
                NearNames.hint(near, "List APIs with 'dynctl api list' (check --region / --profile / --local)."));
    }
}
