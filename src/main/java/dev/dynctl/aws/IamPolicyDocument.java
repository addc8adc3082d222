package dev.dynctl.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.codec.Json;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An IAM policy document — a role's trust policy or a permissions policy — compared by what it
 * says rather than how it is written: IAM gives a document back URL-encoded, with its keys and
 * lists in an order of its own, and takes one string or a list of them alike. A document written
 * before is therefore never seen as changed because IAM gave it back another way.
 */
public final class IamPolicyDocument {
    /** The keys whose value may be one string or a list of them, in any order: IAM treats both alike. */
    private static final Set<String> LIST_KEYS = Set.of("Action", "NotAction", "Resource", "NotResource", "Service", "AWS",
            "Federated", "CanonicalUser");

    private final JsonNode document;

    private IamPolicyDocument(JsonNode document) {
        this.document = document;
    }

    public static IamPolicyDocument of(JsonNode document) {
        return new IamPolicyDocument(document);
    }

    /**
     * A document as IAM answers it (GetRole, GetRolePolicy): URL-encoded, though an engine may send
     * it plain. Text that is not JSON is kept as text: unlike any document dynctl writes.
     */
    public static IamPolicyDocument parse(String answered) {
        String text = answered.trim().startsWith("{") ? answered : URLDecoder.decode(answered, StandardCharsets.UTF_8);
        try {
            return new IamPolicyDocument(Json.MAPPER.readTree(text));
        } catch (JsonProcessingException e) {
            return new IamPolicyDocument(Json.MAPPER.getNodeFactory().textNode(text));
        }
    }

    /** The document as it was given or read. */
    public JsonNode json() {
        return document;
    }

    /** The document to send. */
    public String text() {
        return document.toString();
    }

    /** The statements, one or a list. */
    public List<JsonNode> statements() {
        return values(document.path("Statement"));
    }

    /** True when both say the same, however each is written. */
    public boolean sameAs(IamPolicyDocument other) {
        return normalised(document).equals(normalised(other.document));
    }

    /** A value IAM takes as one item or a list (Action, Resource, Statement, a principal), as a list. */
    public static List<JsonNode> values(JsonNode node) {
        List<JsonNode> items = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(items::add);
        } else if (!node.isMissingNode() && !node.isNull()) {
            items.add(node);
        }
        return items;
    }

    /** Objects with their keys in order, Statement always a list, the one-or-many keys always sorted lists. */
    private static JsonNode normalised(JsonNode node) {
        if (!node.isObject()) {
            return node;
        }
        ObjectNode sorted = Json.MAPPER.createObjectNode();
        Map<String, JsonNode> fields = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            fields.put(field.getKey(), field.getValue());
        }
        fields.forEach((key, value) -> {
            if (key.equals("Statement")) {
                ArrayNode statements = sorted.putArray(key);
                values(value).forEach(statement -> statements.add(normalised(statement)));
            } else if (LIST_KEYS.contains(key)) {
                ArrayNode items = sorted.putArray(key);
                values(value).stream().map(JsonNode::asText).sorted().distinct().forEach(items::add);
            } else {
                sorted.set(key, normalised(value));
            }
        });
        return sorted;
    }
}
