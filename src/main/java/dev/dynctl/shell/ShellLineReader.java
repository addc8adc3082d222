package dev.dynctl.shell;

import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Terminal;

/** The JLine reader of the interactive shell: how statements are read, completed and remembered. */
final class ShellLineReader {
    private ShellLineReader() {
    }

    static LineReader build(Terminal terminal) {
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("dynctl")
                .parser(new ShellParser())
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, "%P.> ")
                .build();
        return reader;
    }
}
