package dev.dynctl.item;

import static dev.dynctl.item.ItemTables.item;
import static dev.dynctl.item.ItemTables.n;
import static dev.dynctl.item.ItemTables.s;
import static dev.dynctl.item.ItemTables.scanAll;
import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.testing.Cli.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * YAML input never changes data: a bare word is a number, boolean or null only when JSON would
 * read it so, and YAML 1.1's octal, hex, underscores, yes/no/on/off, ~, .inf and dates stay strings.
 */
class ItemYamlInputTest {
    private static final String TABLE = ItemTables.hashTable("yaml");

    @TempDir
    Path dir;

    private static AttributeValue putAndRead(String yamlValue) {
        String id = "v" + Math.abs(yamlValue.hashCode());
        Result r = cli().aws("item", "put", TABLE, "id: " + id + "\nv: " + yamlValue);
        assertThat(r.code()).as(r.toString()).isZero();
        return item(TABLE, Map.of("id", s(id))).get("v");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0123", "0x1F", "1_000", "yes", "no", "on", "off", "y", "n", "Y", "NO", "~", ".inf", "-.inf", ".nan",
        "2024-01-01", "2024-01-01T10:00:00Z", "True", "FALSE", "Null", "NULL", "+1", "1.", ".5", "0b101", "0o17", "12:30", "1e", "01.5"})
    void plainScalarsThatAreNotJsonStayStrings(String text) {
        assertThat(putAndRead(text)).isEqualTo(s(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0|0", "12|12", "-7|-7", "1.50|1.50", "-0.001|-0.001", "1e3|1000", "2.5E-2|0.025",
        "12345678901234567890123456789012345678|12345678901234567890123456789012345678"})
    void plainScalarsThatAreJsonNumbersAreNumbers(String text, String number) {
        assertThat(putAndRead(text)).isEqualTo(n(number));
    }

    @Test
    void onlyTheJsonWordsAreBooleansAndNull() {
        assertThat(putAndRead("true")).isEqualTo(AttributeValue.fromBool(true));
        assertThat(putAndRead("false")).isEqualTo(AttributeValue.fromBool(false));
        assertThat(putAndRead("null")).isEqualTo(AttributeValue.fromNul(true));
        assertThat(putAndRead("")).isEqualTo(AttributeValue.fromNul(true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"'0123'", "\"0x1F\"", "'yes'", "\"~\"", "'12'", "\"1.5\"", "'true'", "\"null\"", "''", "!!str 42"})
    void quotedAndStrTaggedScalarsAreAlwaysStrings(String yaml) {
        String text = yaml.startsWith("!!str ") ? yaml.substring(6) : yaml.substring(1, yaml.length() - 1);
        assertThat(putAndRead(yaml)).isEqualTo(s(text));
    }

    @Test
    void nestedValuesFollowTheSameRulesAndBinaryTagsAreBinary() throws Exception {
        Path file = Files.writeString(dir.resolve("users.yml"), """
                - id: "007"
                  zip: 01234
                  country: no
                  scores: [1, 0x10, yes]
                  address: {city: Oslo, floor: 3, code: 0o7}
                  photo: !!binary aGk=
                - id: 8
                """.replace("- id: 8", "- id: '8'"));
        Result r = cli().aws("item", "put", TABLE, "@" + file);
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(item(TABLE, Map.of("id", s("007")))).isEqualTo(Map.of(
                "id", s("007"),
                "zip", s("01234"),
                "country", s("no"),
                "scores", AttributeValue.fromL(List.of(n("1"), s("0x10"), s("yes"))),
                "address", AttributeValue.fromM(Map.of("city", s("Oslo"), "floor", n("3"), "code", s("0o7"))),
                "photo", AttributeValue.fromB(SdkBytes.fromUtf8String("hi"))));
        assertThat(item(TABLE, Map.of("id", s("8")))).isNotNull();
    }

    @Test
    void aliasesAreRefusedRatherThanReadAsTheAnchorName() {
        String table = ItemTables.hashTable("yaml-alias");
        Result r = cli().aws("item", "put", table, "id: a\nbase: &b {x: 1}\ncopy: *b");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Malformed YAML in argument at line 3", "aliases (*b) are not supported");
        assertThat(scanAll(table)).isEmpty();
    }
}
