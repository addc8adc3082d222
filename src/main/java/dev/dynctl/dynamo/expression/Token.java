package dev.dynctl.dynamo.expression;

/**
 * One token of an expression.
 *
 * @param value the token as the parser reads it: a string's or a backticked name's text without
 *     quotes and escapes, otherwise the text itself
 * @param start offset of the first character in the expression text
 * @param spaced whether white space comes before it (a path is written without spaces)
 */
record Token(Kind kind, String value, int start, boolean spaced) {
    enum Kind {
        WORD, NAME, STRING, NUMBER, COMPARATOR,
        LEFT_PAREN, RIGHT_PAREN, LEFT_BRACKET, RIGHT_BRACKET, LEFT_BRACE, RIGHT_BRACE,
        COMMA, DOT, COLON, PLUS, MINUS, END
    }

    boolean is(Kind k) {
        return kind == k;
    }

    /** A word, case-insensitively: a keyword such as AND, true or SET. */
    boolean isWord(String word) {
        return kind == Kind.WORD && value.equalsIgnoreCase(word);
    }

    /** How a message names this token. */
    String describe() {
        return switch (kind) {
            case END -> "the end of the text";
            case WORD -> "'" + value + "'";
            case NAME -> "`" + value + "`";
            case STRING -> "the string '" + value + "'";
            case NUMBER -> "the number " + value;
            default -> "'" + value + "'";
        };
    }
}
