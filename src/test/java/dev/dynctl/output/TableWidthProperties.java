package dev.dynctl.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Whatever the data, no line of a table is wider than the terminal. */
class TableWidthProperties {
    @Property(tries = 300)
    void listLinesFitTheWidth(@ForAll("rows") @Size(min = 1, max = 8) List<Map<String, String>> rows,
                              @ForAll @IntRange(min = 20, max = 200) int width) {
        List<JsonNode> nodes = new ArrayList<>();
        for (Map<String, String> row : rows) {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            row.forEach(node::put);
            nodes.add(node);
        }
        for (String line : render(width, out -> out.list(nodes.iterator(), List.of("k0")))) {
            assertThat(DisplayWidth.of(line)).as(line).isLessThanOrEqualTo(width);
        }
    }

    @Property(tries = 200)
    void documentLinesFitTheWidth(@ForAll("row") Map<String, String> document,
                                  @ForAll @IntRange(min = 20, max = 200) int width) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        document.forEach(node::put);
        for (String line : render(width, out -> out.document(node))) {
            assertThat(DisplayWidth.of(line)).as(line).isLessThanOrEqualTo(width);
        }
    }

    @Provide
    Arbitrary<List<Map<String, String>>> rows() {
        return row().list();
    }

    @Provide
    Arbitrary<Map<String, String>> row() {
        Arbitrary<String> names = Arbitraries.strings().withChars("k0123456789_abc").ofMinLength(1).ofMaxLength(25);
        Arbitrary<String> values = Arbitraries.oneOf(
                Arbitraries.strings().alpha().numeric().withChars(" ,").ofMaxLength(80),
                Arbitraries.strings().withCharRange('\u4e00', '\u4e80').ofMaxLength(40),
                Arbitraries.strings().all().ofMaxLength(30));
        return Arbitraries.maps(names, values).ofMaxSize(30);
    }

    private static List<String> render(int width, java.util.function.Consumer<Renderer> use) {
        StringWriter text = new StringWriter();
        use.accept(new TableRenderer(new PrintWriter(text), new Style(false, width)));
        String out = text.toString();
        return out.isEmpty() ? List.of() : List.of(out.split("\n"));
    }
}
