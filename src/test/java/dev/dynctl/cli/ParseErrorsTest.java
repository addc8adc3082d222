package dev.dynctl.cli;

import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.testing.Cli.Result;
import org.junit.jupiter.api.Test;

/** Mistyped command lines: said in the user's words, with picocli's suggestions, coloured only where colour belongs. */
class ParseErrorsTest {
    private static final String ESC = "\u001b[";

    @Test
    void anUnknownCommandIsNamedWithWhatWasMeant() {
        Result r = cli().run("tabel", "list");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("Error: Unknown command 'tabel'.\n").contains("Did you mean", "table")
                .doesNotContain("Unmatched", "index");
    }

    @Test
    void anUnknownOptionIsNamedWithWhatWasMeant() {
        Result r = cli().run("table", "list", "--regoin", "eu-west-1");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("Error: Unknown option '--regoin'.\n").contains("--region")
                .doesNotContain("Unmatched");
    }

    @Test
    void anExtraArgumentIsUnexpected() {
        Result r = cli().run("completion", "bash", "zsh");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("Error: Unexpected argument 'zsh'.\n").contains("Try 'dynctl completion --help'");
    }

    @Test
    void parseErrorsAreColouredOnlyOnATerminalWithoutNoColor() {
        assertThat(cli().interactive(true).run("tabel").err()).contains(ESC);
        assertThat(cli().interactive(true).run("tabel", "--no-color").err()).doesNotContain(ESC);
        assertThat(cli().interactive(true).run("--no-color", "table", "list", "--regoin").err()).doesNotContain(ESC);
        assertThat(cli().interactive(true).env("NO_COLOR", "1").run("tabel").err()).doesNotContain(ESC);
        assertThat(cli().interactive(false).run("tabel").err()).doesNotContain(ESC);
    }

    @Test
    void boldEndsWithNormalIntensityNotDoubleUnderline() {
        // SGR 21 is "double underline" on today's terminals: the hint after the error came out underlined
        String parseError = cli().interactive(true).run("tabel").err();
        String runError = cli().interactive(true).run("table", "describe", "no-such-table", "--endpoint-url", "http://127.0.0.1:1",
                "--region", "us-east-1").err();
        String help = cli().interactive(true).run("table", "--help").out();
        for (String text : new String[] {parseError, runError, help}) {
            assertThat(text).doesNotContain(ESC + "21m");
        }
        assertThat(parseError).contains(ESC + "1m", ESC + "22m");
        assertThat(runError).startsWith(ESC + "31m" + ESC + "1mError: ").contains(ESC + "22m");
    }
}
