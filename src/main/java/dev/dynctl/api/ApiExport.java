package dev.dynctl.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.codec.Json;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.util.List;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;

/**
 * An API's definition as OpenAPI: REST APIs from a stage (GetExport, OpenAPI 3.0 or Swagger),
 * HTTP APIs from v2's ExportApi (OpenAPI 3.0 only). AWS cannot export WebSocket APIs.
 */
public final class ApiExport {
    private final ApiGatewayClient v1;
    private final ApiGatewayV2Client v2;
    private final ApiStages stages;

    public ApiExport(ApiGatewayClient v1, ApiGatewayV2Client v2, ApiStages stages) {
        this.v1 = v1;
        this.v2 = v2;
        this.stages = stages;
    }

    /**
     * The definition, as a tree to write as JSON or YAML.
     *
     * @param stage REST: the stage to export (null: the API's only stage); HTTP: optional
     */
    public JsonNode export(ApiRef api, ExportFormat format, String stage) {
        return switch (api.type()) {
            case REST -> rest(api, format, stage == null ? onlyStage(api) : stages.stage(api, stage).name());
            case HTTP -> http(api, format, stage == null ? null : stages.stage(api, stage).name());
            case WEBSOCKET -> throw DynctlException.usage("API '" + api.name() + "' is a WebSocket API, which API Gateway cannot export.",
                    "Only REST and HTTP APIs export as OpenAPI.");
        };
    }

    private JsonNode rest(ApiRef api, ExportFormat format, String stage) {
        SdkBytes body = v1.getExport(b -> b.restApiId(api.id()).stageName(stage).exportType(format.label())
                .accepts("application/json")).body();
        return parse(api, body);
    }

    private JsonNode http(ApiRef api, ExportFormat format, String stage) {
        if (format != ExportFormat.OAS30) {
            throw DynctlException.usage("HTTP APIs export only as OpenAPI 3.0, not " + format.label() + ".", "Use --format oas30.");
        }
        SdkBytes body = v2.exportApi(b -> b.apiId(api.id()).specification("OAS30").outputType("JSON").stageName(stage)).body();
        return parse(api, body);
    }

    /** A REST export is of a stage: the only one, or the user must say which. */
    private String onlyStage(ApiRef api) {
        List<String> names = stages.stages(api).stream().map(ApiStage::name).toList();
        if (names.size() == 1) {
            return names.get(0);
        }
        if (names.isEmpty()) {
            throw DynctlException.usage("API '" + api.name() + "' (" + api.id() + ") has no stage to export from.",
                    "Deploy it first: 'dynctl api deploy " + api.id() + " --stage STAGE'.");
        }
        throw DynctlException.usage("API '" + api.name() + "' has several stages: " + String.join(", ", names) + ".",
                "Name the one to export with --stage.");
    }

    private static JsonNode parse(ApiRef api, SdkBytes body) {
        try {
            return Json.MAPPER.readTree(body.asUtf8String());
        } catch (JsonProcessingException e) {
            throw new DynctlException(ExitCode.FAILURE, "The export of API '" + api.name() + "' is not JSON: "
                    + e.getOriginalMessage(), null, e);
        }
    }
}
