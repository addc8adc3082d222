package dev.dynctl.dynamo.expression;

import dev.dynctl.dynamo.ItemPlaceholders;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One action of an update: SET path = operand, REMOVE path, ADD path value or DELETE path value.
 *
 * @param operand null for REMOVE
 */
public record UpdateAction(Kind kind, AttributePath path, Operand operand) {
    /** The clauses of an UpdateExpression, in the order DynamoDB writes them. */
    public enum Kind { SET, REMOVE, ADD, DELETE }

    public static UpdateAction set(AttributePath path, AttributeValue value) {
        return new UpdateAction(Kind.SET, path, new Operand.Literal(value));
    }

    public static UpdateAction remove(AttributePath path) {
        return new UpdateAction(Kind.REMOVE, path, null);
    }

    /**
     * The value the action gives: what a SET assigns, the number or set an ADD adds or the set a
     * DELETE takes away; null when it is computed (a + 1, list_append, if_not_exists) or for REMOVE.
     */
    public AttributeValue literal() {
        return operand instanceof Operand.Literal l ? l.value() : null;
    }

    /** The same action with another literal value. */
    public UpdateAction withLiteral(AttributeValue value) {
        return new UpdateAction(kind, path, new Operand.Literal(value));
    }

    /** This action in its clause: {@code #n0 = :v0}, {@code #n1}, or {@code #n2 :v1}. */
    public String compile(ItemPlaceholders placeholders) {
        String target = path.compile(placeholders);
        return switch (kind) {
            case SET -> target + " = " + operand.compile(placeholders);
            case REMOVE -> target;
            case ADD, DELETE -> target + " " + operand.compile(placeholders);
        };
    }

    /** The action as it is typed in an update expression. */
    public String text() {
        return switch (kind) {
            case SET -> "SET " + path.text() + " = " + operand.text();
            case REMOVE -> "REMOVE " + path.text();
            case ADD, DELETE -> kind + " " + path.text() + " " + operand.text();
        };
    }
}
