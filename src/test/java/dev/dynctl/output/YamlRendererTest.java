package dev.dynctl.output;

import static dev.dynctl.output.Rendering.json;
import static dev.dynctl.output.Rendering.render;
import static dev.dynctl.output.Rendering.rows;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.codec.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlRendererTest {
    @Test
    void aDocumentIsYaml() {
        String out = render(Format.YAML, o -> o.document(json("{'TableName':'users','Keys':['pk','sk'],'Count':2.50}")));

        assertThat(out).isEqualTo("TableName: users\nKeys:\n- pk\n- sk\nCount: 2.50\n");
    }

    @Test
    void aListIsOneSequenceThatReadsBackAsTheRows() throws Exception {
        List<JsonNode> rows = rows("[{'pk':'u1','m':{'a':[1,'x']}},{'pk':'u2','tags':{'$set':['a','b']},'n':null}]");

        String out = render(Format.YAML, o -> o.rows(rows, List.of("pk")));

        assertThat(out).startsWith("- pk: u1\n  m:\n").contains("\n- pk: u2\n");
        assertThat(Json.YAML.readTree(out)).isEqualTo(Json.MAPPER.valueToTree(rows));
    }

    @Test
    void anEmptyListIsAnEmptySequence() {
        assertThat(render(Format.YAML, o -> o.rows(List.of(), List.of()))).isEqualTo("[]\n");
    }
}
