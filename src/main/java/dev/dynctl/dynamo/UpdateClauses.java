package dev.dynctl.dynamo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.error.DynctlException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The friendly update options compiled into one UpdateExpression with placeholders:
 * {@code --set 'a=1'}, {@code --remove b}, {@code --add 'n 1'}, {@code --delete 'tags ["x"]'}.
 *
 * <p>Values are JSON when they parse as JSON and strings otherwise, so {@code --set 'name=Ada'} and
 * {@code --set 'age=36'} both do what they look like; {@code --set 'zip="01234"'} forces a string.
 * For ADD and DELETE a JSON array is a set of its elements' type, since those actions work on sets.
 */
public final class UpdateClauses {
    // a trailing token after a value ("true story") makes the whole text a string, not true
    private static final ObjectReader STRICT_JSON = Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final ItemPlaceholders placeholders = new ItemPlaceholders();
    private final List<String> set = new ArrayList<>();
    private final List<String> remove = new ArrayList<>();
    private final List<String> add = new ArrayList<>();
    private final List<String> delete = new ArrayList<>();

    /** {@code path=value}. */
    public UpdateClauses set(String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw DynctlException.usage("--set '" + assignment + "' is not name=value.", "For example: --set 'status=active' --set 'age=36'");
        }
        String path = placeholders.path(assignment.substring(0, eq));
        AttributeValue value = AttributeCodec.valueFromJson(looseJson(assignment.substring(eq + 1)));
        set.add(path + " = " + placeholders.value(value));
        return this;
    }

    /** {@code path}. */
    public UpdateClauses remove(String path) {
        remove.add(placeholders.path(path));
        return this;
    }

    /** {@code path value}: adds to a number, or adds elements to a set. */
    public UpdateClauses add(String operation) {
        add.add(pathAndSetValue("--add", operation, "--add 'visits 1' or --add 'tags [\"new\"]'"));
        return this;
    }

    /** {@code path value}: removes elements from a set. */
    public UpdateClauses delete(String operation) {
        delete.add(pathAndSetValue("--delete", operation, "--delete 'tags [\"old\"]'"));
        return this;
    }

    public boolean isEmpty() {
        return set.isEmpty() && remove.isEmpty() && add.isEmpty() && delete.isEmpty();
    }

    /** The UpdateExpression: one clause per action, in DynamoDB's order. */
    public String expression() {
        List<String> clauses = new ArrayList<>();
        clause(clauses, "SET", set);
        clause(clauses, "REMOVE", remove);
        clause(clauses, "ADD", add);
        clause(clauses, "DELETE", delete);
        return String.join(" ", clauses);
    }

    /** The placeholders the expression uses, for ExpressionAttributeNames and ExpressionAttributeValues. */
    public ItemPlaceholders placeholders() {
        return placeholders;
    }

    private String pathAndSetValue(String option, String operation, String example) {
        String[] parts = operation.trim().split("\\s+", 2);
        if (parts.length < 2) {
            throw DynctlException.usage(option + " '" + operation + "' is not 'name value'.", "For example: " + example);
        }
        JsonNode value = looseJson(parts[1]);
        if (value.isArray()) {
            ObjectNode set = Json.MAPPER.createObjectNode();
            set.set(AttributeCodec.SET_TAG, value);
            value = set;
        }
        return placeholders.path(parts[0]) + " " + placeholders.value(AttributeCodec.valueFromJson(value));
    }

    private static void clause(List<String> clauses, String action, List<String> parts) {
        if (!parts.isEmpty()) {
            clauses.add(action + " " + String.join(", ", parts));
        }
    }

    /** JSON when the text is one JSON value, else the text itself as a string. */
    static JsonNode looseJson(String text) {
        try {
            JsonNode node = STRICT_JSON.readTree(text);
            if (node != null && !node.isMissingNode()) {
                return node;
            }
        } catch (IOException notJson) {
            // a plain word such as Ada: the string itself
        }
        return Json.MAPPER.getNodeFactory().textNode(text);
    }
}
