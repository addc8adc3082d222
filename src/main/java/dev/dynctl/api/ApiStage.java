package dev.dynctl.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.codec.Json;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * One stage of an API, REST or v2 alike: the deployment it serves and its variables.
 *
 * @param autoDeploy v2 only (null for REST): every change to the API deploys to this stage by itself
 */
public record ApiStage(String name, String deploymentId, String description, Map<String, String> variables, Boolean autoDeploy,
        Instant created, Instant updated) {

    /**
     * The stage as users see it, with its invoke URL under {@code base}. A time the engine does not
     * keep is left out, and a missing description or deployment (a v2 stage not yet deployed) is
     * empty, so that every stage has the same fields in the same order: the URL, the widest, comes
     * last, so that a table cuts nothing before it.
     */
    public ObjectNode document(ApiType type, String base) {
        ObjectNode doc = Json.MAPPER.createObjectNode();
        doc.put("name", name);
        doc.put("deployment", deploymentId == null ? "" : deploymentId);
        ObjectNode vars = doc.putObject("variables");
        new TreeMap<>(variables).forEach(vars::put);
        if (autoDeploy != null) {
            doc.put("autoDeploy", autoDeploy);
        }
        doc.put("description", description == null ? "" : description);
        if (created != null) {
            doc.put("created", created.toString());
        }
        if (updated != null) {
            doc.put("updated", updated.toString());
        }
        doc.put("url", InvokeUrl.stage(type, base, name));
        return doc;
    }
}
