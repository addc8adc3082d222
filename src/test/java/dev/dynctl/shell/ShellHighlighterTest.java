package dev.dynctl.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.cli.Dynctl;
import java.util.List;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ShellHighlighterTest {
    private static final CommandLine TREE = new Dynctl().commandLine();

    @Test
    void partiqlKeywordsAreBoldAndColouredStringsAndNamesAreNot() {
        AttributedString shown = new ShellHighlighter(TREE, true).highlight(null, "SELECT name FROM users WHERE id = 'u1';");
        assertThat(shown.toString()).isEqualTo("SELECT name FROM users WHERE id = 'u1';");
        assertThat(styleAt(shown, "SELECT")).isEqualTo(ShellHighlighter.KEYWORD);
        assertThat(styleAt(shown, "WHERE")).isEqualTo(ShellHighlighter.KEYWORD);
        assertThat(styleAt(shown, "users")).isEqualTo(AttributedStyle.DEFAULT);
        assertThat(styleAt(shown, "'u1'")).isEqualTo(ShellHighlighter.STRING);
        assertThat(shown.toAnsi()).contains("\u001B[34;1mSELECT\u001B[0m");
    }

    @Test
    void lowerCaseStatementsAndFunctionsAreHighlightedToo() {
        AttributedString shown = new ShellHighlighter(TREE, true).highlight(null, "select * from t where begins_with(sk, 'a')");
        assertThat(styleAt(shown, "select")).isEqualTo(ShellHighlighter.KEYWORD);
        assertThat(styleAt(shown, "begins_with")).isEqualTo(ShellHighlighter.FUNCTION);
    }

    @Test
    void aCommandsNameIsBoldAndItsOptionsColoured() {
        AttributedString shown = new ShellHighlighter(TREE, true).highlight(null, "item get users --key id=u1");
        assertThat(styleAt(shown, "item")).isEqualTo(ShellHighlighter.COMMAND);
        assertThat(styleAt(shown, "get")).isEqualTo(ShellHighlighter.COMMAND);
        assertThat(styleAt(shown, "users")).isEqualTo(AttributedStyle.DEFAULT);
        assertThat(styleAt(shown, "--key")).isEqualTo(ShellHighlighter.OPTION);
        assertThat(styleAt(shown, "id=u1")).isEqualTo(AttributedStyle.DEFAULT);
    }

    @Test
    void withoutColoursTheLineIsPlain() {
        for (String line : List.of("SELECT * FROM users;", "item get users --key id=u1")) {
            assertThat(new ShellHighlighter(TREE, false).highlight(null, line).toAnsi()).isEqualTo(line);
        }
    }

    private static AttributedStyle styleAt(AttributedString shown, String word) {
        return shown.styleAt(shown.toString().indexOf(word));
    }
}
