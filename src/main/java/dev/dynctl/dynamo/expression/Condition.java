package dev.dynctl.dynamo.expression;

import dev.dynctl.dynamo.ItemPlaceholders;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A condition in dynctl's one grammar (--if on writes, --filter on reads, transactions, the shell),
 * compiled to a DynamoDB condition expression whose names and values are all placeholders, so
 * reserved words (status, name, data, size, ...) just work. The grammar is described in
 * docs/expressions.md.
 */
public final class Condition {
    private final ConditionNode node;
    /** As the user typed it, for messages; null for a condition built in code. */
    private final String typed;

    private Condition(ConditionNode node, String typed) {
        this.node = node;
        this.typed = typed;
    }

    /**
     * Parses {@code text}; a syntax error is a usage error (exit 2) that names {@code source}
     * (such as "--if") and points at the column with a caret.
     */
    public static Condition parse(String text, String source) {
        return new Condition(ConditionParser.parse(text, source), text.strip());
    }

    /** Both conditions. */
    public static Condition and(Condition left, Condition right) {
        return new Condition(ConditionNode.And.of(left.node, right.node), null);
    }

    /** attribute_exists(path), path as typed (a.b[0].c). */
    public static Condition exists(String path) {
        return new Condition(new ConditionNode.Call("attribute_exists", AttributePath.plain(path), null), null);
    }

    /** attribute_not_exists(path). */
    public static Condition notExists(String path) {
        return new Condition(new ConditionNode.Call("attribute_not_exists", AttributePath.plain(path), null), null);
    }

    /** path = value. */
    public static Condition equalTo(String path, AttributeValue value) {
        return new Condition(new ConditionNode.Comparison(new Operand.Attribute(AttributePath.plain(path)), "=",
                new Operand.Literal(value)), null);
    }

    /** The expression text, adding its names and values to {@code placeholders} (shared with the request's other expressions). */
    public String compile(ItemPlaceholders placeholders) {
        return node.render(operand -> operand.compile(placeholders));
    }

    /**
     * Whether the condition holds for {@code item}, decided here as DynamoDB would decide it (see
     * {@link ConditionEvaluator}): for items that never pass through a request, such as a stream's records.
     */
    public boolean matches(Map<String, AttributeValue> item) {
        return ConditionEvaluator.matches(node, item);
    }

    /** The condition in dynctl's grammar: as typed, or written out for one built in code. */
    public String text() {
        return typed != null ? typed : node.render(Operand::text);
    }

    /**
     * The classic slip {@code status = active}: a bare word on the right of a comparison is an
     * attribute (as in DynamoDB), not the string. When the condition has one, the sentence that
     * says so, for a condition that failed or a filter that matched nothing.
     */
    public Optional<String> quotingHint() {
        List<String> words = new ArrayList<>();
        bareWords(node, words);
        if (words.isEmpty()) {
            return Optional.empty();
        }
        String word = words.get(0);
        return Optional.of("In " + text() + ", " + word + " is an attribute name (a bare word always is); "
                + "for the string, quote it: '" + word + "'.");
    }

    private static void bareWords(ConditionNode node, List<String> words) {
        if (node instanceof ConditionNode.Comparison c && c.left() instanceof Operand.Attribute) {
            bareWord(c.right(), words);
        } else if (node instanceof ConditionNode.In in && in.value() instanceof Operand.Attribute) {
            in.candidates().forEach(candidate -> bareWord(candidate, words));
        } else if (node instanceof ConditionNode.Between between) {
            bareWord(between.low(), words);
            bareWord(between.high(), words);
        } else if (node instanceof ConditionNode.Not not) {
            bareWords(not.condition(), words);
        } else if (node instanceof ConditionNode.And and) {
            and.conditions().forEach(c -> bareWords(c, words));
        } else if (node instanceof ConditionNode.Or or) {
            or.conditions().forEach(c -> bareWords(c, words));
        }
    }

    private static void bareWord(Operand operand, List<String> words) {
        if (operand instanceof Operand.Attribute a && !a.path().nested()) {
            words.add(a.path().attribute());
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Condition c && c.node.equals(node);
    }

    @Override
    public int hashCode() {
        return node.hashCode();
    }

    @Override
    public String toString() {
        return text();
    }
}
