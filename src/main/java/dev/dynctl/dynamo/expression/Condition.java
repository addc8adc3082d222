package dev.dynctl.dynamo.expression;

import dev.dynctl.dynamo.ItemPlaceholders;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A condition in dynctl's one grammar (--if on writes, --filter on reads, transactions, the shell),
 * compiled to a DynamoDB condition expression whose names and values are all placeholders.
 *
 * <p>CONTRACT STUB: the expressions work replaces these bodies; the signatures are what other code uses.
 */
public final class Condition {
    private Condition() {
    }

    /**
     * Parses {@code text}; a syntax error is a usage error (exit 2) that names {@code source}
     * (such as "--if") and points at the column with a caret.
     */
    public static Condition parse(String text, String source) {
        throw new UnsupportedOperationException("contract stub");
    }

    /** Both conditions. */
    public static Condition and(Condition left, Condition right) {
        throw new UnsupportedOperationException("contract stub");
    }

    /** attribute_exists(path), path as typed (a.b[0].c). */
    public static Condition exists(String path) {
        throw new UnsupportedOperationException("contract stub");
    }

    /** attribute_not_exists(path). */
    public static Condition notExists(String path) {
        throw new UnsupportedOperationException("contract stub");
    }

    /** path = value. */
    public static Condition equalTo(String path, AttributeValue value) {
        throw new UnsupportedOperationException("contract stub");
    }

    /** The expression text, adding its names and values to {@code placeholders} (shared with the request's other expressions). */
    public String compile(ItemPlaceholders placeholders) {
        throw new UnsupportedOperationException("contract stub");
    }
}
