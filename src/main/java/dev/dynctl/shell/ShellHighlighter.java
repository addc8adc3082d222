package dev.dynctl.shell;

import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Colours what is typed: in a PartiQL statement its keywords, functions, strings and comments; in
 * a command the words that name it and its options. Nothing when colours are off (--no-color,
 * NO_COLOR).
 */
final class ShellHighlighter implements Highlighter {
    static final AttributedStyle KEYWORD = AttributedStyle.BOLD.foreground(AttributedStyle.BLUE);
    static final AttributedStyle FUNCTION = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
    static final AttributedStyle STRING = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
    static final AttributedStyle COMMENT = AttributedStyle.DEFAULT.faint();
    static final AttributedStyle COMMAND = AttributedStyle.BOLD;
    static final AttributedStyle OPTION = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
    /** The shell's own words, which are not in the command tree. */
    private final CommandLine tree;
    private final boolean color;

    ShellHighlighter(CommandLine tree, boolean color) {
        this.tree = tree;
        this.color = color;
    }

    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
        if (!color) {
            return new AttributedString(buffer);
        }
        return ShellSyntax.isPartiql(buffer) ? partiql(buffer) : command(buffer);
    }

    static AttributedString partiql(String text) {
        AttributedStringBuilder out = new AttributedStringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int end;
            AttributedStyle style = AttributedStyle.DEFAULT;
            if (c == '\'' || c == '"') {
                end = closingQuote(text, i);
                style = c == '\'' ? STRING : AttributedStyle.DEFAULT;
            } else if (c == '-' && text.startsWith("--", i)) {
                end = text.indexOf('\n', i) < 0 ? text.length() : text.indexOf('\n', i);
                style = COMMENT;
            } else if (Character.isLetter(c) || c == '_') {
                end = i;
                while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                    end++;
                }
                String word = text.substring(i, end);
                style = PartiqlWords.isFunction(word) && followedByParenthesis(text, end) ? FUNCTION
                        : PartiqlWords.isKeyword(word) ? KEYWORD : AttributedStyle.DEFAULT;
            } else {
                end = i + 1;
            }
            out.styled(style, text.substring(i, end));
            i = end;
        }
        return out.toAttributedString();
    }

    /** Where the quoted part opened at {@code start} ends (after its closing quote; a doubled quote is part of it). */
    private static int closingQuote(String text, int start) {
        char quote = text.charAt(start);
        int i = start + 1;
        while (i < text.length()) {
            if (text.charAt(i) == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return text.length();
    }

    private static boolean followedByParenthesis(String text, int end) {
        int i = end;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i < text.length() && text.charAt(i) == '(';
    }

    /** The command's words in bold (while they name subcommands), its options in colour. */
    private AttributedString command(String text) {
        AttributedStringBuilder out = new AttributedStringBuilder();
        CommandLine current = tree;
        boolean naming = true;
        boolean value = false;
        int i = 0;
        while (i < text.length()) {
            int end = i;
            while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                end++;
            }
            if (end == i) {
                out.append(text.charAt(i));
                i++;
                continue;
            }
            String word = text.substring(i, end);
            AttributedStyle style = AttributedStyle.DEFAULT;
            if (value) {
                value = false;
            } else if (word.startsWith("-") && word.length() > 1) {
                OptionSpec option = current.getCommandSpec().findOption(word.split("=", 2)[0]);
                style = option == null ? AttributedStyle.DEFAULT : OPTION;
                value = option != null && !word.contains("=") && CommandSpot.takesValue(option);
            } else if (naming && current.getSubcommands().containsKey(word)) {
                current = current.getSubcommands().get(word);
                style = COMMAND;
            } else if (naming && current == tree && ShellHelp.isShellWord(word)) {
                style = COMMAND;
                naming = false;
            } else {
                naming = false;
            }
            out.styled(style, word);
            i = end;
        }
        return out.toAttributedString();
    }
}
