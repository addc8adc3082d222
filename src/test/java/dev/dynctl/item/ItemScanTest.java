package dev.dynctl.item;

import static dev.dynctl.item.ItemTables.n;
import static dev.dynctl.item.ItemTables.printed;
import static dev.dynctl.item.ItemTables.s;
import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

class ItemScanTest {
    static final int ITEMS = 300;
    static String table;

    @BeforeAll
    static void fill() {
        table = ItemTables.compositeTable("scan", ScalarAttributeType.N, true);
        List<WriteRequest> writes = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            Map<String, AttributeValue> item = Map.of("pk", s("p" + i % 37), "sk", n(String.valueOf(i)),
                    "gpk", s(i % 3 == 0 ? "three" : "other"), "gsk", n(String.valueOf(i)), "name", s("n" + i));
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
        }
        for (int from = 0; from < ITEMS; from += 25) {
            List<WriteRequest> batch = writes.subList(from, Math.min(ITEMS, from + 25));
            Engine.dynamo().batchWriteItem(b -> b.requestItems(Map.of(table, batch)));
        }
    }

    private static List<Integer> sortKeys(Result r) {
        assertThat(r.code()).as(r.toString()).isZero();
        return printed(r.out()).stream().map(i -> i.get("sk").asInt()).toList();
    }

    @Test
    void readsEveryItemFollowingPages() {
        assertThat(sortKeys(cli().aws("item", "scan", table, "--page-size", "40", "-o", "json")))
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, ITEMS).boxed().toList());
    }

    @Test
    void parallelSegmentsReturnEveryItemExactlyOnce() {
        assertThat(sortKeys(cli().aws("item", "scan", table, "--segments", "4", "--page-size", "30", "-o", "json")))
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, ITEMS).boxed().toList());
        assertThat(sortKeys(cli().aws("item", "scan", table, "--segments", "20", "-o", "jsonl")))
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, ITEMS).boxed().toList());
    }

    @Test
    void limitCapsTheItemsAlsoInParallel() {
        assertThat(sortKeys(cli().aws("item", "scan", table, "--limit", "7", "-o", "json"))).hasSize(7);
        assertThat(sortKeys(cli().aws("item", "scan", table, "--limit", "45", "--page-size", "10", "--segments", "4", "-o", "json")))
                .hasSize(45).doesNotHaveDuplicates();
    }

    @Test
    void attrsAndIndex() {
        Result attrs = cli().aws("item", "scan", table, "--attrs", "sk,name", "--limit", "5", "-o", "json");
        assertThat(attrs.code()).as(attrs.toString()).isZero();
        for (JsonNode item : printed(attrs.out())) {
            assertThat(item.fieldNames()).toIterable().containsExactlyInAnyOrder("sk", "name");
        }
        assertThat(sortKeys(cli().aws("item", "scan", table, "--index", "by-g", "--segments", "2", "-o", "json")))
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, ITEMS).boxed().toList());
    }

    @Test
    void ddbJsonOutput() {
        Result r = cli().aws("item", "scan", table, "--limit", "2", "-o", "ddb-json");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(printed(r.out())).hasSize(2).allSatisfy(item -> assertThat(item.get("sk").has("N")).isTrue());
    }

    @Test
    void badOptionsAndMissingTables() {
        Result segments = cli().aws("item", "scan", table, "--segments", "0");
        assertThat(segments.code()).isEqualTo(2);
        assertThat(segments.err()).contains("--segments must be between 1 and 1000000");
        Result pageSize = cli().aws("item", "scan", table, "--page-size", "-1");
        assertThat(pageSize.code()).isEqualTo(2);
        Result missing = cli().aws("item", "scan", "no-such-scan-table");
        assertThat(missing.code()).isEqualTo(3);
        assertThat(missing.err()).contains("Table 'no-such-scan-table' not found");
    }
}
