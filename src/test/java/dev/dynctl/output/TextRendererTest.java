package dev.dynctl.output;

import static dev.dynctl.output.Rendering.json;
import static dev.dynctl.output.Rendering.render;
import static dev.dynctl.output.Rendering.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextRendererTest {
    @Test
    void oneTabSeparatedLinePerRowInTheTablesColumnOrder() {
        String out = render(Format.TEXT, o -> o.rows(rows("[{'name':'Ann','pk':'u1'},{'pk':'u2','age':31}]"),
                List.of("pk")));

        assertThat(out).isEqualTo("u1\tAnn\t\nu2\t\t31\n");
    }

    @Test
    void nullIsNoneNestedValuesAreCompactJsonAndTabsAndNewlinesAreEscaped() {
        String out = render(Format.TEXT, o -> o.rows(rows("[{'pk':'u1','n':null,'ok':true,'amount':1.50,"
                + "'tags':{'$set':['a']},'m':{'k':'v'},'note':'a\\tb\\nc'}]"), List.of("pk")));

        assertThat(out).isEqualTo("u1\tNone\ttrue\t1.50\t{\"$set\":[\"a\"]}\t{\"k\":\"v\"}\ta\\tb\\nc\n");
    }

    @Test
    void aDocumentPrintsItsValuesOnOneLine() {
        assertThat(render(Format.TEXT, o -> o.document(json("{'TableName':'users','ItemCount':3,'Keys':['pk']}"))))
                .isEqualTo("users\t3\t[\"pk\"]\n");
        assertThat(render(Format.TEXT, o -> o.document(json("'ACTIVE'")))).isEqualTo("ACTIVE\n");
        assertThat(render(Format.TEXT, o -> o.document(json("['t1','t2']")))).isEqualTo("t1\tt2\n");
        assertThat(render(Format.TEXT, o -> o.document(json("[{'a':1},{'a':2}]")))).isEqualTo("1\n2\n");
    }

    @Test
    void queryResultsPrintAsAwsTextWould() {
        String rows = "[{'pk':'a','n':1},{'pk':'b'}]";
        assertThat(render(Format.TEXT, Rendering.PLAIN, "[].pk", o -> o.rows(rows(rows), List.of()))).isEqualTo("a\nb\n");
        assertThat(render(Format.TEXT, Rendering.PLAIN, "[].[pk, n]", o -> o.rows(rows(rows), List.of())))
                .isEqualTo("a\t1\nb\tNone\n");
    }

    @Test
    void anEmptyListPrintsNothing() {
        assertThat(render(Format.TEXT, o -> o.rows(List.of(), List.of("pk")))).isEmpty();
    }
}
