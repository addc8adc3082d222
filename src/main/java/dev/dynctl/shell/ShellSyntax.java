package dev.dynctl.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How the shell reads what is typed. A line is a command (the CLI's, without "dynctl") unless it
 * starts a PartiQL statement, which goes on, over several lines, until a ';'. Words are split as a
 * POSIX shell splits them (quotes, backslashes), except that a JSON object or list may be typed
 * bare: {@code put {"id": "u1"}} is one word.
 */
final class ShellSyntax {
    /** Commands are lower case; PartiQL's verbs in upper case are never a command. */
    private static final Set<String> PARTIQL_VERBS = Set.of("SELECT", "INSERT", "UPDATE", "DELETE", "EXISTS");
    /** The lower-case forms that are PartiQL and not the shell's get/put/update/delete shortcuts. */
    private static final Pattern LOWER_CASE_PARTIQL = Pattern.compile(
            "(?s)\\s*(select|insert|exists)\\b.*|\\s*delete\\s+from\\b.*|\\s*update\\s+(\"[^\"]*\"|\\S+)\\s+(set|remove)\\b.*");

    private ShellSyntax() {
    }

    /** True when the text starts a PartiQL statement. */
    static boolean isPartiql(String text) {
        String trimmed = text.stripLeading();
        int end = 0;
        while (end < trimmed.length() && Character.isLetter(trimmed.charAt(end))) {
            end++;
        }
        String first = trimmed.substring(0, end);
        return PARTIQL_VERBS.contains(first) || LOWER_CASE_PARTIQL.matcher(text).matches();
    }

    /** True for a line that holds only a comment (# or --), or nothing. */
    static boolean isBlankOrComment(String text) {
        String trimmed = text.strip();
        return trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.equals("--") || trimmed.startsWith("-- ");
    }

    /**
     * True when the text is a whole statement: a PartiQL statement ends with ';', a command with a
     * line that closes its quotes and brackets and does not end in a backslash.
     */
    static boolean isComplete(String text) {
        if (isBlankOrComment(text)) {
            return true;
        }
        Explain.Request explained = Explain.parse(text);
        if (explained != null) {
            // explain SELECT … goes on until its ';' as the statement would
            return isComplete(explained.statement());
        }
        Scan scan = Scan.of(text);
        if (scan.open()) {
            return false;
        }
        if (isPartiql(text)) {
            return scan.endsWithSemicolon();
        }
        return !text.stripTrailing().endsWith("\\") || text.stripTrailing().endsWith("\\\\");
    }

    /** A PartiQL statement as the sql command takes it: without its ';'. */
    static String partiql(String text) {
        String trimmed = text.strip();
        while (trimmed.endsWith(";")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1).stripTrailing();
        }
        return trimmed;
    }

    /** The words of a command line: quotes removed, backslash escapes applied, bare JSON kept whole. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && (Character.isWhitespace(text.charAt(i)) || text.startsWith("\\\n", i))) {
                i += Character.isWhitespace(text.charAt(i)) ? 1 : 2;
            }
            if (i >= n) {
                break;
            }
            StringBuilder word = new StringBuilder();
            while (i < n && !Character.isWhitespace(text.charAt(i))) {
                char c = text.charAt(i);
                if ((c == '{' || c == '[') && word.isEmpty()) {
                    int end = Scan.closing(text, i);
                    word.append(text, i, end);
                    i = end;
                } else if (c == '\'') {
                    int end = text.indexOf('\'', i + 1);
                    end = end < 0 ? n : end;
                    word.append(text, i + 1, end);
                    i = Math.min(n, end + 1);
                } else if (c == '"') {
                    i = doubleQuoted(text, i + 1, word);
                } else if (c == '\\' && i + 1 < n) {
                    if (text.charAt(i + 1) != '\n') {
                        word.append(text.charAt(i + 1));
                    }
                    i += 2;
                } else {
                    word.append(c);
                    i++;
                }
            }
            words.add(word.toString());
        }
        return words;
    }

    /** Reads a "…" word part from {@code start} (after the quote); returns where reading stopped. */
    private static int doubleQuoted(String text, int start, StringBuilder word) {
        int i = start;
        while (i < text.length() && text.charAt(i) != '"') {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && "\"\\$`".indexOf(text.charAt(i + 1)) >= 0) {
                word.append(text.charAt(i + 1));
                i += 2;
            } else {
                word.append(c);
                i++;
            }
        }
        return Math.min(text.length(), i + 1);
    }

    /** Quotes and brackets left open at the end of a text, and whether its last character outside them is ';'. */
    private record Scan(boolean open, boolean endsWithSemicolon) {
        static Scan of(String text) {
            boolean partiql = isPartiql(text);
            char quote = 0;
            int depth = 0;
            char last = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quote != 0) {
                    if (c == '\\' && quote == '"' && i + 1 < text.length()) {
                        i++;
                    } else if (c == quote) {
                        quote = 0;
                    }
                    last = c;
                    continue;
                }
                if (c == '-' && i + 1 < text.length() && text.charAt(i + 1) == '-' && depth == 0 && partiql) {
                    // a PartiQL comment runs to the end of its line
                    int newline = text.indexOf('\n', i);
                    i = newline < 0 ? text.length() : newline;
                    continue;
                }
                if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '{' || c == '[' || c == '(') {
                    depth++;
                } else if ((c == '}' || c == ']' || c == ')') && depth > 0) {
                    depth--;
                }
                if (!Character.isWhitespace(c)) {
                    last = c;
                }
            }
            return new Scan(quote != 0 || depth > 0, quote == 0 && last == ';');
        }

        /** Where the JSON value opened at {@code start} closes (after its last bracket), or the text's end. */
        static int closing(String text, int start) {
            int depth = 0;
            char quote = 0;
            for (int i = start; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quote != 0) {
                    if (c == '\\' && i + 1 < text.length()) {
                        i++;
                    } else if (c == quote) {
                        quote = 0;
                    }
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '{' || c == '[') {
                    depth++;
                } else if (c == '}' || c == ']') {
                    depth--;
                    if (depth == 0) {
                        return i + 1;
                    }
                }
            }
            return text.length();
        }
    }
}
