package dev.dynctl.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.codec.Json;
import java.util.TreeMap;

/**
 * What {@code api deploy} did.
 *
 * @param stageCreated the stage did not exist and the deploy made it
 * @param automatic the stage deploys by itself on every change (an HTTP API's auto-deploy stage): nothing was deployed
 */
public record DeployResult(ApiRef api, ApiStage stage, String url, boolean stageCreated, boolean automatic) {
    public ObjectNode document() {
        ObjectNode doc = Json.MAPPER.createObjectNode();
        doc.put("api", api.id());
        doc.put("name", api.name());
        doc.put("type", api.type().label());
        doc.put("stage", stage.name());
        doc.put("deployment", stage.deploymentId());
        doc.put("url", url);
        doc.put("stageCreated", stageCreated);
        doc.put("automatic", automatic);
        ObjectNode vars = doc.putObject("variables");
        new TreeMap<>(stage.variables()).forEach(vars::put);
        return doc;
    }
}
