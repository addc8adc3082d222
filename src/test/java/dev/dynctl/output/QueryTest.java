package dev.dynctl.output;

import static dev.dynctl.output.Rendering.lines;
import static dev.dynctl.output.Rendering.render;
import static dev.dynctl.output.Rendering.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** --query runs on the JSON the user would see, before any renderer turns it into text. */
class QueryTest {
    private static final List<JsonNode> PEOPLE = rows(
            "[{'id':'a','name':'Ann','age':25},{'id':'b','name':'Bob','age':41},{'id':'c','name':'Cy','age':33}]");

    private static String query(Format format, String query) {
        return render(format, Rendering.PLAIN, query, o -> o.rows(PEOPLE, List.of("id")));
    }

    @Test
    void projectionGivesOneValuePerLine() {
        assertThat(query(Format.TABLE, "[].id")).isEqualTo("a\nb\nc\n");
        assertThat(query(Format.JSONL, "[].id")).isEqualTo("\"a\"\n\"b\"\n\"c\"\n");
        assertThat(query(Format.JSON, "[].id")).isEqualToIgnoringWhitespace("[\"a\",\"b\",\"c\"]");
    }

    @Test
    void filterKeepsTheColumnsOfTheRowsLeft() {
        assertThat(lines(query(Format.TABLE, "[?age > `30`]"))).containsExactly(
                "id  name  age",
                "b   Bob   41",
                "c   Cy    33");
        assertThat(query(Format.CSV, "[?age > `30`].{id: id, age: age}")).isEqualTo("id,age\nb,41\nc,33\n");
    }

    @Test
    void aScalarResultPrintsAsADocument() {
        for (Format format : List.of(Format.TABLE, Format.TEXT, Format.JSON, Format.JSONL, Format.YAML, Format.CSV)) {
            assertThat(query(format, "length(@)")).as(format.label()).isEqualTo("3\n");
        }
    }

    @Test
    void queriesApplyToDocumentsToo() {
        String out = render(Format.TEXT, Rendering.PLAIN, "Table.[TableName, ItemCount]",
                o -> o.document(Rendering.json("{'Table':{'TableName':'users','ItemCount':7}}")));

        assertThat(out).isEqualTo("users\t7\n");
    }

    @Test
    void aBadQueryIsAUsageError() {
        assertThatThrownBy(() -> query(Format.JSON, "[?age >"))
                .isInstanceOf(DynctlException.class)
                .hasMessageContaining("Bad --query '[?age >'");
    }

    @Test
    void aFunctionGivenTheWrongKindOfValueIsAUsageError() {
        assertThatThrownBy(() -> query(Format.JSON, "abs(`\"x\"`)"))
                .isInstanceOfSatisfying(DynctlException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
                .hasMessageContaining("--query 'abs(`\"x\"`)' failed: ");
    }
}
