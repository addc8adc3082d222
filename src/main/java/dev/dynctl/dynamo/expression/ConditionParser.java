package dev.dynctl.dynamo.expression;

import dev.dynctl.dynamo.expression.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Recursive descent over DynamoDB's condition grammar, with its precedence: comparisons, IN,
 * BETWEEN and functions bind tightest, then NOT, then AND, then OR.
 */
final class ConditionParser {
    private static final String COMPARISONS = "=, <>, <, <=, >, >=, BETWEEN or IN";
    /** attribute_type's type names: DynamoDB's codes, and words for them. */
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("s", "S"), Map.entry("string", "S"),
            Map.entry("n", "N"), Map.entry("number", "N"),
            Map.entry("b", "B"), Map.entry("binary", "B"),
            Map.entry("bool", "BOOL"), Map.entry("boolean", "BOOL"),
            Map.entry("null", "NULL"),
            Map.entry("l", "L"), Map.entry("list", "L"),
            Map.entry("m", "M"), Map.entry("map", "M"),
            Map.entry("ss", "SS"), Map.entry("string_set", "SS"),
            Map.entry("ns", "NS"), Map.entry("number_set", "NS"),
            Map.entry("bs", "BS"), Map.entry("binary_set", "BS"));

    private final TokenCursor tokens;
    private final OperandParser operands;

    private ConditionParser(TokenCursor tokens) {
        this.tokens = tokens;
        this.operands = new OperandParser(tokens);
    }

    static ConditionNode parse(String text, String source) {
        ConditionParser parser = new ConditionParser(new TokenCursor(new SourceText(text, source)));
        if (parser.tokens.peek().is(Kind.END)) {
            throw parser.tokens.unexpected("expected a condition", "For example: attribute_exists(id), or status = 'active'.");
        }
        ConditionNode condition = parser.or();
        parser.tokens.expectEnd("after a complete condition");
        return condition;
    }

    private ConditionNode or() {
        List<ConditionNode> all = new ArrayList<>();
        do {
            ConditionNode next = and();
            if (next instanceof ConditionNode.Or or) {
                all.addAll(or.conditions());
            } else {
                all.add(next);
            }
        } while (tokens.acceptWord("or") && requireConditionAfter("OR"));
        return all.size() == 1 ? all.get(0) : new ConditionNode.Or(List.copyOf(all));
    }

    private ConditionNode and() {
        List<ConditionNode> all = new ArrayList<>();
        do {
            ConditionNode next = not();
            if (next instanceof ConditionNode.And and) {
                all.addAll(and.conditions());
            } else {
                all.add(next);
            }
        } while (tokens.acceptWord("and") && requireConditionAfter("AND"));
        return all.size() == 1 ? all.get(0) : new ConditionNode.And(List.copyOf(all));
    }

    /** A clearer message than "expected a value" for a text that ends in AND or OR; true to go on. */
    private boolean requireConditionAfter(String keyword) {
        if (tokens.peek().is(Kind.END)) {
            throw tokens.unexpected("expected a condition after " + keyword, null);
        }
        return true;
    }

    private ConditionNode not() {
        if (!tokens.acceptWord("not")) {
            return primary();
        }
        tokens.enter();
        ConditionNode negated = new ConditionNode.Not(not());
        tokens.leave();
        return negated;
    }

    private ConditionNode primary() {
        Token open = tokens.peek();
        if (tokens.accept(Kind.LEFT_PAREN)) {
            tokens.enter();
            ConditionNode inner = or();
            tokens.expect(Kind.RIGHT_PAREN, "')' to close the '(' of column " + (open.start() + 1));
            tokens.leave();
            return inner;
        }
        Token first = tokens.peek();
        if (first.is(Kind.WORD) && tokens.peek(1).is(Kind.LEFT_PAREN)
                && OperandParser.CONDITION_FUNCTIONS.contains(first.value().toLowerCase(Locale.ROOT))) {
            return call();
        }
        return comparison(first, operands.operand());
    }

    private ConditionNode comparison(Token start, Operand left) {
        if (tokens.peek().is(Kind.COMPARATOR)) {
            String comparator = tokens.next().value();
            return new ConditionNode.Comparison(left, comparator, operands.operand());
        }
        if (tokens.acceptWord("between")) {
            Operand low = operands.operand();
            if (!tokens.acceptWord("and")) {
                throw tokens.unexpected("expected AND in BETWEEN low AND high", null);
            }
            return new ConditionNode.Between(left, low, operands.operand());
        }
        if (tokens.acceptWord("in")) {
            tokens.expect(Kind.LEFT_PAREN, "'(' after IN");
            List<Operand> candidates = new ArrayList<>();
            do {
                candidates.add(operands.operand());
            } while (tokens.accept(Kind.COMMA));
            tokens.expect(Kind.RIGHT_PAREN, "',' or ')' in the IN list");
            return new ConditionNode.In(left, List.copyOf(candidates));
        }
        String hint = null;
        if (left instanceof Operand.Attribute a) {
            hint = tokens.peek().spaced() || tokens.peek().is(Kind.END)
                    ? "To test that the attribute is there, write attribute_exists(" + a.text() + ")."
                    : tokens.backticksHint(start);
        }
        throw tokens.unexpected("expected a comparison (" + COMPARISONS + ") after " + left.text(), hint);
    }

    private ConditionNode call() {
        String name = tokens.next().value().toLowerCase(Locale.ROOT);
        tokens.next();
        AttributePath path = operands.path();
        Operand argument = null;
        if (name.equals("attribute_type")) {
            tokens.expect(Kind.COMMA, "',' and a type after the attribute");
            argument = type();
        } else if (name.equals("begins_with") || name.equals("contains")) {
            tokens.expect(Kind.COMMA, "',' and a value after the attribute");
            argument = operands.operand();
        }
        tokens.expect(Kind.RIGHT_PAREN, "')' to close " + name + "(");
        return new ConditionNode.Call(name, path, argument);
    }

    /** attribute_type's second argument: 'S', S, string, number_set, ... */
    private Operand type() {
        Token t = tokens.peek();
        String code = t.is(Kind.WORD) || t.is(Kind.STRING) ? TYPES.get(t.value().toLowerCase(Locale.ROOT)) : null;
        if (code == null) {
            throw tokens.unexpected("expected a type",
                    "The types are S, N, B, BOOL, NULL, L, M, SS, NS, BS, or string, number, binary, boolean, "
                            + "null, list, map, string_set, number_set, binary_set.");
        }
        tokens.next();
        return new Operand.Literal(AttributeValue.fromS(code));
    }
}
