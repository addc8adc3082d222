package dev.dynctl.output;

import static dev.dynctl.output.Rendering.json;
import static dev.dynctl.output.Rendering.render;
import static dev.dynctl.output.Rendering.rows;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CsvRendererTest {
    private static String csv(List<JsonNode> rows, List<String> leading) {
        return render(Format.CSV, o -> o.rows(rows, leading));
    }

    @Test
    void headerHasTheKeysFirstThenTheOtherAttributes() {
        String out = csv(rows("[{'name':'Ann','pk':'u1'},{'pk':'u2','age':31}]"), List.of("pk"));

        assertThat(out).isEqualTo("pk,name,age\nu1,Ann,\nu2,,31\n");
    }

    @Test
    void quotesCommasQuotesAndLineBreaksOnly() {
        String out = csv(rows("[{'a':'x, y','b':'say \\'hi\\'','c':'two\\nlines','d':'plain text','e':'cr\\rhere'}]"),
                List.of());

        assertThat(out).isEqualTo("a,b,c,d,e\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\",plain text,\"cr\rhere\"\n");
    }

    @Test
    void cellsAreScalarsOrCompactJson() {
        String out = csv(rows("[{'pk':'u1','n':12.50,'ok':true,'no':false,'nothing':null,'tags':{'$set':['a','b']},"
                + "'bin':{'$binary':'QUJD'},'map':{'k':[1,'v']}}]"), List.of("pk"));

        assertThat(out).isEqualTo("pk,n,ok,no,nothing,tags,bin,map\n"
                + "u1,12.50,true,false,,\"{\"\"$set\"\":[\"\"a\"\",\"\"b\"\"]}\",\"{\"\"$binary\"\":\"\"QUJD\"\"}\","
                + "\"{\"\"k\"\":[1,\"\"v\"\"]}\"\n");
    }

    @Test
    void attributesFirstSeenAfterTheLookaheadAreLeftOut() {
        List<JsonNode> rows = new ArrayList<>();
        IntStream.range(0, Columns.LOOKAHEAD).forEach(i -> rows.add(json("{'pk':'k" + i + "'}")));
        rows.add(json("{'pk':'late','extra':'x'}"));

        String out = csv(rows, List.of("pk"));

        assertThat(out).startsWith("pk\nk0\n").endsWith("\nlate\n").doesNotContain("extra");
    }

    @Test
    void scalarRowsHaveNoHeader() {
        assertThat(render(Format.CSV, Rendering.PLAIN, "[].pk", o -> o.rows(rows("[{'pk':'a,b'},{'pk':'c'}]"), List.of("pk"))))
                .isEqualTo("\"a,b\"\nc\n");
        assertThat(render(Format.CSV, Rendering.PLAIN, "[].[pk, n]", o -> o.rows(rows("[{'pk':'a','n':1}]"), List.of())))
                .isEqualTo("a,1\n");
    }

    @Test
    void aDocumentIsOneRowUnderItsHeader() {
        assertThat(render(Format.CSV, o -> o.document(json("{'TableName':'users','ItemCount':3}"))))
                .isEqualTo("TableName,ItemCount\nusers,3\n");
        assertThat(render(Format.CSV, o -> o.document(json("7")))).isEqualTo("7\n");
    }

    @Test
    void anEmptyListPrintsNothing() {
        assertThat(csv(List.of(), List.of("pk"))).isEmpty();
    }
}
