package dev.dynctl.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.testing.Cli;
import dev.dynctl.testing.Engine;
import dev.dynctl.testing.MotoServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Requests counted by operation and capacity added up by table, asked for only for a statement
 * that is timed, each in its own statement's reading. The figures are moto's (fixed per operation:
 * see docs/local-engine.md).
 */
class RequestMeterTest {
    private static final String TABLE = Engine.uniqueName("meter");
    private static final Target MOTO = Target.local(MotoServer.get().endpoint(), Cli.REGION);
    private static final ClientPool POOL = new ClientPool(List.of(new RequestMeter(true)));

    @BeforeAll
    static void table() {
        Engine.dynamo().createTable(b -> b.tableName(TABLE)
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .billingMode("PAY_PER_REQUEST"));
    }

    @AfterAll
    static void close() {
        POOL.close();
    }

    /** The pool's client as a statement counting in {@code reading} (null: not timed) uses it. */
    private static DynamoDbClient dynamo(RequestMeter.Reading reading) {
        return POOL.forStatement(reading).clients(MOTO, null).dynamo();
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of("id", AttributeValue.fromS(id));
    }

    @Test
    void countsRequestsByOperationAndCapacityByTableAsReadOrWrite() {
        RequestMeter.Reading reading = new RequestMeter.Reading();
        dynamo(reading).describeTable(b -> b.tableName(TABLE));
        dynamo(reading).putItem(b -> b.tableName(TABLE).item(key("m1")));
        dynamo(reading).getItem(b -> b.tableName(TABLE).key(key("m1")));
        dynamo(reading).query(b -> b.tableName(TABLE).keyConditionExpression("id = :id").expressionAttributeValues(Map.of(":id", AttributeValue.fromS("m1"))));
        dynamo(reading).query(b -> b.tableName(TABLE).keyConditionExpression("id = :id").expressionAttributeValues(Map.of(":id", AttributeValue.fromS("m2"))));

        assertThat(reading.requests()).containsExactly(Map.entry("DescribeTable", 1), Map.entry("PutItem", 1),
                Map.entry("GetItem", 1), Map.entry("Query", 2));
        // moto: PutItem 1, GetItem 0.5, each Query 1
        assertThat(reading.capacity()).containsExactly(Map.entry(TABLE, new RequestMeter.Capacity(2.5, 1)));
        assertThat(reading.unreported()).isEmpty();
    }

    @Test
    void asksForCapacityOnlyForATimedStatement() {
        assertThat(dynamo(new RequestMeter.Reading()).getItem(b -> b.tableName(TABLE).key(key("m1"))).consumedCapacity()).isNotNull();
        assertThat(dynamo(null).getItem(b -> b.tableName(TABLE).key(key("m1"))).consumedCapacity()).isNull();
    }

    @Test
    void aRequestThatChoseItsOwnCapacityReportKeepsIt() {
        RequestMeter.Reading reading = new RequestMeter.Reading();
        assertThat(dynamo(reading).getItem(b -> b.tableName(TABLE).key(key("m1")).returnConsumedCapacity(ReturnConsumedCapacity.NONE))
                .consumedCapacity()).isNull();
        assertThat(reading.requests()).containsExactly(Map.entry("GetItem", 1));
        assertThat(reading.capacity()).isEmpty();
        assertThat(reading.unreported()).isEmpty();
    }

    @Test
    void partiqlIsReadOrWriteByItsVerbAndMotoDoesNotReportIt() {
        RequestMeter.Reading reading = new RequestMeter.Reading();
        dynamo(reading).executeStatement(b -> b.statement("SELECT * FROM \"" + TABLE + "\" WHERE id = 'm1'"));
        assertThat(reading.requests()).containsExactly(Map.entry("ExecuteStatement", 1));
        assertThat(reading.unreported()).containsExactly("ExecuteStatement");
    }

    @Test
    void aTransactionsSplitIsTakenAsTheAnswerGivesIt() {
        RequestMeter.Reading reading = new RequestMeter.Reading();
        dynamo(reading).putItem(b -> b.tableName(TABLE).item(key("t1")));
        dynamo(reading).transactGetItems(b -> b.transactItems(t -> t.get(g -> g.tableName(TABLE).key(key("t1")))));
        // moto: 2 read units per item found, with ReadCapacityUnits; the put's 1 is a write by its operation
        assertThat(reading.capacity()).containsExactly(Map.entry(TABLE, new RequestMeter.Capacity(2, 1)));
    }

    @Test
    void eachStatementCountsOnlyItsOwnRequestsWhateverThreadMakesThem() throws Exception {
        RequestMeter.Reading first = new RequestMeter.Reading();
        RequestMeter.Reading second = new RequestMeter.Reading();
        DynamoDbClient earlier = dynamo(first);
        dynamo(second).putItem(b -> b.tableName(TABLE).item(key("s1")));
        // the earlier statement goes on (as one abandoned at the prompt does), on threads of its own
        ExecutorService segments = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> scans = new ArrayList<>();
            for (int segment = 0; segment < 2; segment++) {
                int s = segment;
                scans.add(segments.submit(() -> earlier.scan(b -> b.tableName(TABLE).segment(s).totalSegments(2))));
            }
            for (Future<?> scan : scans) {
                scan.get();
            }
        } finally {
            segments.shutdownNow();
        }
        dynamo(second).getItem(b -> b.tableName(TABLE).key(key("s1")));

        assertThat(first.requests()).containsExactly(Map.entry("Scan", 2));
        assertThat(second.requests()).containsExactly(Map.entry("PutItem", 1), Map.entry("GetItem", 1));
        assertThat(second.capacity()).containsExactly(Map.entry(TABLE, new RequestMeter.Capacity(0.5, 1)));
    }

    @Test
    void aMeterThatDoesNotAskCountsRequestsAsTheyWereMade() {
        try (ClientPool unchanged = new ClientPool(List.of(new RequestMeter(false)))) {
            RequestMeter.Reading reading = new RequestMeter.Reading();
            DynamoDbClient dynamo = unchanged.forStatement(reading).clients(MOTO, null).dynamo();
            assertThat(dynamo.getItem(b -> b.tableName(TABLE).key(key("m1"))).consumedCapacity()).isNull();
            assertThat(reading.requests()).containsExactly(Map.entry("GetItem", 1));
            assertThat(reading.capacity()).isEmpty();
        }
    }
}
