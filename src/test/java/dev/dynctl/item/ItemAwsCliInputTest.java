package dev.dynctl.item;

import static dev.dynctl.item.ItemTables.canonical;
import static dev.dynctl.item.ItemTables.item;
import static dev.dynctl.item.ItemTables.s;
import static dev.dynctl.item.ItemTables.scanAll;
import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dynctl.codec.AttributeCodec;
import dev.dynctl.testing.AwsCli;
import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What the AWS CLI prints for scan, query and get-item goes straight into item put. */
class ItemAwsCliInputTest {
    private static Map<String, AttributeValue> everyType(String id) {
        return Map.of("id", s(id), "n", AttributeValue.fromN("12345678901234567890.5"), "b", AttributeValue.fromB(SdkBytes.fromUtf8String("x")),
                "ok", AttributeValue.fromBool(true), "nothing", AttributeValue.fromNul(true), "ss", AttributeValue.fromSs(List.of("a", "b")),
                "l", AttributeValue.fromL(List.of(s("x"), AttributeValue.fromN("1"))), "m", AttributeValue.fromM(Map.of("k", s("v"))));
    }

    /** A page as 'aws dynamodb scan' prints it. */
    private static String page(List<Map<String, AttributeValue>> items) {
        StringBuilder json = new StringBuilder("{\n    \"Items\": [");
        for (int i = 0; i < items.size(); i++) {
            json.append(i == 0 ? "\n" : ",\n").append(AttributeCodec.toDynamoJson(items.get(i)).toPrettyString());
        }
        return json.append("\n    ],\n    \"Count\": ").append(items.size()).append(",\n    \"ScannedCount\": ").append(items.size())
                .append(",\n    \"ConsumedCapacity\": null\n}\n").toString();
    }

    @Test
    void aStreamOfScanPagesPutsEveryItemOfEveryPage() {
        String table = ItemTables.hashTable("awsin-pages");
        List<Map<String, AttributeValue>> first = IntStream.range(0, 30).mapToObj(i -> everyType("p1-" + i)).toList();
        List<Map<String, AttributeValue>> second = List.of(everyType("p2-0"), everyType("p2-1"));
        Result r = cli().stdin(page(first) + page(second) + page(List.of())).aws("item", "put", table);
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).contains("Put 32 items into " + table + " (2 BatchWriteItem requests).");
        assertThat(scanAll(table)).hasSize(32);
        assertThat(canonical(item(table, Map.of("id", s("p2-1"))))).isEqualTo(canonical(everyType("p2-1")));
    }

    @Test
    void getItemOutputPutsItsItem() {
        String table = ItemTables.hashTable("awsin-get");
        String output = "{\"Item\": " + AttributeCodec.toDynamoJson(everyType("g1")) + ", \"ConsumedCapacity\": {\"TableName\": \"t\", \"CapacityUnits\": 0.5}}";
        Result r = cli().stdin(output).aws("item", "put", table);
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).contains("Put 1 item into " + table + ".");
        assertThat(canonical(item(table, Map.of("id", s("g1"))))).isEqualTo(canonical(everyType("g1")));
    }

    @Test
    void anItemWithAnAttributeCalledItemsIsStillAnItem() {
        String table = ItemTables.hashTable("awsin-plain");
        Result r = cli().aws("item", "put", table, "{\"id\": \"o1\", \"Items\": [{\"sku\": \"a\"}], \"Count\": 1}");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(item(table, Map.of("id", s("o1")))).containsKeys("Items", "Count");
    }

    @Test
    void theRealAwsCliScanAndGetItemOutputRoundTrips() throws Exception {
        assumeTrue(AwsCli.installed(), "the AWS CLI v2 is needed for this cross-check");
        String from = ItemTables.hashTable("awsin-from");
        String to = ItemTables.hashTable("awsin-to");
        for (int i = 0; i < 40; i++) {
            Map<String, AttributeValue> item = everyType("a" + i);
            Engine.dynamo().putItem(b -> b.tableName(from).item(item));
        }
        Result scan = AwsCli.run("dynamodb", "scan", "--table-name", from);
        assertThat(scan.code()).as(scan.toString()).isZero();
        Result put = cli().stdin(scan.out()).aws("item", "put", to);
        assertThat(put.code()).as(put.toString()).isZero();
        assertThat(put.err()).contains("Put 40 items into " + to);
        assertThat(scanAll(to).stream().map(ItemTables::canonical).toList())
                .containsExactlyInAnyOrderElementsOf(scanAll(from).stream().map(ItemTables::canonical).toList());

        Result query = AwsCli.run("dynamodb", "query", "--table-name", from, "--key-condition-expression", "id = :id",
                "--expression-attribute-values", "{\":id\": {\"S\": \"a7\"}}");
        String table = ItemTables.hashTable("awsin-query");
        assertThat(cli().stdin(query.out()).aws("item", "put", table).code()).isZero();
        assertThat(canonical(item(table, Map.of("id", s("a7"))))).isEqualTo(canonical(everyType("a7")));

        Result get = AwsCli.run("dynamodb", "get-item", "--table-name", from, "--key", "{\"id\": {\"S\": \"a3\"}}");
        String single = ItemTables.hashTable("awsin-single");
        assertThat(cli().stdin(get.out()).aws("item", "put", single).code()).isZero();
        assertThat(canonical(item(single, Map.of("id", s("a3"))))).isEqualTo(canonical(everyType("a3")));
    }
}
