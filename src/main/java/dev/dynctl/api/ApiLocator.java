package dev.dynctl.api;

import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import dev.dynctl.error.NearNames;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.EndpointConfiguration;
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

    /** Where requests go, in words, for messages. */
    String where() {
        return where;
    }

    /**
     * One API as the listings read it.
     *
     * @param endpoint edge, regional or private (see {@link #endpointLabel})
     * @param created null when the service does not say
     * @param tags the API's tags (empty when it has none), which say who owns it
     */
    public record Listed(ApiRef api, String endpoint, Instant created, String description, Map<String, String> tags) {
        public Listed {
            tags = tags == null ? Map.of() : Map.copyOf(tags);
        }
    }

    /** Every API in the region with what the listing says of it, REST first, each kind by name: one pass over both API Gateways. */
    public List<Listed> listing() {
        List<Listed> apis = new ArrayList<>();
        v1.getRestApisPaginator(b -> b.limit(500)).items().forEach(api -> apis.add(new Listed(new ApiRef(api.id(), api.name(), ApiType.REST),
                endpointLabel(api.endpointConfiguration()), api.createdDate(), api.description(), api.tags())));
        V2Pages.all(token -> v2.getApis(b -> b.maxResults(V2Pages.MAX_RESULTS).nextToken(token)), GetApisResponse::items, GetApisResponse::nextToken)
                .forEach(api -> apis.add(new Listed(new ApiRef(api.apiId(), api.name(), ApiType.ofProtocol(api.protocolTypeAsString())),
                        // HTTP and WebSocket APIs are always regional
                        EndpointType.REGIONAL.label(), api.createdDate(), api.description(), api.tags())));
        apis.sort(Comparator.comparing((Listed listed) -> listed.api().type())
                .thenComparing(listed -> listed.api().name(), Comparator.nullsLast(Comparator.naturalOrder())));
        return apis;
    }

    /** Every API in the region, REST first, each kind by name. */
    public List<ApiRef> all() {
        return listing().stream().map(Listed::api).toList();
    }

    /** A REST API's endpoint type(s) as users spell them; no configuration means AWS's default, edge. */
    static String endpointLabel(EndpointConfiguration configuration) {
        if (configuration == null || configuration.types().isEmpty()) {
            return EndpointType.EDGE.label();
        }
        return configuration.typesAsStrings().stream().map(t -> t.toLowerCase(Locale.ROOT)).collect(Collectors.joining(","));
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
