package dev.dynctl.table;

import static dev.dynctl.table.TableTestSupport.exists;
import static dev.dynctl.table.TableTestSupport.json;
import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.testing.Cli;
import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import dev.dynctl.testing.FaultProxy;
import dev.dynctl.testing.MotoServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

class TableTruncateTest {
    @Test
    void deletesEveryItemAcrossSegmentsAndKeepsTheTable() {
        String name = orders("emptied", 300);
        Result r = cli().aws("table", "truncate", name, "--yes", "--segments", "4", "-o", "json");
        JsonNode doc = json(r);
        assertThat(doc.path("table").asText()).isEqualTo(name);
        assertThat(doc.path("deleted").asLong()).isEqualTo(300);
        assertThat(doc.path("requests").asLong()).isGreaterThanOrEqualTo(12);
        assertThat(r.err()).contains("Deleted 300 items from '" + name + "'");
        assertThat(count(name)).isZero();
        assertThat(exists(name)).isTrue();
    }

    @Test
    void anEmptyTableIsFineAndSoIsRunningItAgain() {
        String name = orders("twice", 30);
        assertThat(json(cli().aws("table", "truncate", name, "--yes", "-o", "json")).path("deleted").asLong()).isEqualTo(30);
        Result again = cli().aws("table", "truncate", name, "--yes", "--segments", "1", "-o", "json");
        assertThat(json(again).path("deleted").asLong()).isZero();
        assertThat(again.err()).contains("Deleted 0 items");
    }

    @Test
    void typingTheNameConfirmsAndTheQuestionShowsTheItemEstimate() {
        String name = orders("typed", 5);
        Result r = cli().stdin(name + "\n").aws("table", "truncate", name, "-o", "json");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).contains("Delete all items of table '" + name + "' (about ", "Type '" + name + "' to confirm");
        assertThat(count(name)).isZero();
    }

    @Test
    void noInputRefusesAndAWrongAnswerChangesNothing() {
        String name = orders("kept", 5);
        Result refused = cli().aws("table", "truncate", name, "--no-input");
        assertThat(refused.code()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.err()).contains("--no-input", "--yes");
        Result wrong = cli().stdin("no\n").aws("table", "truncate", name);
        assertThat(wrong.code()).as(wrong.toString()).isEqualTo(2);
        assertThat(count(name)).isEqualTo(5);
    }

    @Test
    void aMissingTableIsNotFound() {
        Result r = cli().aws("table", "truncate", Engine.uniqueName("nowhere"), "--yes");
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).contains("not found");
    }

    @Test
    void deletesEverythingWhenAFifthOfTheRequestsFail() {
        String name = orders("faulty", 300);
        try (FaultProxy proxy = FaultProxy.to(MotoServer.get().endpoint()).share(0.2).seed(42).start()) {
            Result r = cli().run("table", "truncate", name, "--yes", "--segments", "3", "-o", "json",
                    "--endpoint-url", proxy.endpoint().toString(), "--region", Cli.REGION);
            assertThat(json(r).path("deleted").asLong()).isEqualTo(300);
            assertThat(proxy.injectedTotal()).isPositive();
        }
        assertThat(count(name)).isZero();
    }

    @Test
    void unprocessedDeletesAreSentAgain() {
        String name = orders("unprocessed", 300);
        try (FaultProxy proxy = FaultProxy.to(MotoServer.get().endpoint()).share(0.5).seed(7)
                .faults(FaultProxy.Fault.UNPROCESSED_ITEMS).only("BatchWriteItem").start()) {
            Result r = cli().run("table", "truncate", name, "--yes", "-o", "json",
                    "--endpoint-url", proxy.endpoint().toString(), "--region", Cli.REGION);
            JsonNode doc = json(r);
            assertThat(doc.path("deleted").asLong()).isEqualTo(300);
            assertThat(proxy.injected(FaultProxy.Fault.UNPROCESSED_ITEMS)).isPositive();
            assertThat(doc.path("retries").asLong()).isEqualTo(proxy.injected(FaultProxy.Fault.UNPROCESSED_ITEMS));
        }
        assertThat(count(name)).isZero();
    }

    /** A table with a partition and a sort key (both go into the projection) and {@code items} items. */
    private static String orders(String prefix, int items) {
        String name = Engine.uniqueName(prefix);
        Engine.dynamo().createTable(b -> b.tableName(name)
                .keySchema(k -> k.attributeName("customer").keyType(KeyType.HASH),
                        k -> k.attributeName("created").keyType(KeyType.RANGE))
                .attributeDefinitions(a -> a.attributeName("customer").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("created").attributeType(ScalarAttributeType.N))
                .billingMode(BillingMode.PAY_PER_REQUEST));
        List<WriteRequest> batch = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            Map<String, AttributeValue> item = Map.of("customer", AttributeValue.fromS("c" + i % 7),
                    "created", AttributeValue.fromN(String.valueOf(i)), "note", AttributeValue.fromS("item " + i));
            batch.add(WriteRequest.builder().putRequest(p -> p.item(item)).build());
            if (batch.size() == 25 || i == items - 1) {
                List<WriteRequest> sent = List.copyOf(batch);
                Engine.dynamo().batchWriteItem(b -> b.requestItems(Map.of(name, sent)));
                batch.clear();
            }
        }
        return name;
    }

    private static int count(String name) {
        return Engine.dynamo().scan(b -> b.tableName(name)).count();
    }
}
