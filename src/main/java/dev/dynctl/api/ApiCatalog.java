package dev.dynctl.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.codec.Json;
import dev.dynctl.error.DynctlException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.EndpointConfiguration;
import software.amazon.awssdk.services.apigateway.model.GetRestApiResponse;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.Api;
import software.amazon.awssdk.services.apigatewayv2.model.GetApiResponse;
import software.amazon.awssdk.services.apigatewayv2.model.GetApisResponse;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;

/**
 * The APIs of a region: list, describe, create (empty or from an OpenAPI document) and delete.
 * REST APIs through API Gateway v1, HTTP and WebSocket APIs through v2.
 */
public final class ApiCatalog {
    private final ApiGatewayClient v1;
    private final ApiGatewayV2Client v2;
    private final ApiLocator locator;
    private final ApiStages stages;
    private final String region;

    public ApiCatalog(ApiGatewayClient v1, ApiGatewayV2Client v2, ApiLocator locator, String region) {
        this.v1 = v1;
        this.v2 = v2;
        this.locator = locator;
        this.stages = new ApiStages(v1, v2, region);
        this.region = region;
    }

    /** One row per API, REST first: id, name, type, endpoint type, created, description. */
    public List<ObjectNode> list() {
        List<ObjectNode> rows = new ArrayList<>();
        v1.getRestApisPaginator(b -> b.limit(500)).items().forEach(api -> rows.add(row(api.id(), api.name(), ApiType.REST,
                endpointType(api.endpointConfiguration()), api.createdDate(), api.description())));
        String next = null;
        do {
            String token = next;
            GetApisResponse page = v2.getApis(b -> b.maxResults("500").nextToken(token));
            for (Api api : page.items()) {
                // HTTP and WebSocket APIs are always regional
                rows.add(row(api.apiId(), api.name(), ApiType.ofProtocol(api.protocolTypeAsString()), EndpointType.REGIONAL.label(),
                        api.createdDate(), api.description()));
            }
            next = page.nextToken();
        } while (next != null && !next.isEmpty());
        return rows;
    }

    private static ObjectNode row(String id, String name, ApiType type, String endpoint, Instant created, String description) {
        ObjectNode row = Json.MAPPER.createObjectNode();
        row.put("id", id);
        row.put("name", name);
        row.put("type", type.label());
        row.put("endpoint", endpoint);
        row.put("created", created == null ? null : created.toString());
        row.put("description", description);
        return row;
    }

    /** A REST API's endpoint type(s) as users spell them; no configuration means AWS's default, edge. */
    private static String endpointType(EndpointConfiguration configuration) {
        if (configuration == null || configuration.types().isEmpty()) {
            return EndpointType.EDGE.label();
        }
        return configuration.typesAsStrings().stream().map(t -> t.toLowerCase(Locale.ROOT)).collect(Collectors.joining(","));
    }

    /** The API with its invoke URL, stages (deployment, URL, variables) and tags. */
    public ObjectNode describe(ApiRef ref) {
        ObjectNode doc = Json.MAPPER.createObjectNode();
        doc.put("id", ref.id());
        doc.put("name", ref.name());
        doc.put("type", ref.type().label());
        Map<String, String> tags;
        String base;
        if (ref.type().v2()) {
            GetApiResponse api = v2.getApi(b -> b.apiId(ref.id()));
            base = InvokeUrl.base(ref.type(), ref.id(), region, api.apiEndpoint());
            doc.put("endpoint", EndpointType.REGIONAL.label());
            doc.put("url", base);
            if (ref.type() == ApiType.WEBSOCKET) {
                doc.put("routeSelectionExpression", api.routeSelectionExpression());
            }
            doc.put("description", api.description());
            doc.put("created", api.createdDate() == null ? null : api.createdDate().toString());
            tags = api.tags();
        } else {
            GetRestApiResponse rest = v1.getRestApi(b -> b.restApiId(ref.id()));
            base = InvokeUrl.base(ref.type(), ref.id(), region, null);
            doc.put("endpoint", endpointType(rest.endpointConfiguration()));
            doc.put("url", base);
            doc.put("description", rest.description());
            doc.put("created", rest.createdDate() == null ? null : rest.createdDate().toString());
            tags = rest.tags();
        }
        ArrayNode stageDocs = doc.putArray("stages");
        stages.stages(ref).forEach(stage -> stageDocs.add(stage.document(ref.type(), base)));
        ObjectNode tagDoc = doc.putObject("tags");
        new TreeMap<>(tags).forEach(tagDoc::put);
        return doc;
    }

    /** The APIs with this name (any kind). */
    public List<ApiRef> named(String name) {
        return locator.all().stream().filter(api -> name.equals(api.name())).toList();
    }

    /** Creates the API and returns it; an OpenAPI definition is imported, named as asked. */
    public ApiRef create(ApiCreation spec) {
        String id;
        if (spec.type() == ApiType.REST) {
            id = spec.definition() == null ? createRest(spec) : importRest(spec);
        } else if (spec.definition() != null) {
            id = v2.importApi(b -> b.body(definitionText(spec)).failOnWarnings(false)).apiId();
        } else {
            id = v2.createApi(b -> b.name(spec.name()).description(spec.description())
                    .protocolType(spec.type() == ApiType.WEBSOCKET ? ProtocolType.WEBSOCKET : ProtocolType.HTTP)
                    .routeSelectionExpression(spec.type() == ApiType.WEBSOCKET ? routeSelection(spec) : null)).apiId();
        }
        return new ApiRef(id, spec.name(), spec.type());
    }

    private String createRest(ApiCreation spec) {
        return v1.createRestApi(b -> {
            b.name(spec.name()).description(spec.description());
            if (spec.endpointType() != null) {
                b.endpointConfiguration(c -> c.typesWithStrings(spec.endpointType().name()));
            }
        }).id();
    }

    private String importRest(ApiCreation spec) {
        return v1.importRestApi(b -> {
            b.body(SdkBytes.fromUtf8String(definitionText(spec))).failOnWarnings(false);
            if (spec.endpointType() != null) {
                b.parameters(Map.of("endpointConfigurationTypes", spec.endpointType().name()));
            }
        }).id();
    }

    private static String routeSelection(ApiCreation spec) {
        return spec.routeSelectionExpression() == null ? ApiCreation.DEFAULT_ROUTE_SELECTION : spec.routeSelectionExpression();
    }

    /** The definition as JSON, its title set to the API's name (an import names the API after info.title). */
    private static String definitionText(ApiCreation spec) {
        ObjectNode definition = spec.definition().deepCopy();
        JsonNode infoNode = definition.path("info");
        ObjectNode info = infoNode.isObject() ? (ObjectNode) infoNode : definition.putObject("info");
        info.put("title", spec.name());
        if (spec.description() != null) {
            info.put("description", spec.description());
        }
        return Json.write(Json.MAPPER.writer(), definition);
    }

    /** Deletes the API with its stages, deployments and routes. */
    public void delete(ApiRef api) {
        if (api.type().v2()) {
            v2.deleteApi(b -> b.apiId(api.id()));
        } else {
            v1.deleteRestApi(b -> b.restApiId(api.id()));
        }
    }

    /** A usage error for a name that is taken, listing the APIs that have it. */
    public static DynctlException nameTaken(String name, List<ApiRef> existing, String where) {
        return DynctlException.usage("An API named '" + name + "' already exists in " + where + ": "
                        + existing.stream().map(api -> api.id() + " (" + api.type().label() + ")").collect(Collectors.joining(", ")) + ".",
                "Pass --if-not-exists to accept the existing one, or choose another name.");
    }
}
