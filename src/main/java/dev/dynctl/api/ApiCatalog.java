package dev.dynctl.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.codec.Json;
import dev.dynctl.aws.EngineGap;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.GetRestApiResponse;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.GetApiResponse;
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
        return locator.listing().stream().map(ApiCatalog::row).toList();
    }

    private static ObjectNode row(ApiLocator.Listed listed) {
        ObjectNode row = Json.MAPPER.createObjectNode();
        row.put("id", listed.api().id());
        row.put("name", listed.api().name());
        row.put("type", listed.api().type().label());
        row.put("endpoint", listed.endpoint());
        row.put("created", text(listed.created()));
        row.put("description", text(listed.description()));
        return row;
    }

    /**
     * What the service left out is an empty string in every API document: a table shows an empty
     * cell rather than "null", and scripts find every field, always a string.
     */
    private static String text(Object value) {
        return value == null ? "" : value.toString();
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
                doc.put("routeSelectionExpression", text(api.routeSelectionExpression()));
            }
            doc.put("description", text(api.description()));
            doc.put("created", text(api.createdDate()));
            tags = api.tags();
        } else {
            GetRestApiResponse rest = v1.getRestApi(b -> b.restApiId(ref.id()));
            base = InvokeUrl.base(ref.type(), ref.id(), region, null);
            doc.put("endpoint", ApiLocator.endpointLabel(rest.endpointConfiguration()));
            doc.put("url", base);
            doc.put("description", text(rest.description()));
            doc.put("created", text(rest.createdDate()));
            tags = rest.tags();
        }
        ArrayNode stageDocs = doc.putArray("stages");
        stages.stages(ref).forEach(stage -> stageDocs.add(stage.document(ref.type(), base)));
        ObjectNode tagDoc = doc.putObject("tags");
        new TreeMap<>(tags).forEach(tagDoc::put);
        return doc;
    }

    /**
     * What {@code api create} did: made the API, or found one of that name and type and left it.
     *
     * @param made false when {@code --if-not-exists} accepted an existing API
     */
    public record Creation(ApiRef api, boolean made) {
    }

    /**
     * Creates the API (an OpenAPI definition is imported, named as asked). A name that is taken is
     * a usage error listing the APIs that have it, unless {@code ifNotExists} and exactly one API of
     * this name and type exists, which is then returned as it is.
     */
    public Creation create(ApiCreation spec, boolean ifNotExists) {
        List<ApiRef> existing = locator.all().stream().filter(api -> spec.name().equals(api.name())).toList();
        if (!existing.isEmpty()) {
            if (!ifNotExists) {
                throw DynctlException.usage("An API named '" + spec.name() + "' already exists in " + locator.where() + ": " + ids(existing) + ".",
                        "Pass --if-not-exists to accept the existing one, or choose another name.");
            }
            return new Creation(existingOfType(spec, existing), false);
        }
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
        return new Creation(new ApiRef(id, spec.name(), spec.type()), true);
    }

    /**
     * The one API of the name that --if-not-exists accepts: the only one of the asked type. When
     * the name belongs to other types only, or to several APIs of this type, says why it does not
     * apply (exit 2).
     */
    private ApiRef existingOfType(ApiCreation spec, List<ApiRef> named) {
        List<ApiRef> ofType = named.stream().filter(api -> api.type() == spec.type()).toList();
        String type = spec.type().label();
        if (ofType.isEmpty()) {
            ApiRef other = named.get(0);
            if (named.size() == 1) {
                throw DynctlException.usage("--if-not-exists did not apply: the API named '" + spec.name() + "' in " + locator.where()
                                + " is " + other.id() + ", of type " + other.type().label() + ", not " + type + ".",
                        "Choose another name, or pass --type " + other.type().label() + " to accept " + other.id() + ".");
            }
            throw DynctlException.usage("--if-not-exists did not apply: the APIs named '" + spec.name() + "' in " + locator.where()
                    + " are " + ids(named) + ": none is of type " + type + ".", "Choose another name.");
        }
        if (ofType.size() > 1) {
            throw DynctlException.usage("--if-not-exists did not apply: " + ofType.size() + " " + type + " APIs are named '" + spec.name()
                            + "' in " + locator.where() + ": " + ofType.stream().map(ApiRef::id).collect(Collectors.joining(", "))
                            + "; it accepts only one.",
                    "Delete the ones you do not want ('dynctl api delete ID'), or choose another name.");
        }
        return ofType.get(0);
    }

    /** "id (type), id (type)" for messages. */
    private static String ids(List<ApiRef> apis) {
        return apis.stream().map(api -> api.id() + " (" + api.type().label() + ")").collect(Collectors.joining(", "));
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
        try {
            return v1.importRestApi(b -> {
                b.body(SdkBytes.fromUtf8String(definitionText(spec))).failOnWarnings(false);
                if (spec.endpointType() != null) {
                    b.parameters(Map.of("endpointConfigurationTypes", spec.endpointType().name()));
                }
            }).id();
        } catch (SdkServiceException e) {
            // moto's ImportRestApi fails (HTTP 500) on a definition without info.description; AWS does not need one
            if (EngineGap.notImplemented(e) && spec.description() == null && !spec.definition().path("info").hasNonNull("description")) {
                throw new DynctlException(ExitCode.FAILURE, "The engine at " + locator.where() + " could not import the definition "
                        + "(HTTP " + e.statusCode() + "): it has no info.description, which moto's ImportRestApi needs.",
                        "Add info.description to the file or pass --description TEXT (AWS imports it either way).", e);
            }
            throw e;
        }
    }

    private static String routeSelection(ApiCreation spec) {
        return spec.routeSelectionExpression() == null ? ApiCreation.DEFAULT_ROUTE_SELECTION : spec.routeSelectionExpression();
    }

    /**
     * The definition as JSON, its title set to the API's name (an import names the API after
     * info.title) and its info.description to --description, when given.
     */
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

    /**
     * Deletes the API with its stages, deployments and routes, after what its routes made outside it
     * (functions' permission statements, SNS roles), which deleting the API would leave behind.
     * Returns what was removed besides the API.
     */
    public List<String> delete(ApiRef api, RouteService routes) {
        List<String> removed = routes.release(api);
        if (api.type().v2()) {
            v2.deleteApi(b -> b.apiId(api.id()));
        } else {
            v1.deleteRestApi(b -> b.restApiId(api.id()));
        }
        return removed;
    }
}
