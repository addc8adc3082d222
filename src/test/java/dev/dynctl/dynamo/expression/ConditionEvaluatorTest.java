package dev.dynctl.dynamo.expression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.codec.AttributeCodec;
import dev.dynctl.codec.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The grammar decided in memory, with DynamoDB's rules for types, missing paths and ordering. */
class ConditionEvaluatorTest {
    private static final Map<String, AttributeValue> ITEM = item("""
            {"id": "u1", "name": "Ada", "age": 36, "score": 9.50, "active": true, "nick": null,
             "tags": {"$set": ["a", "b"]}, "lucky": {"$set": [7, 13]}, "blob": {"$binary": "AAEC"},
             "address": {"city": "Paris", "zip": "75001", "lines": ["1 rue", "2e"]},
             "orders": [{"sku": "KB-1", "qty": 2}, {"sku": "MS-9", "qty": 1}], "word": "née"}""");

    private static Map<String, AttributeValue> item(String json) {
        try {
            return AttributeCodec.fromJson(Json.MAPPER.readTree(json));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean matches(String condition) {
        return Condition.parse(condition, "--filter").matches(ITEM);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "id = 'u1'", "age = 36", "age = 36.0", "score = 9.5", "active = true", "nick = null", "age <> 37", "age != 37",
        "age > 35", "age >= 36", "age < 37", "age <= 36", "name > 'Ab'", "name < 'Adb'",
        "age BETWEEN 30 AND 40", "age BETWEEN 36 AND 36", "name BETWEEN 'A' AND 'B'",
        "name IN ('Eve', 'Ada')", "age IN (1, 36)",
        "address.city = 'Paris'", "address.lines[1] = '2e'", "orders[0].sku = 'KB-1'", "orders[1].qty < orders[0].qty",
        "tags = {\"$set\": [\"b\", \"a\"]}", "lucky = {\"$set\": [13, 7.0]}", "address = {\"zip\": \"75001\", \"city\": \"Paris\","
                + " \"lines\": [\"1 rue\", \"2e\"]}", "blob = {\"$binary\": \"AAEC\"}",
        "attribute_exists(id)", "attribute_exists(address.zip)", "attribute_exists(nick)", "attribute_not_exists(email)",
        "attribute_not_exists(address.country)", "attribute_not_exists(orders[5])",
        "attribute_type(age, N)", "attribute_type(nick, null)", "attribute_type(tags, string_set)", "attribute_type(address, M)",
        "attribute_type(orders, list)", "attribute_type(blob, 'B')",
        "begins_with(name, 'Ad')", "begins_with(blob, {\"$binary\": \"AAE=\"})",
        "contains(name, 'd')", "contains(tags, 'a')", "contains(lucky, 13)", "contains(address.lines, '2e')",
        "contains(orders, {\"sku\": \"MS-9\", \"qty\": 1})",
        "size(name) = 3", "size(word) = 4", "size(tags) = 2", "size(address) = 3", "size(orders) = 2", "size(blob) = 3",
        "size(name) < age",
        "NOT age = 1", "age = 1 OR age = 36", "age = 36 AND NOT (name = 'Eve' OR active = false)",
        "email <> 'x'", "age <> '36'"})
    void holds(String condition) {
        assertThat(matches(condition)).as(condition).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "id = 'u2'", "age = '36'", "age < '40'", "age > '1'", "name > 1", "active > false", "tags > 'a'",
        "email = 'x'", "email < 'x'", "email > 'x'", "NOT email <> 'x'", "email = null",
        "age BETWEEN '1' AND '99'", "age BETWEEN 40 AND 30", "email BETWEEN 'a' AND 'z'",
        "name IN ('Eve', 'ada')", "age IN ('36')", "email IN ('x')",
        "address.city.name = 'Paris'", "orders[2].sku = 'KB-1'", "name[0] = 'A'", "tags = {\"$set\": [\"a\"]}",
        "lucky = {\"$set\": [\"7\", \"13\"]}", "orders[0] = {\"sku\": \"KB-1\"}",
        "attribute_exists(email)", "attribute_not_exists(id)", "attribute_type(age, S)", "attribute_type(email, S)",
        "attribute_type(lucky, SS)",
        "begins_with(name, 'ad')", "begins_with(age, '3')", "begins_with(email, 'a')", "begins_with(tags, 'a')",
        "contains(name, 'x')", "contains(tags, 1)", "contains(lucky, '7')", "contains(age, 3)", "contains(email, 'a')",
        "contains(address, 'city')",
        "size(age) = 2", "size(active) = 1", "size(email) = 0", "size(email) >= 0", "size(word) = 3",
        "age = 1 OR name = 'Eve'", "age = 36 AND name = 'Eve'"})
    void doesNotHold(String condition) {
        assertThat(matches(condition)).as(condition).isFalse();
    }

    @Test
    void stringsOrderByTheirUtf8BytesAsDynamoDbOrdersThem() {
        // Java's compareTo (UTF-16 units) puts the emoji (D83D DE00) before U+FF5E; UTF-8 bytes
        // (F0 9F 98 80 against EF BD 9E) put it after, and so does DynamoDB
        Map<String, AttributeValue> item = Map.of("s", AttributeValue.fromS("\uFF5E"));
        assertThat(Condition.parse("s < '\uD83D\uDE00'", "--filter").matches(item)).isTrue();
        assertThat(Condition.parse("s > 'z'", "--filter").matches(item)).isTrue();
    }

    @Test
    void numbersCompareByValueNotByText() {
        Map<String, AttributeValue> item = Map.of("n", AttributeValue.fromN("10"), "m", AttributeValue.fromN("9"));
        assertThat(Condition.parse("n > m", "--filter").matches(item)).isTrue();
        assertThat(Condition.parse("n = 1e1", "--filter").matches(item)).isTrue();
        assertThat(Condition.parse("n BETWEEN -5 AND 10.0", "--filter").matches(item)).isTrue();
    }
}
