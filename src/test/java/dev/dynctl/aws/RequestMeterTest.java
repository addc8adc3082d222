package dev.dynctl.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.testing.Cli;
import dev.dynctl.testing.Engine;
import dev.dynctl.testing.MotoServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Requests counted by operation and capacity added up by table, asked for only while a reading is
 * open. The figures are moto's (fixed per operation: see docs/local-engine.md).
 */
class RequestMeterTest {
    private static final String TABLE = Engine.uniqueName("meter");
    private static final RequestMeter METER = new RequestMeter();
    private static Clients clients;

    @BeforeAll
    static void table() {
        Engine.dynamo().createTable(b -> b.tableName(TABLE)
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .billingMode("PAY_PER_REQUEST"));
        clients = new Clients(Target.local(MotoServer.get().endpoint(), Cli.REGION), null, List.of(METER));
    }

    @AfterAll
    static void close() {
        clients.close();
    }

    private static DynamoDbClient dynamo() {
        return clients.dynamo();
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of("id", AttributeValue.fromS(id));
    }

    @Test
    void countsRequestsByOperationAndCapacityByTableAsReadOrWrite() {
        try (RequestMeter.Reading reading = METER.start()) {
            dynamo().describeTable(b -> b.tableName(TABLE));
            dynamo().putItem(b -> b.tableName(TABLE).item(key("m1")));
            dynamo().getItem(b -> b.tableName(TABLE).key(key("m1")));
            dynamo().query(b -> b.tableName(TABLE).keyConditionExpression("id = :id").expressionAttributeValues(Map.of(":id", AttributeValue.fromS("m1"))));
            dynamo().query(b -> b.tableName(TABLE).keyConditionExpression("id = :id").expressionAttributeValues(Map.of(":id", AttributeValue.fromS("m2"))));

            assertThat(reading.requests()).containsExactly(Map.entry("DescribeTable", 1), Map.entry("PutItem", 1),
                    Map.entry("GetItem", 1), Map.entry("Query", 2));
            // moto: PutItem 1, GetItem 0.5, each Query 1
            assertThat(reading.capacity()).containsExactly(Map.entry(TABLE, new RequestMeter.Capacity(2.5, 1)));
            assertThat(reading.unreported()).isEmpty();
        }
    }

    @Test
    void asksForCapacityOnlyWhileReading() {
        try (RequestMeter.Reading reading = METER.start()) {
            assertThat(dynamo().getItem(b -> b.tableName(TABLE).key(key("m1"))).consumedCapacity()).isNotNull();
        }
        assertThat(dynamo().getItem(b -> b.tableName(TABLE).key(key("m1"))).consumedCapacity()).isNull();
    }

    @Test
    void aRequestThatChoseItsOwnCapacityReportKeepsIt() {
        try (RequestMeter.Reading reading = METER.start()) {
            assertThat(dynamo().getItem(b -> b.tableName(TABLE).key(key("m1")).returnConsumedCapacity(ReturnConsumedCapacity.NONE))
                    .consumedCapacity()).isNull();
            assertThat(reading.requests()).containsExactly(Map.entry("GetItem", 1));
            assertThat(reading.capacity()).isEmpty();
            assertThat(reading.unreported()).isEmpty();
        }
    }

    @Test
    void partiqlIsReadOrWriteByItsVerbAndMotoDoesNotReportIt() {
        try (RequestMeter.Reading reading = METER.start()) {
            dynamo().executeStatement(b -> b.statement("SELECT * FROM \"" + TABLE + "\" WHERE id = 'm1'"));
            assertThat(reading.requests()).containsExactly(Map.entry("ExecuteStatement", 1));
            assertThat(reading.unreported()).containsExactly("ExecuteStatement");
        }
    }

    @Test
    void aTransactionsSplitIsTakenAsTheAnswerGivesIt() {
        try (RequestMeter.Reading reading = METER.start()) {
            dynamo().putItem(b -> b.tableName(TABLE).item(key("t1")));
            dynamo().transactGetItems(b -> b.transactItems(t -> t.get(g -> g.tableName(TABLE).key(key("t1")))));
            // moto: 2 read units per item found, with ReadCapacityUnits; the put's 1 is a write by its operation
            assertThat(reading.capacity()).containsExactly(Map.entry(TABLE, new RequestMeter.Capacity(2, 1)));
        }
    }
}
