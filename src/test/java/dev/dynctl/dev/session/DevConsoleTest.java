package dev.dynctl.dev.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A dev session's interleaved lines: functions after their names, lined up, coloured only on a terminal. */
class DevConsoleTest {
    private final StringWriter text = new StringWriter();

    @Test
    void functionLinesStartInOneColumnAfterTheirName() {
        DevConsole console = new DevConsole(new PrintWriter(text), false);
        console.expect(List.of("items", "io"));

        console.function("io", "START RequestId: 1");
        console.function("items", "saved milk");
        console.request("GET /items/42 200 12 ms items");
        console.note("items: code changed, reloaded");
        console.function("items", "REPORT RequestId: 2 Duration: 3.00 ms");

        assertThat(text.toString().lines()).containsExactly(
                "io    | START RequestId: 1",
                "items | saved milk",
                "GET /items/42 200 12 ms items",
                "items: code changed, reloaded",
                "items | REPORT RequestId: 2 Duration: 3.00 ms");
    }

    @Test
    void onATerminalEachFunctionHasAColourOfItsOwn() {
        DevConsole console = new DevConsole(new PrintWriter(text), true);
        console.expect(List.of("items", "users"));

        console.function("items", "a");
        console.function("users", "b");
        console.function("items", "c");
        console.note("Serving stage dev.");

        List<String> lines = text.toString().lines().toList();
        assertThat(lines.get(0)).isEqualTo("\u001b[36mitems |\u001b[0m a");
        assertThat(lines.get(1)).isEqualTo("\u001b[35musers |\u001b[0m b");
        assertThat(lines.get(2)).isEqualTo(lines.get(0).replace(" a", " c"));
        assertThat(lines.get(3)).as("notes are not coloured").isEqualTo("Serving stage dev.");
    }

    @Test
    void aFunctionNotNamedAtTheStartWidensTheColumn() {
        DevConsole console = new DevConsole(new PrintWriter(text), false);
        console.expect(List.of("a"));

        console.function("a", "1");
        console.function("longer", "2");
        console.function("a", "3");

        assertThat(text.toString().lines()).containsExactly("a | 1", "longer | 2", "a      | 3");
    }
}
