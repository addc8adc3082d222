package dev.dynctl.item;

import static dev.dynctl.item.ItemTables.scanAll;
import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.testing.Cli.Result;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A put of many items that stops part-way says which items are in the table: batches go out in
 * the order the items were read, so they are always the first ones.
 */
class ItemPutPartialWriteTest {
    private static String goodLines(int count) {
        return goodLines(1, count);
    }

    private static String goodLines(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> "{\"id\": \"u" + i + "\"}\n").collect(Collectors.joining());
    }

    private static List<String> ids(String table) {
        return scanAll(table).stream().map(i -> i.get("id").s()).toList();
    }

    private static List<String> firstIds(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "u" + i).toList();
    }

    @Test
    void aBadKeyAfterAFullBatchNamesTheItemAndTheItemsWritten() {
        String table = ItemTables.hashTable("put-part");
        Result r = cli().stdin(goodLines(30) + "{\"id\": 31}\n" + goodLines(3)).aws("item", "put", table);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Item 31 (stdin line 31) has 'id' of type N, the table wants S. Items 1-25 were written.",
                "Hint: Put is idempotent, so fix the input and run it again.");
        assertThat(ids(table)).containsExactlyInAnyOrderElementsOf(firstIds(25));
    }

    @Test
    void malformedInputAfterAFullBatchSaysTheSame() {
        String table = ItemTables.hashTable("put-part-json");
        Result r = cli().stdin(goodLines(27) + "{\"id\": \"u28\",, }\n").aws("item", "put", table);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Malformed JSON in stdin at line 28", "Items 1-25 were written.",
                "Put is idempotent, so fix the input and run it again.");
        assertThat(ids(table)).containsExactlyInAnyOrderElementsOf(firstIds(25));
    }

    @Test
    void aRequestDynamoDbRefusesMidStreamSaysWhichItemsAreUncertain() {
        // the engine refuses an item over DynamoDB's 400 KB limit, in the request that holds items 26-50
        String table = ItemTables.hashTable("put-part-sdk");
        String refused = "{\"id\": \"u31\", \"big\": \"" + "x".repeat(410_000) + "\"}\n";
        Result r = cli().stdin(goodLines(30) + refused + goodLines(32, 60)).aws("item", "put", table);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Items 1-25 were written; items 26-50 may or may not have been.",
                "Put is idempotent, so run it again once the cause is fixed.");
        // DynamoDB refuses such a request whole; moto writes the items before the bad one
        assertThat(ids(table)).containsAll(firstIds(25)).isSubsetOf(firstIds(50));
    }

    @Test
    void aBadSecondItemBeforeAnyBatchSaysNothingWasWritten() {
        String table = ItemTables.hashTable("put-part-none");
        Result r = cli().stdin("{\"id\": \"u1\"}\n{\"name\": \"no key\"}\n").aws("item", "put", table);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Item 2 (stdin line 2) has no key attributes", "No items were written.");
        assertThat(scanAll(table)).isEmpty();
    }

    @Test
    void anEmptyKeyStringIsCaughtAsTheItemIsRead() {
        String table = ItemTables.hashTable("put-part-empty");
        Result r = cli().stdin(goodLines(26) + "{\"id\": \"\"}\n").aws("item", "put", table);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Item 27 (stdin line 27) has an empty 'id'", "Items 1-25 were written.");
        assertThat(ids(table)).containsExactlyInAnyOrderElementsOf(firstIds(25));
    }
}
