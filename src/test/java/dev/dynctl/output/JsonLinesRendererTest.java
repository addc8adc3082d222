package dev.dynctl.output;

import static dev.dynctl.output.Rendering.json;
import static dev.dynctl.output.Rendering.render;
import static dev.dynctl.output.Rendering.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLinesRendererTest {
    @Test
    void oneCompactObjectPerLineWithExactNumbers() {
        String out = render(Format.JSONL, o -> o.rows(rows(
                "[{'pk':'u1','n':12345678901234567890123456789012345678,'d':0.10},{'pk':'u2','tags':{'$set':['a']}}]"),
                List.of("pk")));

        assertThat(out).isEqualTo("{\"pk\":\"u1\",\"n\":12345678901234567890123456789012345678,\"d\":0.10}\n"
                + "{\"pk\":\"u2\",\"tags\":{\"$set\":[\"a\"]}}\n");
    }

    @Test
    void aDocumentIsOneLine() {
        assertThat(render(Format.JSONL, o -> o.document(json("{'a':{'b':[1,2]}}")))).isEqualTo("{\"a\":{\"b\":[1,2]}}\n");
        assertThat(render(Format.JSONL, o -> o.document(json("'x'")))).isEqualTo("\"x\"\n");
    }

    @Test
    void anEmptyListPrintsNothing() {
        assertThat(render(Format.JSONL, o -> o.rows(List.of(), List.of()))).isEmpty();
    }
}
