package dev.dynctl.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynctl.dynamo.ItemPlaceholders;
import dev.dynctl.dynamo.expression.Condition;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ConditionParserTest {
    /** A condition compiled: the expression, its names and its values. */
    record Compiled(String expression, Map<String, String> names, Map<String, AttributeValue> values) {
    }

    static Compiled compile(String text) {
        ItemPlaceholders placeholders = new ItemPlaceholders();
        String expression = Condition.parse(text, "--if").compile(placeholders);
        return new Compiled(expression, placeholders.names(), placeholders.values() == null ? Map.of() : placeholders.values());
    }

    static DynctlException error(String text) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> Condition.parse(text, "--filter"));
        assertThat(thrown).isInstanceOf(DynctlException.class);
        DynctlException e = (DynctlException) thrown;
        assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
        return e;
    }

    /** The column the caret stands under, counted from 1 as the message does. */
    static int caretColumn(DynctlException e) {
        List<String> lines = e.getMessage().lines().toList();
        assertThat(lines).hasSize(3);
        return lines.get(2).indexOf('^') - 2 + 1;
    }

    static AttributeValue s(String s) {
        return AttributeValue.fromS(s);
    }

    static AttributeValue n(String n) {
        return AttributeValue.fromN(n);
    }

    @Test
    void everyNameAndValueIsAPlaceholderSoReservedWordsJustWork() {
        Compiled c = compile("status = 'active' AND name <> \"x\" AND data.size > 3 AND size(items) >= 1");
        assertThat(c.expression()).isEqualTo("#n0 = :v0 AND #n1 <> :v1 AND #n2.#n3 > :v2 AND size(#n4) >= :v3");
        assertThat(c.names()).containsExactly(Map.entry("#n0", "status"), Map.entry("#n1", "name"), Map.entry("#n2", "data"),
                Map.entry("#n3", "size"), Map.entry("#n4", "items"));
        assertThat(c.values()).containsExactly(Map.entry(":v0", s("active")), Map.entry(":v1", s("x")),
                Map.entry(":v2", n("3")), Map.entry(":v3", n("1")));
    }

    @Test
    void notBindsTighterThanAndWhichBindsTighterThanOr() {
        assertThat(Condition.parse("a = 1 OR b = 2 AND c = 3", "t")).isEqualTo(Condition.parse("a = 1 OR (b = 2 AND c = 3)", "t"))
                .isNotEqualTo(Condition.parse("(a = 1 OR b = 2) AND c = 3", "t"));
        assertThat(Condition.parse("NOT a = 1 AND b = 2", "t")).isEqualTo(Condition.parse("(NOT a = 1) AND b = 2", "t"))
                .isNotEqualTo(Condition.parse("NOT (a = 1 AND b = 2)", "t"));
        assertThat(Condition.parse("a = 1 AND b = 2 AND c = 3", "t")).isEqualTo(Condition.parse("a = 1 AND (b = 2 AND c = 3)", "t"));
        // BETWEEN takes its own AND first
        assertThat(Condition.parse("a BETWEEN 1 AND 2 AND b = 3", "t")).isEqualTo(Condition.parse("(a BETWEEN 1 AND 2) AND b = 3", "t"));
    }

    @Test
    void compiledWithTheParenthesesPrecedenceNeedsAndNoMore() {
        assertThat(compile("((a = 1 OR b = 2)) AND (c = 3)").expression()).isEqualTo("(#n0 = :v0 OR #n1 = :v1) AND #n2 = :v2");
        assertThat(compile("a = 1 OR (b = 2 AND c = 3)").expression()).isEqualTo("#n0 = :v0 OR #n1 = :v1 AND #n2 = :v2");
        assertThat(compile("NOT (a = 1 OR b = 2)").expression()).isEqualTo("NOT (#n0 = :v0 OR #n1 = :v1)");
        // DynamoDB reads NOT NOT a, but moto does not: the inner NOT is parenthesized
        assertThat(compile("NOT NOT a = 1").expression()).isEqualTo("NOT (NOT #n0 = :v0)");
    }

    @Test
    void keywordsAndFunctionNamesInAnyCaseComparatorSpellings() {
        assertThat(Condition.parse("a == 1 and b != 2 or not c between 1 And 2 Or d in (1)", "t"))
                .isEqualTo(Condition.parse("a = 1 AND b <> 2 OR NOT c BETWEEN 1 AND 2 OR d IN (1)", "t"));
        assertThat(compile("ATTRIBUTE_EXISTS(a) AND Begins_With(b, 'x')").expression())
                .isEqualTo("attribute_exists(#n0) AND begins_with(#n1, :v0)");
        assertThat(compile("a<=1 AND b>=2 AND c<3 AND d>4").expression()).isEqualTo("#n0 <= :v0 AND #n1 >= :v1 AND #n2 < :v2 AND #n3 > :v3");
    }

    @Test
    void everyFunction() {
        Compiled c = compile("attribute_exists(a) AND attribute_not_exists(b.c) AND attribute_type(d, 'N') "
                + "AND begins_with(e, 'pre') AND contains(f, 3) AND contains(g, h) AND size(i[2]) BETWEEN 1 AND 5");
        assertThat(c.expression()).isEqualTo("attribute_exists(#n0) AND attribute_not_exists(#n1.#n2) AND attribute_type(#n3, :v0) "
                + "AND begins_with(#n4, :v1) AND contains(#n5, :v2) AND contains(#n6, #n7) AND size(#n8[2]) BETWEEN :v3 AND :v4");
        assertThat(c.values().values()).containsExactly(s("N"), s("pre"), n("3"), n("1"), n("5"));
    }

    @Test
    void attributeTypeTakesDynamoCodesAndFriendlyNames() {
        Map<String, String> types = new LinkedHashMap<>();
        types.put("string", "S");
        types.put("'S'", "S");
        types.put("number", "N");
        types.put("binary", "B");
        types.put("boolean", "BOOL");
        types.put("bool", "BOOL");
        types.put("null", "NULL");
        types.put("list", "L");
        types.put("\"map\"", "M");
        types.put("string_set", "SS");
        types.put("NUMBER_SET", "NS");
        types.put("binary_set", "BS");
        types.put("ss", "SS");
        types.forEach((typed, code) -> assertThat(compile("attribute_type(a, " + typed + ")").values().get(":v0"))
                .as(typed).isEqualTo(s(code)));
        DynctlException e = error("attribute_type(a, text)");
        assertThat(e.getMessage()).contains("expected a type, found 'text'");
        assertThat(e.hint()).contains("S, N, B, BOOL", "string_set");
    }

    @Test
    void pathsReachIntoMapsAndListsAndBackticksTakeAnyName() {
        Compiled c = compile("a.b[0].c[12] = 1 AND `my attr`.`x.y` = 2 AND `and` = 3 AND `weird\\`name` = 4 AND a.and = 5");
        assertThat(c.expression()).isEqualTo("#n0.#n1[0].#n2[12] = :v0 AND #n3.#n4 = :v1 AND #n5 = :v2 AND #n6 = :v3 AND #n0.#n5 = :v4");
        assertThat(c.names().values()).containsExactly("a", "b", "c", "my attr", "x.y", "and", "weird`name");
        // size is a name unless it is called
        assertThat(compile("size = 1 AND size(size) = 2").expression()).isEqualTo("#n0 = :v0 AND size(#n0) = :v1");
    }

    @Test
    void literals() {
        Compiled c = compile("a = 'it\\'s' AND b = \"say \\\"hi\\\"\\n\" AND c = '\\u00e9t\u00e9' AND d = 0.10 AND e = -3.5e2 "
                + "AND f = true AND g = FALSE AND h = null AND i = '' AND j = 12345678901234567890123456789012345678");
        assertThat(c.values().values()).containsExactly(s("it's"), s("say \"hi\"\n"), s("été"), n("0.10"), n("-350"),
                AttributeValue.fromBool(true), AttributeValue.fromBool(false), AttributeValue.fromNul(true), s(""),
                n("12345678901234567890123456789012345678"));
    }

    @Test
    void jsonListsAndMapsInEitherQuoteStyleWithTags() {
        Compiled c = compile("a = [1, 'x', \"y\", [true, null], {k: 'v'}] AND b = {'city': \"Paris\", \"zip\": 75001} "
                + "AND c = {\"$set\": ['a', 'b']} AND d = {\"$binary\": \"AAE=\"} AND e = [] AND f = {}");
        assertThat(c.values().values()).containsExactly(
                AttributeValue.fromL(List.of(n("1"), s("x"), s("y"), AttributeValue.fromL(List.of(AttributeValue.fromBool(true),
                        AttributeValue.fromNul(true))), AttributeValue.fromM(Map.of("k", s("v"))))),
                AttributeValue.fromM(Map.of("city", s("Paris"), "zip", n("75001"))),
                AttributeValue.fromSs(List.of("a", "b")),
                AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, 1})),
                AttributeValue.fromL(List.of()),
                AttributeValue.fromM(Map.of()));
    }

    @Test
    void syntaxErrorsNameTheSourceAndPointAtTheColumn() {
        DynctlException e = error("status = ");
        assertThat(e.getMessage()).startsWith("--filter: expected a value or an attribute, found the end of the text (column 10):")
                .contains("\n  status = \n");
        assertThat(caretColumn(e)).isEqualTo(10);

        e = error("a = 1 AND b = 'open");
        assertThat(e.getMessage()).contains("this string has no closing '");
        assertThat(caretColumn(e)).isEqualTo(15);

        e = error("a = 1 b = 2");
        assertThat(e.getMessage()).contains("unexpected 'b' after a complete condition");
        assertThat(caretColumn(e)).isEqualTo(7);

        e = error("(a = 1 OR b = 2");
        assertThat(e.getMessage()).contains("expected ')' to close the '(' of column 1, found the end of the text");
        assertThat(caretColumn(e)).isEqualTo(16);

        e = error("tags [0] = 1");
        assertThat(caretColumn(e)).isEqualTo(6);

        e = error("é = 'ü' AND x ! 3");
        assertThat(e.getMessage()).contains("unexpected '!'");
        assertThat(caretColumn(e)).isEqualTo(15);
        assertThat(e.hint()).contains("<>");
    }

    @Test
    void errorsTeachTheGrammar() {
        assertThat(error("a").hint()).isEqualTo("To test that the attribute is there, write attribute_exists(a).");
        assertThat(error("a = :v").hint()).contains("Write values inline");
        assertThat(error("#a = 1").hint()).contains("placeholders itself");
        assertThat(error("first-name = 'x'").hint()).contains("backticks");
        assertThat(error("1st = 2").hint()).contains("`1st`");
        assertThat(error("and = 1").hint()).contains("`and`");
        assertThat(error("a IN [1, 2]").getMessage()).contains("expected '(' after IN");
        assertThat(error("a = [1, active]").hint()).contains("Strings go in quotes");
        assertThat(error("foo(a)").getMessage()).contains("there is no function foo(...)");
        assertThat(error("a = attribute_exists(b)").getMessage()).contains("attribute_exists(...) is a condition, not a value");
        assertThat(error("a BETWEEN 1 OR 2").getMessage()).contains("expected AND in BETWEEN low AND high");
        assertThat(error("a = 1 AND").getMessage()).contains("expected a condition after AND");
        assertThat(error("").getMessage()).contains("expected a condition, found the end of the text");
        assertThat(error("a = {'k': 1, 'k': 2}").getMessage()).contains("the key 'k' appears twice");
        assertThat(error("a = '\\q'").getMessage()).contains("unknown escape \\q");
        assertThat(error("a = {\"$set\": []}").hint()).contains("DynamoDB has no empty sets");
        assertThat(error("a = 123456789012345678901234567890123456789").getMessage()).contains("has 39 significant digits");
        assertThat(error("a = 1e999999999999").getMessage()).contains("out of DynamoDB's range");
        assertThat(error("a = 1E200").getMessage()).contains("out of DynamoDB's range");
    }

    @Test
    void deepNestingIsRefusedAndLongChainsCompile() {
        assertThat(error("(".repeat(10_000) + "a = 1" + ")".repeat(10_000)).getMessage()).contains("nested more than 64 levels deep");
        assertThat(error("NOT ".repeat(10_000) + "a = 1").getMessage()).contains("nested more than 64 levels deep");
        assertThat(error("a = " + "[".repeat(10_000)).getMessage()).contains("nested more than 64 levels deep");
        String chain = String.join(" AND ", java.util.Collections.nCopies(20_000, "a = 1"));
        assertThat(compile(chain).values()).hasSize(20_000);
    }

    @Test
    void aLongTextIsShownAroundTheColumn() {
        String text = "a = 1 AND ".repeat(30) + "b = ?" + " AND c = 2".repeat(30);
        DynctlException e = error(text);
        String shown = e.getMessage().lines().toList().get(1);
        assertThat(shown).startsWith("  …").endsWith("…").contains("b = ?");
        assertThat(shown.length()).isLessThanOrEqualTo(2 + 74);
        assertThat(shown.charAt(e.getMessage().lines().toList().get(2).indexOf('^'))).isEqualTo('?');
    }

    @Test
    void aBareWordOnTheRightIsAnAttributeAndTheHintSaysSo() {
        assertThat(compile("status = active").expression()).isEqualTo("#n0 = #n1");
        assertThat(Condition.parse("status = active", "t").quotingHint()).contains(
                "In status = active, active is an attribute name (a bare word always is); for the string, quote it: 'active'.");
        assertThat(Condition.parse("kind IN ('a', b)", "t").quotingHint().orElseThrow()).contains("quote it: 'b'");
        assertThat(Condition.parse("status = 'active' AND a.b = c.d", "t").quotingHint()).isEmpty();
    }

    @Test
    void conditionsBuiltInCodeCompileAndReadBack() {
        Condition built = Condition.and(Condition.exists("id"), Condition.and(Condition.notExists("lock.owner"),
                Condition.equalTo("version", n("3"))));
        assertThat(built.text()).isEqualTo("attribute_exists(id) AND attribute_not_exists(lock.owner) AND version = 3");
        assertThat(Condition.parse(built.text(), "t")).isEqualTo(built);
        ItemPlaceholders shared = new ItemPlaceholders();
        shared.name("version");
        assertThat(built.compile(shared)).isEqualTo("attribute_exists(#n1) AND attribute_not_exists(#n2.#n3) AND #n0 = :v0");
        assertThat(Condition.equalTo("my-attr", s("it's")).text()).isEqualTo("`my-attr` = 'it\\'s'");
        assertThat(Condition.parse("  a = 1 ", "t").text()).isEqualTo("a = 1");
    }
}
