package dev.dynctl.dynamo.expression;

import dev.dynctl.dynamo.expression.Token.Kind;
import dev.dynctl.error.DynctlException;
import java.util.List;

/** The parsers' position in the tokens, with the nesting depth kept bounded. */
final class TokenCursor {
    /** Deeper nesting than any real expression has; it keeps a hostile input from exhausting the stack. */
    private static final int MAX_DEPTH = 64;

    private final SourceText source;
    private final List<Token> tokens;
    private int index;
    private int depth;

    TokenCursor(SourceText source) {
        this.source = source;
        this.tokens = Lexer.tokens(source);
    }

    Token peek() {
        return tokens.get(index);
    }

    Token peek(int ahead) {
        return tokens.get(Math.min(index + ahead, tokens.size() - 1));
    }

    Token next() {
        Token token = tokens.get(index);
        if (!token.is(Kind.END)) {
            index++;
        }
        return token;
    }

    boolean accept(Kind kind) {
        if (peek().is(kind)) {
            next();
            return true;
        }
        return false;
    }

    boolean acceptWord(String word) {
        if (peek().isWord(word)) {
            next();
            return true;
        }
        return false;
    }

    Token expect(Kind kind, String what) {
        if (!peek().is(kind)) {
            throw unexpected("expected " + what, null);
        }
        return next();
    }

    void expectEnd(String after) {
        if (!peek().is(Kind.END)) {
            throw unexpected("unexpected " + peek().describe() + " " + after, null);
        }
    }

    /** Enters one more level of parentheses, brackets or NOT. */
    void enter() {
        if (++depth > MAX_DEPTH) {
            throw error(peek(), "nested more than " + MAX_DEPTH + " levels deep", "Write the expression with less nesting.");
        }
    }

    void leave() {
        depth--;
    }

    /** "expected X, found Y" at the next token. */
    DynctlException unexpected(String expected, String hint) {
        Token found = peek();
        String message = expected.startsWith("unexpected") ? expected : expected + ", found " + found.describe();
        return error(found, message, hint);
    }

    DynctlException error(Token at, String message, String hint) {
        return source.error(at.start(), message, hint);
    }

    /** For a name typed with other characters (first-name): put it in backticks. */
    String backticksHint(Token start) {
        String text = source.text();
        int end = start.start();
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        return "An attribute name with other characters goes in backticks: `" + text.substring(start.start(), end) + "`.";
    }
}
