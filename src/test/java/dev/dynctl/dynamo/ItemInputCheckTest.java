package dev.dynctl.dynamo;

import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Input DynamoDB cannot take is refused before any request, with a message that says what is wrong and where. */
class ItemInputCheckTest {
    private static String table;

    @TempDir
    Path dir;

    @BeforeAll
    static void createTable() {
        table = Engine.uniqueName("input-check");
        Engine.dynamo().createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));
    }

    private static boolean stored(String id) {
        return Engine.dynamo().getItem(b -> b.tableName(table).key(Map.of("id", AttributeValue.fromS(id)))).hasItem();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e126", "-1e126", "1e-131", "123456789012345678901234567890123456789"})
    void numbersDynamoDbCannotStoreAreUsageErrors(String number) {
        Result r = cli().aws("item", "put", table, "{\"id\": \"n1\", \"n\": " + number + "}");

        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("Item 1 (argument line 1)", "The number ").doesNotContain("Exception");
        assertThat(stored("n1")).isFalse();
    }

    @Test
    void theLimitsThemselvesAreStored() {
        String largest = "9.9999999999999999999999999999999999999E+125";
        Result r = cli().aws("item", "put", table, "{\"id\": \"n2\", \"max\": " + largest + ", \"min\": -1E-130, "
                + "\"digits\": 12345678901234567890123456789012345678, \"zeros\": 1" + "0".repeat(60) + "}");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(stored("n2")).isTrue();
    }

    @Test
    void aLongNumberIsShownShortened() {
        String digits = "9".repeat(500);
        Result r = cli().aws("item", "put", table, "{\"id\": \"n3\", \"n\": " + digits + "}");

        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("The number " + "9".repeat(20) + "… has 500 significant digits; DynamoDB stores at most 38.")
                .doesNotContain("9".repeat(21));
    }

    @Test
    void dynamoJsonNumbersAreCheckedToo() {
        Result notANumber = cli().aws("item", "put", table, "{\"id\": {\"S\": \"n4\"}, \"n\": {\"N\": \"twelve\"}}");
        assertThat(notANumber.code()).as(notANumber.toString()).isEqualTo(2);
        assertThat(notANumber.err()).contains("'twelve' is not a number.");

        Result tooLarge = cli().aws("item", "put", table, "{\"id\": {\"S\": \"n4\"}, \"n\": {\"NS\": [\"1\", \"1E+200\"]}}");
        assertThat(tooLarge.code()).as(tooLarge.toString()).isEqualTo(2);
        assertThat(tooLarge.err()).contains("The number 1E+200 is out of DynamoDB's range");
        assertThat(stored("n4")).isFalse();
    }

    @Test
    void aKeyGivenTwiceIsAnErrorThatSaysWhere() throws Exception {
        Result argument = cli().aws("item", "put", table, "{\"id\": \"d1\", \"n\": 1, \"n\": 2}");
        assertThat(argument.code()).as(argument.toString()).isEqualTo(2);
        assertThat(argument.err()).contains("Malformed JSON in argument at line 1, column ", "Duplicate field 'n'");

        Path file = Files.writeString(dir.resolve("items.jsonl"), "{\"id\": \"d2\"}\n{\"id\": \"d3\",\n \"id\": \"d4\"}\n");
        Result lines = cli().aws("item", "put", table, "@" + file);
        assertThat(lines.code()).as(lines.toString()).isEqualTo(2);
        assertThat(lines.err()).contains("Malformed JSON in " + file + " at line 3, column ", "Duplicate field 'id'");

        Path yaml = Files.writeString(dir.resolve("item.yaml"), "id: d5\nname: a\nname: b\n");
        Result yamlResult = cli().aws("item", "put", table, "@" + yaml);
        assertThat(yamlResult.code()).as(yamlResult.toString()).isEqualTo(2);
        assertThat(yamlResult.err()).contains("Malformed YAML in " + yaml + " at line 3", "Duplicate field 'name'");

        assertThat(stored("d1") || stored("d3") || stored("d4") || stored("d5")).isFalse();
    }
}
