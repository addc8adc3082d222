package dev.dynctl.dynamo.expression;

import dev.dynctl.dynamo.ItemPlaceholders;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What a comparison compares or a SET assigns: an attribute, a literal value, size(path), and in
 * updates {@code a + b}, {@code a - b}, if_not_exists(path, v) and list_append(a, b).
 */
public sealed interface Operand {
    /** The operand in a DynamoDB expression, its names and values added to {@code placeholders}. */
    String compile(ItemPlaceholders placeholders);

    /** The operand as it is typed in dynctl's grammar. */
    String text();

    record Attribute(AttributePath path) implements Operand {
        @Override
        public String compile(ItemPlaceholders placeholders) {
            return path.compile(placeholders);
        }

        @Override
        public String text() {
            return path.text();
        }
    }

    record Literal(AttributeValue value) implements Operand {
        @Override
        public String compile(ItemPlaceholders placeholders) {
            return placeholders.value(value);
        }

        @Override
        public String text() {
            return LiteralText.of(value);
        }
    }

    record Size(AttributePath path) implements Operand {
        @Override
        public String compile(ItemPlaceholders placeholders) {
            return "size(" + path.compile(placeholders) + ")";
        }

        @Override
        public String text() {
            return "size(" + path.text() + ")";
        }
    }

    /** {@code left + right} or {@code left - right}: numbers, in a SET. */
    record Arithmetic(Operand left, String operator, Operand right) implements Operand {
        @Override
        public String compile(ItemPlaceholders placeholders) {
            return left.compile(placeholders) + " " + operator + " " + right.compile(placeholders);
        }

        @Override
        public String text() {
            return left.text() + " " + operator + " " + right.text();
        }
    }

    /** The attribute's value, or {@code fallback} when it has none. */
    record IfNotExists(AttributePath path, Operand fallback) implements Operand {
        @Override
        public String compile(ItemPlaceholders placeholders) {
            return "if_not_exists(" + path.compile(placeholders) + ", " + fallback.compile(placeholders) + ")";
        }

        @Override
        public String text() {
            return "if_not_exists(" + path.text() + ", " + fallback.text() + ")";
        }
    }

    /** Two lists, one after the other. */
    record ListAppend(Operand first, Operand second) implements Operand {
        @Override
        public String compile(ItemPlaceholders placeholders) {
            return "list_append(" + first.compile(placeholders) + ", " + second.compile(placeholders) + ")";
        }

        @Override
        public String text() {
            return "list_append(" + first.text() + ", " + second.text() + ")";
        }
    }
}
