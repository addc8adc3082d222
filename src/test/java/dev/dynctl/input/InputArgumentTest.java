package dev.dynctl.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputArgumentTest {
    private static final String HINT = "Give text, @FILE or -.";

    @TempDir
    Path dir;

    @Test
    void textAFileOrStdinEachWithWhereItCameFrom() throws IOException {
        InputArgument text = InputArgument.read("{\"a\": 1}", "--data", null, HINT);
        assertThat(text.label()).isEqualTo("--data");
        assertThat(text.bytes()).asString().isEqualTo("{\"a\": 1}");

        byte[] binary = {0, (byte) 0xff, 10, 13};
        Path file = Files.write(dir.resolve("body.bin"), binary);
        InputArgument fromFile = InputArgument.read("@" + file, "--data", null, HINT);
        assertThat(fromFile.label()).isEqualTo("@" + file);
        assertThat(fromFile.bytes()).isEqualTo(binary);

        InputArgument stdin = InputArgument.read("-", "--data", () -> new ByteArrayInputStream(binary), HINT);
        assertThat(stdin.label()).isEqualTo("stdin");
        assertThat(stdin.bytes()).isEqualTo(binary);

        assertThat(InputArgument.read("@", "--data", null, HINT).bytes()).asString().isEqualTo("@");
    }

    @Test
    void aMissingFileOrADirectoryIsBadInputWithTheHint() {
        assertThatThrownBy(() -> InputArgument.read("@" + dir.resolve("nowhere.json"), "--data", null, HINT))
                .isInstanceOfSatisfying(DynctlException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.getMessage()).isEqualTo("Cannot read @" + dir.resolve("nowhere.json") + ": no such file.");
                    assertThat(e.hint()).isEqualTo(HINT);
                });
        assertThatThrownBy(() -> InputArgument.read("@" + dir, "--data", null, HINT))
                .hasMessage("Cannot read @" + dir + ": it is a directory.");
    }
}
