package dev.dynctl.dynamo.expression;

import dev.dynctl.dynamo.expression.Token.Kind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Update clauses: {@code SET a = a + 1, b = list_append(b, [1]), c = if_not_exists(c, 0) REMOVE d
 * ADD n 1 DELETE tags ['x']}, clauses in any order, each at most once. In ADD and DELETE a list
 * is a set of its elements' type, as those actions work on sets.
 */
public final class UpdateParser {
    private static final String EXAMPLE = "For example: SET a = a + 1, b = 'x' REMOVE c ADD tags ['t'].";

    private final TokenCursor tokens;
    private final OperandParser operands;
    private final Set<UpdateAction.Kind> seen = EnumSet.noneOf(UpdateAction.Kind.class);
    private final List<UpdateAction> actions = new ArrayList<>();

    private UpdateParser(TokenCursor tokens) {
        this.tokens = tokens;
        this.operands = new OperandParser(tokens);
    }

    /** The actions of {@code text}; a syntax error names {@code source} and points at the column. */
    public static List<UpdateAction> parse(String text, String source) {
        UpdateParser parser = new UpdateParser(new TokenCursor(new SourceText(text, source)));
        parser.clauses();
        return List.copyOf(parser.actions);
    }

    private void clauses() {
        do {
            UpdateAction.Kind kind = clauseKind(tokens.peek());
            if (kind == null) {
                throw tokens.unexpected("expected SET, REMOVE, ADD or DELETE", EXAMPLE);
            }
            if (!seen.add(kind)) {
                throw tokens.error(tokens.peek(), kind + " appears twice", "List all of its actions after one " + kind
                        + ", separated by commas: SET a = 1, b = 2.");
            }
            tokens.next();
            do {
                actions.add(action(kind));
            } while (tokens.accept(Kind.COMMA));
            if (!tokens.peek().is(Kind.END) && clauseKind(tokens.peek()) == null) {
                throw tokens.unexpected("expected ',' or the next clause (SET, REMOVE, ADD or DELETE)", null);
            }
        } while (!tokens.peek().is(Kind.END));
    }

    private static UpdateAction.Kind clauseKind(Token token) {
        if (!token.is(Kind.WORD)) {
            return null;
        }
        for (UpdateAction.Kind kind : UpdateAction.Kind.values()) {
            if (token.isWord(kind.name())) {
                return kind;
            }
        }
        return null;
    }

    private UpdateAction action(UpdateAction.Kind kind) {
        Token start = tokens.peek();
        AttributePath path = operands.path();
        switch (kind) {
            case SET:
                Token equals = tokens.peek();
                if (!equals.is(Kind.COMPARATOR) || !equals.value().equals("=")) {
                    throw tokens.unexpected("expected '=' after SET " + path.text(),
                            equals.spaced() || equals.is(Kind.END) ? null : tokens.backticksHint(start));
                }
                tokens.next();
                return new UpdateAction(kind, path, value());
            case REMOVE:
                return UpdateAction.remove(path);
            default:
                if (!startsLiteral(tokens.peek())) {
                    throw tokens.unexpected("expected a value after " + kind + " " + path.text(),
                            "ADD takes a number or a set (ADD visits 1, ADD tags ['a']); DELETE takes a set.");
                }
                return new UpdateAction(kind, path, new Operand.Literal(operands.literal(true)));
        }
    }

    private static boolean startsLiteral(Token t) {
        return switch (t.kind()) {
            case STRING, NUMBER, MINUS, LEFT_BRACKET, LEFT_BRACE -> true;
            case WORD -> t.isWord("true") || t.isWord("false") || t.isWord("null");
            default -> false;
        };
    }

    /** A SET's value: one operand, or two joined by + or -. */
    private Operand value() {
        Operand left = operand();
        if (!tokens.peek().is(Kind.PLUS) && !tokens.peek().is(Kind.MINUS)) {
            return left;
        }
        String operator = tokens.next().value();
        Operand right = operand();
        if (tokens.peek().is(Kind.PLUS) || tokens.peek().is(Kind.MINUS)) {
            throw tokens.unexpected("a value has at most one + or -", "Split it: SET a = a + 1, b = b - 2.");
        }
        return new Operand.Arithmetic(left, operator, right);
    }

    private Operand operand() {
        Token name = tokens.peek();
        if (!name.is(Kind.WORD) || !tokens.peek(1).is(Kind.LEFT_PAREN)) {
            return operands.operand();
        }
        String function = name.value().toLowerCase(Locale.ROOT);
        if (!function.equals("if_not_exists") && !function.equals("list_append")) {
            throw tokens.error(name, "there is no function " + name.value() + "(...) in SET",
                    "SET's functions are if_not_exists(path, value) and list_append(list1, list2).");
        }
        tokens.next();
        tokens.next();
        tokens.enter();
        Operand result;
        if (function.equals("if_not_exists")) {
            AttributePath path = operands.path();
            tokens.expect(Kind.COMMA, "',' and a value after the attribute");
            result = new Operand.IfNotExists(path, operand());
        } else {
            Operand first = operand();
            tokens.expect(Kind.COMMA, "',' and a second list");
            result = new Operand.ListAppend(first, operand());
        }
        tokens.expect(Kind.RIGHT_PAREN, "')' to close " + function + "(");
        tokens.leave();
        return result;
    }
}
