package dev.dynctl.output;

import static dev.dynctl.output.Rendering.json;
import static dev.dynctl.output.Rendering.lines;
import static dev.dynctl.output.Rendering.render;
import static dev.dynctl.output.Rendering.rows;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class TableRendererTest {
    private static String table(Style style, List<JsonNode> rows, List<String> leading) {
        return render(Format.TABLE, style, null, o -> o.rows(rows, leading));
    }

    @Test
    void keyColumnsComeFirstThenAttributesInFirstSeenOrder() {
        String out = table(Rendering.PLAIN, rows("[{'name':'Ann','sk':'a','pk':'u1'},{'age':31,'pk':'u2','sk':'b'}]"),
                List.of("pk", "sk"));

        assertThat(lines(out)).containsExactly(
                "pk  sk  name  age",
                "u1  a   Ann",
                "u2  b         31");
    }

    @Test
    void leadingColumnsMissingFromEveryRowAreNotShown() {
        String out = table(Rendering.PLAIN, rows("[{'name':'Ann'}]"), List.of("pk"));

        assertThat(lines(out)).containsExactly("name", "Ann");
    }

    @Test
    void nestedValuesAreCompact() {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", AttributeValue.fromS("u1"));
        item.put("tags", AttributeValue.fromSs(List.of("red", "green")));
        item.put("scores", AttributeValue.fromNs(List.of("1", "2.5")));
        item.put("photo", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[12])));
        item.put("address", AttributeValue.fromM(Map.of("city", AttributeValue.fromS("Oslo"))));
        item.put("list", AttributeValue.fromL(List.of(AttributeValue.fromN("1"), AttributeValue.fromS("a, b"),
                AttributeValue.fromNul(true))));

        String out = render(Format.TABLE, o -> o.items(List.of(item), List.of("pk")));

        assertThat(lines(out).get(1)).isEqualTo(
                "u1  {red, green}  {1, 2.5}  <binary 12 bytes>  {city: \"Oslo\"}  [1, \"a, b\", null]");
    }

    @Test
    void everyLineFitsTheWidthAndCutCellsEndInAnEllipsis() {
        List<JsonNode> rows = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            rows.add(json("{'pk':'user-" + i + "','description':'" + "long text ".repeat(20) + "','city':'"
                    + "Trondheim".repeat(i + 1) + "','n':" + i + "}"));
        }

        String out = table(new Style(false, 50), rows, List.of("pk"));

        assertThat(lines(out)).hasSize(6).allSatisfy(line -> assertThat(DisplayWidth.of(line)).isLessThanOrEqualTo(50));
        assertThat(lines(out).get(0)).startsWith("pk").contains("description", "city").endsWith("n");
        assertThat(lines(out).get(1)).matches("user-0  long text.*…  Trondheim +0");
        assertThat(out).doesNotContain("long text ".repeat(20).trim());
    }

    @Test
    void columnsThatCannotFitAreLeftOutWithAMarker() {
        StringBuilder row = new StringBuilder("{'pk':'k'");
        IntStream.range(0, 40).forEach(i -> row.append(",'attribute").append(i).append("':'value").append(i).append("'"));
        String out = table(new Style(false, 60), List.of(json(row + "}")), List.of("pk"));

        assertThat(lines(out)).hasSize(2).allSatisfy(line -> {
            assertThat(DisplayWidth.of(line)).isLessThanOrEqualTo(60);
            assertThat(line).endsWith("…");
        });
        assertThat(lines(out).get(0)).startsWith("pk  attrib");
    }

    @Test
    void wideCharactersKeepColumnsAligned() {
        String out = table(new Style(false, 30), rows("[{'name':'日本語のテキストです','x':1},{'name':'ab','x':2}]"), List.of());

        List<String> lines = lines(out);
        assertThat(lines).allSatisfy(line -> assertThat(DisplayWidth.of(line)).isLessThanOrEqualTo(30));
        // the x column starts at the same terminal column on every line
        assertThat(lines).extracting(line -> DisplayWidth.of(line.substring(0, line.lastIndexOf(' ') + 1)))
                .containsOnly(DisplayWidth.of(lines.get(0).substring(0, lines.get(0).lastIndexOf(' ') + 1)));
    }

    @Test
    void rowsAfterTheLookaheadKeepTheWidthsOfTheFirstRows() {
        List<JsonNode> rows = new ArrayList<>();
        IntStream.range(0, Columns.LOOKAHEAD).forEach(i -> rows.add(json("{'pk':'k" + i + "','v':'short'}")));
        rows.add(json("{'pk':'late','v':'a much longer value than any before','extra':'not shown'}"));

        List<String> lines = lines(table(Rendering.PLAIN, rows, List.of("pk")));

        assertThat(lines.get(0)).isEqualTo("pk    v");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("late  a mu…");
    }

    @Test
    void noColourUnlessTheStyleAllowsIt() {
        List<JsonNode> rows = rows("[{'pk':'u1','name':'Ann'}]");

        assertThat(table(new Style(false, 80), rows, List.of("pk"))).doesNotContain("\u001b");
        assertThat(table(new Style(true, 80), rows, List.of("pk"))).contains("\u001b[1mpk\u001b[0m");
        assertThat(render(Format.TABLE, new Style(true, 80), null, o -> o.document(rows.get(0))))
                .contains("\u001b[36mpk\u001b[0m");
        assertThat(render(Format.TABLE, new Style(false, 80), null, o -> o.document(rows.get(0))))
                .doesNotContain("\u001b");
    }

    @Test
    void controlCharactersInDataAreEscaped() {
        String out = table(Rendering.PLAIN, rows("[{'a\\nb':'red\\u001b[31m\\nnext'}]"), List.of());

        assertThat(lines(out)).containsExactly("a\\nb", "red\\u001b[31m\\nnext");
        assertThat(render(Format.TABLE, o -> o.document(json("{'a\\tb':'x\\ny'}")))).isEqualTo("a\\tb  x\\ny\n");
    }

    @Test
    void aDocumentIsAKeyValueTableWithLongValuesWrapped() {
        JsonNode document = json("{'TableName':'users','KeySchema':[{'AttributeName':'pk','KeyType':'HASH'}],"
                + "'TableArn':'arn:aws:dynamodb:us-east-1:123456789012:table/users','ItemCount':3}");

        List<String> lines = lines(render(Format.TABLE, new Style(false, 40), null, o -> o.document(document)));

        assertThat(lines).allSatisfy(line -> assertThat(DisplayWidth.of(line)).isLessThanOrEqualTo(40));
        assertThat(lines.get(0)).isEqualTo("TableName  users");
        assertThat(lines.get(1)).isEqualTo("KeySchema  [{AttributeName: \"pk\",");
        assertThat(lines.get(2)).isEqualTo("           KeyType: \"HASH\"}]");
        assertThat(lines.get(3)).startsWith("TableArn   arn:aws:dynamodb:");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("ItemCount  3");
        assertThat(String.join("", lines).replace(" ", "")).contains("table/users");
    }

    @Test
    void scalarsPrintPlainAndAListDocumentIsATable() {
        assertThat(render(Format.TABLE, o -> o.document(json("42")))).isEqualTo("42\n");
        assertThat(render(Format.TABLE, o -> o.document(json("'hello'")))).isEqualTo("hello\n");
        assertThat(render(Format.TABLE, o -> o.document(json("[{'a':1}]")))).isEqualTo("a\n1\n");
    }

    @Test
    void anEmptyListSaysSo() {
        assertThat(table(Rendering.PLAIN, List.of(), List.of("pk"))).isEqualTo("(none)\n");
        assertThat(render(Format.TABLE, o -> o.document(json("[]")))).isEqualTo("(none)\n");
    }
}
