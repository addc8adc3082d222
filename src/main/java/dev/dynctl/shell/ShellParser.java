package dev.dynctl.shell;

import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.impl.DefaultParser;

/**
 * Tells JLine when Enter ends a statement: a PartiQL statement goes on to its ';', a command while
 * a quote or bracket is open or the line ends in a backslash. Words for completion are JLine's.
 */
final class ShellParser implements Parser {
    private final DefaultParser words = new DefaultParser();

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && !ShellSyntax.isComplete(line)) {
            throw new EOFError(-1, -1, "The statement goes on.", ShellSyntax.isPartiql(line) ? ";" : "");
        }
        return words.parse(line, cursor, context);
    }
}
