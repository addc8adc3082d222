package dev.dynctl.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.testing.Engine;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class AttributeCodecProperties {
    private static final String TABLE = Engine.uniqueName("codec");

    @BeforeContainer
    static void createTable() {
        Engine.dynamo().createTable(b -> b.tableName(TABLE)
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .billingMode(BillingMode.PAY_PER_REQUEST));
    }

    @Provide
    Arbitrary<Map<String, AttributeValue>> items() {
        return AttributeValues.items();
    }

    @Property(tries = 300)
    void plainJsonRoundTripsThroughText(@ForAll("items") Map<String, AttributeValue> item) throws Exception {
        String text = Json.MAPPER.writeValueAsString(AttributeCodec.toJson(item));
        Map<String, AttributeValue> back = AttributeCodec.fromJson(Json.MAPPER.readTree(text));
        assertThat(AttributeValues.normalize(back)).isEqualTo(AttributeValues.normalize(item));
    }

    @Property(tries = 300)
    void dynamoJsonRoundTripsExactly(@ForAll("items") Map<String, AttributeValue> item) throws Exception {
        String text = Json.MAPPER.writeValueAsString(AttributeCodec.toDynamoJson(item));
        JsonNode tree = Json.MAPPER.readTree(text);
        assertThat(AttributeCodec.isDynamoJson(tree)).isTrue();
        assertThat(AttributeCodec.fromDynamoJson(tree)).isEqualTo(item);
        assertThat(AttributeCodec.fromAnyJson(tree)).isEqualTo(item);
    }

    @Property(tries = 200)
    void yamlRoundTrips(@ForAll("items") Map<String, AttributeValue> item) throws Exception {
        String text = Json.YAML.writeValueAsString(AttributeCodec.toJson(item));
        Map<String, AttributeValue> back = AttributeCodec.fromJson(Json.YAML.readTree(text));
        assertThat(AttributeValues.normalize(back)).isEqualTo(AttributeValues.normalize(item));
    }

    @Property(tries = 100)
    void itemsSurviveTheEngine(@ForAll("items") Map<String, AttributeValue> item) throws Exception {
        String text = Json.MAPPER.writeValueAsString(AttributeCodec.toJson(item));
        Map<String, AttributeValue> parsed = AttributeCodec.fromJson(Json.MAPPER.readTree(text));
        Engine.dynamo().putItem(b -> b.tableName(TABLE).item(parsed));
        Map<String, AttributeValue> stored = Engine.dynamo()
                .getItem(b -> b.tableName(TABLE).key(Map.of("id", AttributeValue.fromS("k"))).consistentRead(true)).item();
        JsonNode read = Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(AttributeCodec.toJson(stored)));
        assertThat(AttributeValues.normalize(AttributeCodec.fromJson(read))).isEqualTo(AttributeValues.normalize(item));
    }
}
