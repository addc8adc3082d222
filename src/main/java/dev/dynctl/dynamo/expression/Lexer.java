package dev.dynctl.dynamo.expression;

import dev.dynctl.dynamo.expression.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an expression into tokens: words, `backticked names`, 'strings' or "strings" with
 * backslash escapes, numbers, comparators and punctuation.
 */
final class Lexer {
    private static final String PLACEHOLDER_HINT = "dynctl writes the #name and :value placeholders itself: "
            + "write attribute names as they are (status, address.city, `odd name`) and values inline ('active', 42).";

    private final SourceText source;
    private final String text;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;
    private boolean spaced;

    private Lexer(SourceText source) {
        this.source = source;
        this.text = source.text();
    }

    static List<Token> tokens(SourceText source) {
        Lexer lexer = new Lexer(source);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        requireWholeCharacters(text, -1);
        while (true) {
            int before = pos;
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
            spaced = pos > before;
            if (pos >= text.length()) {
                tokens.add(new Token(Kind.END, "", text.length(), spaced));
                return;
            }
            next();
        }
    }

    private void next() {
        int start = pos;
        int c = text.codePointAt(pos);
        if (isWordStart(c)) {
            while (pos < text.length() && isWordPart(text.codePointAt(pos))) {
                pos += Character.charCount(text.codePointAt(pos));
            }
            add(Kind.WORD, text.substring(start, pos), start);
        } else if (c >= '0' && c <= '9') {
            number(start);
        } else if (c == '\'' || c == '"') {
            add(Kind.STRING, quoted((char) c, "string"), start);
        } else if (c == '`') {
            String name = quoted('`', "name");
            if (name.isEmpty()) {
                throw source.error(start, "an attribute name cannot be empty", null);
            }
            add(Kind.NAME, name, start);
        } else if (c == '=' || c == '<' || c == '>' || c == '!') {
            comparator(start);
        } else {
            punctuation(start, c);
        }
    }

    private void punctuation(int start, int c) {
        Kind kind = switch (c) {
            case '(' -> Kind.LEFT_PAREN;
            case ')' -> Kind.RIGHT_PAREN;
            case '[' -> Kind.LEFT_BRACKET;
            case ']' -> Kind.RIGHT_BRACKET;
            case '{' -> Kind.LEFT_BRACE;
            case '}' -> Kind.RIGHT_BRACE;
            case ',' -> Kind.COMMA;
            case '.' -> Kind.DOT;
            case ':' -> Kind.COLON;
            case '+' -> Kind.PLUS;
            case '-' -> Kind.MINUS;
            default -> null;
        };
        if (kind == null) {
            String shown = new String(Character.toChars(c));
            throw c == '#'
                    ? source.error(start, "placeholders such as #name are not needed", PLACEHOLDER_HINT)
                    : source.error(start, "unexpected character '" + shown + "'",
                            "Put attribute names with other characters in backticks: `my-attr`.");
        }
        pos++;
        add(kind, String.valueOf((char) c), start);
    }

    private void comparator(int start) {
        String two = text.substring(pos, Math.min(text.length(), pos + 2));
        String op = switch (two) {
            case "<=", ">=", "<>", "!=", "==" -> two;
            default -> text.substring(pos, pos + 1);
        };
        if (op.equals("!")) {
            throw source.error(start, "unexpected '!'", "Write 'a <> b' (or 'a != b') for not equal, and NOT for negation.");
        }
        pos += op.length();
        add(Kind.COMPARATOR, switch (op) {
            case "!=" -> "<>";
            case "==" -> "=";
            default -> op;
        }, start);
    }

    /** Digits, an optional fraction and an optional exponent; a letter right after is a mistake. */
    private void number(int start) {
        digits();
        if (pos + 1 < text.length() && text.charAt(pos) == '.' && isDigit(pos + 1)) {
            pos++;
            digits();
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            int sign = pos + 1 < text.length() && (text.charAt(pos + 1) == '+' || text.charAt(pos + 1) == '-') ? 1 : 0;
            if (isDigit(pos + 1 + sign)) {
                pos += 1 + sign;
                digits();
            }
        }
        if (pos < text.length() && isWordPart(text.codePointAt(pos))) {
            int end = pos;
            while (end < text.length() && isWordPart(text.codePointAt(end))) {
                end += Character.charCount(text.codePointAt(end));
            }
            String word = text.substring(start, end);
            throw source.error(start, "'" + word + "' is not a number",
                    "A name that starts with a digit goes in backticks: `" + word + "`; a string goes in quotes: '" + word + "'.");
        }
        add(Kind.NUMBER, text.substring(start, pos), start);
    }

    private void digits() {
        while (isDigit(pos)) {
            pos++;
        }
    }

    private boolean isDigit(int at) {
        return at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9';
    }

    /** The text between quotes, with \\, \', \", \`, \n, \t, \r, \b, \f, \/ and \\uXXXX escapes. */
    private String quoted(char quote, String what) {
        int start = pos++;
        StringBuilder out = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == quote) {
                requireWholeCharacters(out.toString(), start);
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos >= text.length()) {
                break;
            }
            out.append(escaped(pos - 1));
        }
        throw source.error(start, "this " + what + " has no closing " + quote,
                "Close it with " + quote + "; write \\" + quote + " for a " + quote + " inside it.");
    }

    /** Half a UTF-16 surrogate pair (a broken input, or a \\u escape) is not text DynamoDB can store. */
    private void requireWholeCharacters(String s, int reportAt) {
        int broken = brokenCharacter(s);
        if (broken >= 0) {
            throw source.error(reportAt < 0 ? broken : reportAt, "this is not valid Unicode (half of a surrogate pair)",
                    "Write the character itself, or both halves: \\uD83D\\uDE00.");
        }
    }

    private static int brokenCharacter(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    private String escaped(int backslash) {
        char c = text.charAt(pos++);
        switch (c) {
            case '\\', '\'', '"', '`', '/':
                return String.valueOf(c);
            case 'n':
                return "\n";
            case 't':
                return "\t";
            case 'r':
                return "\r";
            case 'b':
                return "\b";
            case 'f':
                return "\f";
            case 'u':
                if (pos + 4 <= text.length() && text.substring(pos, pos + 4).matches("[0-9a-fA-F]{4}")) {
                    pos += 4;
                    return String.valueOf((char) Integer.parseInt(text.substring(pos - 4, pos), 16));
                }
                throw source.error(backslash, "\\u needs four hex digits", "For example \\u00e9 for é.");
            default:
                throw source.error(backslash, "unknown escape \\" + c,
                        "The escapes are \\\\, \\', \\\", \\`, \\n, \\t, \\r, \\b, \\f, \\/ and \\uXXXX.");
        }
    }

    private void add(Kind kind, String value, int start) {
        tokens.add(new Token(kind, value, start, spaced));
    }

    private static boolean isWordStart(int c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isWordPart(int c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
