package dev.dynctl.dynamo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

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
    // {"city": "Paris"}, as people type it on a command line
    private static final ObjectWriter ONE_LINE = Json.MAPPER.writer(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEntrySpacing(Separators.Spacing.AFTER)
                    .withArrayValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultPrettyPrinter.NopIndenter())
            .withArrayIndenter(new DefaultPrettyPrinter.NopIndenter()));
    private static final String INVALID_PATH = "document path provided in the update expression is invalid";
    private static final Pattern STEP = Pattern.compile("\\[(\\d+)]|[^\\[\\]]+");

    /** A --set on a path inside a map or list (address.city, tags[0]), for explaining DynamoDB's refusal. */
    private record NestedSet(String path, JsonNode value) {
    }

    private final ItemPlaceholders placeholders = new ItemPlaceholders();
    private final List<String> set = new ArrayList<>();
    private final List<String> remove = new ArrayList<>();
    private final List<String> add = new ArrayList<>();
    private final List<String> delete = new ArrayList<>();
    private final List<NestedSet> nestedSets = new ArrayList<>();

    /** {@code path=value}. */
    public UpdateClauses set(String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw DynctlException.usage("--set '" + assignment + "' is not name=value.", "For example: --set 'status=active' --set 'age=36'");
        }
        String rawPath = assignment.substring(0, eq).trim();
        String path = placeholders.path(rawPath);
        JsonNode json = looseJson(assignment.substring(eq + 1));
        set.add(path + " = " + placeholders.value(AttributeCodec.valueFromJson(json)));
        if (rawPath.indexOf('.') > 0 || rawPath.indexOf('[') > 0) {
            nestedSets.add(new NestedSet(rawPath, json));
        }
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

    /**
     * Update clauses in the expression grammar: {@code SET a = a + 1, b = list_append(b, [1]) REMOVE c
     * ADD n 1 DELETE tags <<'x'>>}, added to those already given. CONTRACT STUB: the expressions work
     * implements it.
     */
    public UpdateClauses expression(String text, String source) {
        throw new UnsupportedOperationException("contract stub");
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

    /**
     * DynamoDB's refusal of a path inside a map or list that is not there (or not a list: a set
     * has no positions), with the fix: set the whole map or list first. Empty for other errors.
     */
    public Optional<DynctlException> explain(DynamoDbException e) {
        String message = e.awsErrorDetails() == null ? String.valueOf(e.getMessage()) : e.awsErrorDetails().errorMessage();
        if (message == null || !message.contains(INVALID_PATH)) {
            return Optional.empty();
        }
        String hint = nestedSets.isEmpty()
                ? "A path inside a map or list needs that map or list to exist: set the whole of it first with --set."
                : wholeValueHint(nestedSets.get(0));
        return Optional.of(new DynctlException(ExitCode.USAGE, message + ".", hint, e));
    }

    /** address.city=Paris: "set the whole map first, e.g. --set 'address={"city": "Paris"}'". */
    private static String wholeValueHint(NestedSet nested) {
        List<String> steps = new ArrayList<>();
        for (String segment : nested.path().split("\\.")) {
            Matcher m = STEP.matcher(segment.trim());
            while (m.find()) {
                steps.add(m.group());
            }
        }
        JsonNode whole = nested.value();
        for (int i = steps.size() - 1; i >= 1; i--) {
            String step = steps.get(i);
            if (step.startsWith("[")) {
                whole = Json.MAPPER.createArrayNode().add(whole);
            } else {
                whole = Json.MAPPER.createObjectNode().set(step, whole);
            }
        }
        String top = steps.get(0);
        String example = "--set '" + top + "=" + oneLine(whole) + "'";
        return steps.get(1).startsWith("[")
                ? nested.path() + " needs " + top + " to be a list that exists (a set has no positions): "
                        + "set the whole list first, e.g. " + example + "."
                : nested.path() + " needs " + top + " to be a map that exists: set the whole map first, e.g. " + example + ".";
    }

    private static String oneLine(JsonNode node) {
        try {
            return ONE_LINE.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            return node.toString();
        }
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
