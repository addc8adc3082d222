package dev.dynctl.dynamo.expression;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The tree of a condition. {@link #render} writes it with the fewest parentheses DynamoDB's
 * precedence allows (NOT over AND over OR), spelling operands as it is told: as placeholders for
 * DynamoDB, or as typed for messages.
 */
sealed interface ConditionNode {
    int OR = 1;
    int AND = 2;
    int NOT = 3;
    int ATOM = 4;

    String render(Function<Operand, String> operand);

    /** How tightly the node binds; a child that binds less tightly than its parent needs parentheses. */
    default int precedence() {
        return ATOM;
    }

    private static String child(ConditionNode child, int parent, Function<Operand, String> operand) {
        String text = child.render(operand);
        return child.precedence() < parent ? "(" + text + ")" : text;
    }

    record Comparison(Operand left, String comparator, Operand right) implements ConditionNode {
        @Override
        public String render(Function<Operand, String> operand) {
            return operand.apply(left) + " " + comparator + " " + operand.apply(right);
        }
    }

    record Between(Operand value, Operand low, Operand high) implements ConditionNode {
        @Override
        public String render(Function<Operand, String> operand) {
            return operand.apply(value) + " BETWEEN " + operand.apply(low) + " AND " + operand.apply(high);
        }
    }

    record In(Operand value, List<Operand> candidates) implements ConditionNode {
        @Override
        public String render(Function<Operand, String> operand) {
            return operand.apply(value) + " IN (" + candidates.stream().map(operand).collect(Collectors.joining(", ")) + ")";
        }
    }

    /** attribute_exists(path), attribute_not_exists(path), attribute_type(path, type), begins_with(path, v), contains(path, v). */
    record Call(String name, AttributePath path, Operand argument) implements ConditionNode {
        @Override
        public String render(Function<Operand, String> operand) {
            String first = operand.apply(new Operand.Attribute(path));
            return name + "(" + first + (argument == null ? "" : ", " + operand.apply(argument)) + ")";
        }
    }

    record Not(ConditionNode condition) implements ConditionNode {
        @Override
        public String render(Function<Operand, String> operand) {
            // NOT NOT a is valid DynamoDB, but moto (and many readers) stumble on it: NOT (NOT a)
            return "NOT " + child(condition, ATOM, operand);
        }

        @Override
        public int precedence() {
            return NOT;
        }
    }

    record And(List<ConditionNode> conditions) implements ConditionNode {
        /** Both, flattened: a AND (b AND c) is a AND b AND c. */
        static ConditionNode of(ConditionNode left, ConditionNode right) {
            List<ConditionNode> all = new ArrayList<>();
            for (ConditionNode side : List.of(left, right)) {
                if (side instanceof And and) {
                    all.addAll(and.conditions());
                } else {
                    all.add(side);
                }
            }
            return new And(List.copyOf(all));
        }

        @Override
        public String render(Function<Operand, String> operand) {
            return conditions.stream().map(c -> child(c, AND, operand)).collect(Collectors.joining(" AND "));
        }

        @Override
        public int precedence() {
            return AND;
        }
    }

    record Or(List<ConditionNode> conditions) implements ConditionNode {
        @Override
        public String render(Function<Operand, String> operand) {
            return conditions.stream().map(c -> child(c, OR, operand)).collect(Collectors.joining(" OR "));
        }

        @Override
        public int precedence() {
            return OR;
        }
    }
}
