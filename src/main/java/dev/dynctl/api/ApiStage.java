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

    /** The stage as users see it, with its invoke URL under {@code base}. */
    public ObjectNode document(ApiType type, String base) {
        ObjectNode doc = Json.MAPPER.createObjectNode();
        doc.put("name", name);
        doc.put("deployment", deploymentId);
        doc.put("url", InvokeUrl.stage(type, base, name));
        ObjectNode vars = doc.putObject("variables");
        new TreeMap<>(variables).forEach(vars::put);
        if (autoDeploy != null) {
            doc.put("autoDeploy", autoDeploy);
        }
        doc.put("description", description);
        doc.put("created", created == null ? null : created.toString());
        doc.put("updated", updated == null ? null : updated.toString());
        return doc;
    }
}
