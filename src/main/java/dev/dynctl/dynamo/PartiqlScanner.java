package dev.dynctl.dynamo;

import dev.dynctl.error.DynctlException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * PartiQL text read as far as dynctl needs it, without parsing the language: where statements
 * end, the {@code ?} placeholders, the verb and the table. It knows PartiQL's quoting ('strings'
 * with '' inside, "names" with "" inside, `Ion` literals) and comments (-- to the end of the line,
 * and block comments), so that a {@code ?} or {@code ;} inside a string or a comment is left
 * alone. Comments are dropped from the text sent to DynamoDB, since not every engine accepts them.
 */
final class PartiqlScanner {
    /** The words a statement starts with; a line that starts with one also starts a new statement in a file. */
    static final Set<String> VERBS = Set.of("SELECT", "INSERT", "UPDATE", "DELETE", "EXISTS");

    enum Kind { WORD, NAME, STRING, ION, PLACEHOLDER, SYMBOL }

    /**
     * One token: its kind, its text (a quoted name unquoted), where it lies in the text without
     * comments, the line it starts on, and whether it is the first token of that line.
     */
    record Token(Kind kind, String text, int start, int end, int line, boolean startsLine) {
        boolean isWord(String word) {
            return kind == Kind.WORD && text.equalsIgnoreCase(word);
        }

        boolean isName() {
            return kind == Kind.WORD || kind == Kind.NAME;
        }
    }

    /** A statement's text without comments, and the line of the source it starts on. */
    record Piece(String text, int line) {
    }

    private final String source;
    private final StringBuilder cleaned = new StringBuilder();
    private final List<Token> tokens = new ArrayList<>();
    private int i;
    private int line = 1;
    private int column = 1;
    private boolean lineStart = true;

    private PartiqlScanner(String source) {
        this.source = source;
    }

    /** The tokens of {@code text}; an unclosed string, name or comment is a usage error naming where it starts. */
    static List<Token> tokens(String text) {
        PartiqlScanner scanner = new PartiqlScanner(text);
        scanner.scan();
        return scanner.tokens;
    }

    /**
     * Splits a script into statements. A statement ends at a {@code ;}, and also where a line starts
     * with a statement's first word (SELECT, INSERT, UPDATE, DELETE), so one statement per line needs no {@code ;}.
     */
    static List<Piece> split(String text) {
        PartiqlScanner scanner = new PartiqlScanner(text);
        scanner.scan();
        List<Piece> pieces = new ArrayList<>();
        Token first = null;
        Token last = null;
        for (Token token : scanner.tokens) {
            boolean semicolon = token.kind() == Kind.SYMBOL && token.text().equals(";");
            boolean newStatement = token.startsLine() && token.kind() == Kind.WORD
                    && VERBS.contains(token.text().toUpperCase(Locale.ROOT));
            if (first != null && (semicolon || newStatement)) {
                pieces.add(new Piece(scanner.cleaned.substring(first.start(), last.end()), first.line()));
                first = null;
            }
            if (!semicolon) {
                first = first == null ? token : first;
                last = token;
            }
        }
        if (first != null) {
            pieces.add(new Piece(scanner.cleaned.substring(first.start(), last.end()), first.line()));
        }
        return pieces;
    }

    private void scan() {
        while (i < source.length()) {
            char c = source.charAt(i);
            if (Character.isWhitespace(c)) {
                keep(1);
            } else if (source.startsWith("--", i)) {
                int end = source.indexOf('\n', i);
                drop((end < 0 ? source.length() : end) - i);
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                if (end < 0) {
                    throw unclosed("comment", "*/");
                }
                drop(end + 2 - i);
            } else if (c == '\'') {
                quoted(Kind.STRING, '\'', "string");
            } else if (c == '"') {
                quoted(Kind.NAME, '"', "quoted name");
            } else if (c == '`') {
                int end = source.indexOf('`', i + 1);
                if (end < 0) {
                    throw unclosed("Ion literal", "`");
                }
                token(Kind.ION, end + 1 - i, source.substring(i + 1, end));
            } else if (c == '?') {
                token(Kind.PLACEHOLDER, 1, "?");
            } else if (isWordChar(c)) {
                int end = i;
                while (end < source.length() && isWordChar(source.charAt(end))) {
                    end++;
                }
                token(Kind.WORD, end - i, source.substring(i, end));
            } else {
                token(Kind.SYMBOL, 1, String.valueOf(c));
            }
        }
    }

    /** 'it''s' or "my ""table""": the quote doubled stands for itself. */
    private void quoted(Kind kind, char quote, String what) {
        StringBuilder value = new StringBuilder();
        int j = i + 1;
        while (true) {
            if (j >= source.length()) {
                throw unclosed(what, String.valueOf(quote));
            }
            char c = source.charAt(j);
            if (c == quote) {
                if (j + 1 < source.length() && source.charAt(j + 1) == quote) {
                    value.append(quote);
                    j += 2;
                    continue;
                }
                break;
            }
            value.append(c);
            j++;
        }
        token(kind, j + 1 - i, value.toString());
    }

    private void token(Kind kind, int length, String text) {
        int start = cleaned.length();
        int startLine = line;
        boolean first = lineStart;
        keep(length);
        tokens.add(new Token(kind, text, start, cleaned.length(), startLine, first));
        lineStart = false;
    }

    /** Copies source text into the cleaned text, counting lines. */
    private void keep(int length) {
        for (int end = i + length; i < end; i++) {
            char c = source.charAt(i);
            cleaned.append(c);
            advance(c);
        }
    }

    /** Skips a comment; its line breaks are kept, so that lines still count from the source. */
    private void drop(int length) {
        for (int end = i + length; i < end; i++) {
            char c = source.charAt(i);
            if (c == '\n') {
                cleaned.append(c);
            }
            advance(c);
        }
    }

    private void advance(char c) {
        if (c == '\n') {
            line++;
            column = 1;
            lineStart = true;
        } else {
            column++;
        }
    }

    private DynctlException unclosed(String what, String closing) {
        return DynctlException.usage("The " + what + " that starts at line " + line + ", column " + column
                + " is not closed: " + closing + " is missing.");
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
