package dev.dynctl.dynamo;

import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.codec.AttributeCodec;
import dev.dynctl.codec.Json;
import dev.dynctl.dynamo.expression.AttributePath;
import dev.dynctl.dynamo.expression.Operand;
import dev.dynctl.dynamo.expression.UpdateAction;
import dev.dynctl.dynamo.expression.UpdateParser;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * The actions of one update, from the friendly options ({@code --set 'a=1'}, {@code --remove b},
 * {@code --add 'n 1'}, {@code --delete 'tags ["x"]'}), from update expressions in dynctl's grammar
 * ({@code --update 'SET a = a + 1 REMOVE b'}) and from code, compiled into one UpdateExpression
 * with placeholders.
 *
 * <p>Option values are JSON when they parse as JSON and strings otherwise, so {@code --set 'name=Ada'}
 * and {@code --set 'age=36'} both do what they look like; {@code --set 'zip="01234"'} forces a string.
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

    private final List<UpdateAction> actions = new ArrayList<>();

    /** {@code path=value}. */
    public UpdateClauses set(String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw DynctlException.usage("--set '" + assignment + "' is not name=value.", "For example: --set 'status=active' --set 'age=36'");
        }
        AttributePath path = AttributePath.plain(assignment.substring(0, eq));
        return set(path, AttributeCodec.valueFromJson(looseJson(assignment.substring(eq + 1))));
    }

    /** SET path = value, for code (schema defaults, timestamps, versions); the path as --set takes it. */
    public UpdateClauses set(String path, AttributeValue value) {
        return set(AttributePath.plain(path), value);
    }

    private UpdateClauses set(AttributePath path, AttributeValue value) {
        actions.add(UpdateAction.set(path, value));
        return this;
    }

    /** SET path = if_not_exists(path, value): the value only when the item has none (a createdAt). */
    public UpdateClauses setIfAbsent(String path, AttributeValue value) {
        AttributePath at = AttributePath.plain(path);
        actions.add(new UpdateAction(UpdateAction.Kind.SET, at, new Operand.IfNotExists(at, new Operand.Literal(value))));
        return this;
    }

    /** SET path = if_not_exists(path, 0) + 1: counts a version up from none. */
    public UpdateClauses increment(String path) {
        AttributePath at = AttributePath.plain(path);
        Operand current = new Operand.IfNotExists(at, new Operand.Literal(AttributeValue.fromN("0")));
        actions.add(new UpdateAction(UpdateAction.Kind.SET, at, new Operand.Arithmetic(current, "+", new Operand.Literal(AttributeValue.fromN("1")))));
        return this;
    }

    /** {@code path}. */
    public UpdateClauses remove(String path) {
        actions.add(UpdateAction.remove(AttributePath.plain(path)));
        return this;
    }

    /** {@code path value}: adds to a number, or adds elements to a set. */
    public UpdateClauses add(String operation) {
        actions.add(pathAndSetValue(UpdateAction.Kind.ADD, "--add", operation, "--add 'visits 1' or --add 'tags [\"new\"]'"));
        return this;
    }

    /** {@code path value}: removes elements from a set. */
    public UpdateClauses delete(String operation) {
        actions.add(pathAndSetValue(UpdateAction.Kind.DELETE, "--delete", operation, "--delete 'tags [\"old\"]'"));
        return this;
    }

    /**
     * Update clauses in the expression grammar, {@code SET a = a + 1, b = list_append(b, [1]) REMOVE c
     * ADD n 1 DELETE tags ['x']}, added to those already given; a syntax error names {@code source}.
     */
    public UpdateClauses expression(String text, String source) {
        actions.addAll(UpdateParser.parse(text, source));
        return this;
    }

    /** Every action, in the order given. */
    public List<UpdateAction> actions() {
        return List.copyOf(actions);
    }

    /**
     * Replaces each literal value (see {@link UpdateAction#literal()}) by what {@code f} makes of it,
     * for transforms such as trim or lowercase; computed values are left as they are.
     */
    public void mapLiterals(BiFunction<UpdateAction, AttributeValue, AttributeValue> f) {
        actions.replaceAll(action -> action.literal() == null ? action : action.withLiteral(f.apply(action, action.literal())));
    }

    public boolean isEmpty() {
        return actions.isEmpty();
    }

    /**
     * The UpdateExpression, one clause per kind of action in DynamoDB's order, its names and values
     * added to {@code placeholders} (shared with a condition of the same request).
     */
    public String compile(ItemPlaceholders placeholders) {
        List<String> clauses = new ArrayList<>();
        for (UpdateAction.Kind kind : UpdateAction.Kind.values()) {
            List<String> parts = actions.stream().filter(a -> a.kind() == kind).map(a -> a.compile(placeholders)).toList();
            if (!parts.isEmpty()) {
                clauses.add(kind + " " + String.join(", ", parts));
            }
        }
        return String.join(" ", clauses);
    }

    /** The UpdateExpression with placeholders of its own ({@link #placeholders()}). */
    public String expression() {
        return compile(new ItemPlaceholders());
    }

    /** The placeholders {@link #expression()} uses, for ExpressionAttributeNames and ExpressionAttributeValues. */
    public ItemPlaceholders placeholders() {
        // compiling is deterministic, so a second compilation numbers the placeholders as the first did
        ItemPlaceholders placeholders = new ItemPlaceholders();
        compile(placeholders);
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
        String hint = actions.stream()
                .filter(a -> a.kind() == UpdateAction.Kind.SET && a.path().nested() && a.literal() != null)
                .findFirst()
                .map(UpdateClauses::wholeValueHint)
                .orElse("A path inside a map or list needs that map or list to exist: set the whole of it first with --set.");
        return Optional.of(new DynctlException(ExitCode.USAGE, message + ".", hint, e));
    }

    /** address.city=Paris: "set the whole map first, e.g. --set 'address={"city": "Paris"}'". */
    private static String wholeValueHint(UpdateAction nested) {
        List<AttributePath.Step> steps = nested.path().steps();
        JsonNode whole = AttributeCodec.toJson(nested.literal());
        for (int i = steps.size() - 1; i >= 1; i--) {
            if (steps.get(i) instanceof AttributePath.Name name) {
                whole = Json.MAPPER.createObjectNode().set(name.name(), whole);
            } else {
                whole = Json.MAPPER.createArrayNode().add(whole);
            }
        }
        String top = nested.path().attribute();
        String path = nested.path().text();
        String example = "--set '" + top + "=" + Json.write(ONE_LINE, whole) + "'";
        return steps.get(1) instanceof AttributePath.Index
                ? path + " needs " + top + " to be a list that exists (a set has no positions): "
                        + "set the whole list first, e.g. " + example + "."
                : path + " needs " + top + " to be a map that exists: set the whole map first, e.g. " + example + ".";
    }

    private static UpdateAction pathAndSetValue(UpdateAction.Kind kind, String option, String operation, String example) {
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
        return new UpdateAction(kind, AttributePath.plain(parts[0]), new Operand.Literal(AttributeCodec.valueFromJson(value)));
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
