package dev.dynctl.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynctl.testing.Cli;
import dev.dynctl.testing.Engine;
import dev.dynctl.testing.MotoServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Requests recorded as the SDK marshals them, lookups sent, everything else stopped. */
class RequestCaptureTest {
    private static final String TABLE = Engine.uniqueName("capture");
    private static final Target MOTO = Target.local(MotoServer.get().endpoint(), Cli.REGION);

    @BeforeAll
    static void table() {
        Engine.dynamo().createTable(b -> b.tableName(TABLE)
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .billingMode("PAY_PER_REQUEST"));
    }

    /** Clients of their own for one statement, recording (and stopping) in {@code capture}; closed by the caller. */
    private static Clients clients(RequestCapture capture) {
        return new Clients(MOTO, null, List.of(capture));
    }

    @Test
    void aWriteIsRecordedAsMarshalledAndNotSent() {
        RequestCapture capture = new RequestCapture();
        try (Clients clients = clients(capture)) {
            assertThatThrownBy(() -> clients.dynamo().putItem(b -> b.tableName(TABLE)
                    .item(Map.of("id", AttributeValue.fromS("w1")))
                    .conditionExpression("attribute_not_exists(id)")))
                    .isInstanceOf(RequestCapture.Stopped.class)
                    .hasMessage("PutItem was not sent (explain).");
            assertThat(capture.requests()).containsExactly(new RequestCapture.Request("PutItem",
                    "{\"TableName\":\"" + TABLE + "\",\"Item\":{\"id\":{\"S\":\"w1\"}},\"ConditionExpression\":\"attribute_not_exists(id)\"}",
                    false));
        }
        assertThat(Engine.dynamo().getItem(b -> b.tableName(TABLE).key(Map.of("id", AttributeValue.fromS("w1")))).hasItem()).isFalse();
    }

    @Test
    void lookupsAreSentAndAnswered() {
        RequestCapture capture = new RequestCapture();
        try (Clients clients = clients(capture)) {
            assertThat(clients.dynamo().describeTable(b -> b.tableName(TABLE)).table().tableName()).isEqualTo(TABLE);
            assertThat(clients.dynamo().listTables().tableNames()).contains(TABLE);
            assertThat(capture.requests()).extracting(RequestCapture.Request::operation, RequestCapture.Request::sent)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("DescribeTable", true),
                            org.assertj.core.groups.Tuple.tuple("ListTables", true));
        }
    }

    @Test
    void requestsMadeSideBySideAreAllRecordedBeforeTheFirstStops() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        RequestCapture capture = new RequestCapture();
        try (Clients clients = clients(capture)) {
            List<Future<?>> scans = new ArrayList<>();
            for (int segment = 0; segment < 4; segment++) {
                int s = segment;
                scans.add(threads.submit(() -> clients.dynamo().scan(b -> b.tableName(TABLE).segment(s).totalSegments(4))));
            }
            // the first to fail ends the others, as a parallel scan does
            assertThatThrownBy(() -> scans.get(0).get()).hasCauseInstanceOf(RequestCapture.Stopped.class);
            threads.shutdownNow();
            assertThat(capture.requests()).hasSize(4).allSatisfy(r -> assertThat(r.operation()).isEqualTo("Scan"))
                    .extracting(RequestCapture.Request::body)
                    .containsExactlyInAnyOrder(
                            "{\"TableName\":\"" + TABLE + "\",\"TotalSegments\":4,\"Segment\":0}",
                            "{\"TableName\":\"" + TABLE + "\",\"TotalSegments\":4,\"Segment\":1}",
                            "{\"TableName\":\"" + TABLE + "\",\"TotalSegments\":4,\"Segment\":2}",
                            "{\"TableName\":\"" + TABLE + "\",\"TotalSegments\":4,\"Segment\":3}");
        } finally {
            threads.shutdownNow();
            threads.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
