package dev.dynctl.shell;

import java.util.List;
import java.util.Set;

/**
 * The shell's {@code --all}: a statement that prints results streams them without the pager's
 * pauses. The shell takes the word out before the command sees it; statements that print no
 * results keep it, so that they refuse it as the unknown option it is for them. It is taken out
 * in every mode (a script's statements, which never pause, and explain's accept it too).
 */
final class AllOption {
    static final String NAME = "--all";

    /** Commands that print results, by their first word, or their first two. */
    private static final Set<String> RESULTS = Set.of("sql", "get", "query", "scan", "tables", "describe",
            "item get", "item query", "item scan", "item batch-get", "table list", "table describe",
            "backup list", "backup describe", "schema show");

    /** A statement as typed without the shell's --all, and whether it was there. */
    record Statement(String text, boolean all) {
    }

    private AllOption() {
    }

    static Statement strip(String typed) {
        if (!printsResults(typed)) {
            return new Statement(typed, false);
        }
        StringBuilder kept = new StringBuilder(typed.length());
        boolean all = false;
        char quote = 0;
        int depth = 0;
        int i = 0;
        while (i < typed.length()) {
            char c = typed.charAt(i);
            boolean wordStarts = i == 0 || Character.isWhitespace(typed.charAt(i - 1));
            if (quote == 0 && depth == 0 && wordStarts && isAllAt(typed, i)) {
                all = true;
                i += NAME.length();
                continue;
            }
            kept.append(c);
            if (quote != 0) {
                if (c == '\\' && quote == '"' && i + 1 < typed.length()) {
                    kept.append(typed.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '{' || c == '[' || c == '(') {
                depth++;
            } else if ((c == '}' || c == ']' || c == ')') && depth > 0) {
                depth--;
            }
            i++;
        }
        return new Statement(all ? kept.toString() : typed, all);
    }

    private static boolean isAllAt(String text, int at) {
        int end = at + NAME.length();
        return text.startsWith(NAME, at) && (end == text.length() || Character.isWhitespace(text.charAt(end)));
    }

    private static boolean printsResults(String typed) {
        Explain.Request explained = Explain.parse(typed);
        if (explained != null) {
            return printsResults(explained.statement());
        }
        if (ShellSyntax.isPartiql(typed)) {
            return true;
        }
        List<String> words = ShellSyntax.words(typed);
        if (words.isEmpty()) {
            return false;
        }
        return RESULTS.contains(words.get(0)) || words.size() > 1 && RESULTS.contains(words.get(0) + " " + words.get(1));
    }
}
