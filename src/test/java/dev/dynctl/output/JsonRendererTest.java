package dev.dynctl.output;

import static dev.dynctl.output.Rendering.json;
import static dev.dynctl.output.Rendering.render;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonRendererTest {
    @Test
    void emptyArraysAndObjectsPrintAsAwsPrintsThem() {
        String out = render(Format.JSON, o -> o.document(json("{'tags':[],'attrs':{},'ids':[1]}")));

        assertThat(out).isEqualTo("""
                {
                  "tags": [],
                  "attrs": {},
                  "ids": [
                    1
                  ]
                }
                """);
    }

    @Test
    void anEmptyListIsAnEmptyArray() {
        assertThat(render(Format.JSON, o -> o.rows(List.of(), List.of("pk")))).isEqualTo("[]\n");
    }

    /** What each format prints for a list with nothing in it: only the person at a terminal is told. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"TABLE | (none)\\n", "JSON | []\\n", "DDB_JSON | []\\n", "YAML | []\\n",
        "JSONL | ''", "CSV | ''", "TEXT | ''"})
    void anEmptyListInEachFormat(Format format, String expected) {
        assertThat(render(format, o -> o.rows(List.of(), List.of("pk")))).isEqualTo(expected.replace("\\n", "\n"));
    }
}
