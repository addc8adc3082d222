package dev.dynctl.cli.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.codec.Json;
import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;

/** APIs made behind dynctl's back for the API command tests, and the JSON they print. */
final class ApiFixtures {
    private ApiFixtures() {
    }

    /** The command's JSON output, after checking it succeeded. */
    static JsonNode json(Result r) {
        assertThat(r.code()).as(r.toString()).isZero();
        try {
            return Json.MAPPER.readTree(r.out());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + r, e);
        }
    }

    /** A REST API with GET /items answered by a MOCK integration: enough for API Gateway to deploy it. Returns its id. */
    static String deployableRestApi(String name) {
        ApiGatewayClient v1 = Engine.apiGateway();
        String id = v1.createRestApi(b -> b.name(name)).id();
        String root = v1.getResources(b -> b.restApiId(id)).items().get(0).id();
        String items = v1.createResource(b -> b.restApiId(id).parentId(root).pathPart("items")).id();
        v1.putMethod(b -> b.restApiId(id).resourceId(items).httpMethod("GET").authorizationType("NONE"));
        v1.putIntegration(b -> b.restApiId(id).resourceId(items).httpMethod("GET").type(IntegrationType.MOCK));
        return id;
    }
}
