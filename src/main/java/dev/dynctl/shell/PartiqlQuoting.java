package dev.dynctl.shell;

import java.util.List;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

/**
 * The shell's parser, with one thing added for completion in a PartiQL statement: a name that
 * PartiQL only takes in double quotes (a table called my-table) is completed with them, where a
 * command line would escape its characters instead.
 */
final class PartiqlQuoting implements Parser {
    private final Parser parser;

    PartiqlQuoting(Parser parser) {
        this.parser = parser;
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        ParsedLine parsed = parser.parse(line, cursor, context);
        if (context == ParseContext.COMPLETE && parsed instanceof CompletingParsedLine completing && ShellSyntax.isPartiql(line)) {
            return new Quoted(completing);
        }
        return parsed;
    }

    /** A statement's words, completed as PartiQL writes names. */
    private record Quoted(CompletingParsedLine parsed) implements CompletingParsedLine {
        @Override
        public CharSequence escape(CharSequence candidate, boolean complete) {
            String raw = line().substring(cursor() - rawWordCursor(), cursor());
            if (raw.startsWith("\"") || !PartiqlWords.needsQuotes(candidate.toString())) {
                return parsed.escape(candidate, complete);
            }
            return "\"" + candidate + (complete ? "\"" : "");
        }

        @Override
        public int rawWordCursor() {
            return parsed.rawWordCursor();
        }

        @Override
        public int rawWordLength() {
            return parsed.rawWordLength();
        }

        @Override
        public String word() {
            return parsed.word();
        }

        @Override
        public int wordCursor() {
            return parsed.wordCursor();
        }

        @Override
        public int wordIndex() {
            return parsed.wordIndex();
        }

        @Override
        public List<String> words() {
            return parsed.words();
        }

        @Override
        public String line() {
            return parsed.line();
        }

        @Override
        public int cursor() {
            return parsed.cursor();
        }
    }
}
