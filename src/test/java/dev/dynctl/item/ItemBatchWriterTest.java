package dev.dynctl.item;

import static dev.dynctl.item.ItemTables.n;
import static dev.dynctl.item.ItemTables.s;
import static dev.dynctl.item.ItemTables.scanAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynctl.dynamo.ItemBatchWriter;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import dev.dynctl.testing.Engine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The engine never hands back UnprocessedItems on its own, so these tests stand between the writer
 * and the real engine and hold some writes back, the way a throttled table does.
 */
class ItemBatchWriterTest {
    /**
     * For the first {@code throttledCalls} requests, sends all but the last {@code heldBack} writes on
     * to the engine and returns those as unprocessed; after that sends everything.
     */
    private static Function<BatchWriteItemRequest, BatchWriteItemResponse> holdingBack(String table, int heldBack, int throttledCalls,
                                                                                       AtomicInteger calls) {
        return request -> {
            boolean throttled = calls.incrementAndGet() <= throttledCalls;
            List<WriteRequest> writes = request.requestItems().get(table);
            int sent = throttled ? Math.max(0, writes.size() - heldBack) : writes.size();
            if (sent > 0) {
                Engine.dynamo().batchWriteItem(b -> b.requestItems(Map.of(table, writes.subList(0, sent))));
            }
            List<WriteRequest> unprocessed = writes.subList(sent, writes.size());
            return BatchWriteItemResponse.builder().unprocessedItems(unprocessed.isEmpty() ? Map.of() : Map.of(table, unprocessed)).build();
        };
    }

    @Test
    void unprocessedItemsAreRetriedUntilAllAreWritten() {
        String table = ItemTables.hashTable("batch-retry");
        AtomicInteger calls = new AtomicInteger();
        ItemBatchWriter writer = new ItemBatchWriter(table, List.of("id"), holdingBack(table, 10, 3, calls));
        for (int i = 0; i < 60; i++) {
            writer.put(Map.of("id", s("u" + i)));
        }
        writer.flush();
        assertThat(writer.written()).isEqualTo(60);
        assertThat(scanAll(table)).hasSize(60);
        // batch 1: 15 written + 10 back, 10 back twice more, then the 10; batches 2 and 3 go through at once
        assertThat(calls.get()).isEqualTo(6);
        assertThat(writer.requests()).isEqualTo(6);
    }

    @Test
    void deletesAreRetriedLikePutsAndCountedApart() {
        String table = ItemTables.hashTable("batch-retry-del");
        for (int i = 0; i < 10; i++) {
            String id = "d" + i;
            Engine.dynamo().putItem(b -> b.tableName(table).item(Map.of("id", s(id))));
        }
        AtomicInteger calls = new AtomicInteger();
        // the last 12 writes of each of the first 2 requests come back unprocessed: the 10 deletes and 2 puts
        ItemBatchWriter writer = new ItemBatchWriter(table, List.of("id"), holdingBack(table, 12, 2, calls), Duration.ofMillis(1));
        for (int i = 0; i < 15; i++) {
            writer.put(Map.of("id", s("p" + i)));
        }
        for (int i = 0; i < 10; i++) {
            writer.delete(Map.of("id", s("d" + i)));
        }
        writer.flush();
        assertThat(writer.puts()).isEqualTo(15);
        assertThat(writer.deletes()).isEqualTo(10);
        assertThat(writer.requests()).isEqualTo(3);
        assertThat(writer.retries()).isEqualTo(2);
        assertThat(scanAll(table)).extracting(i -> i.get("id").s()).allMatch(id -> id.startsWith("p")).hasSize(15);
    }

    @Test
    void aBatchNeverHoldsTwoWritesToOneItem() {
        String table = ItemTables.compositeTable("batch-dup", ScalarAttributeType.N, false);
        List<Integer> sizes = new ArrayList<>();
        ItemBatchWriter writer = new ItemBatchWriter(table, List.of("pk", "sk"), request -> {
            sizes.add(request.requestItems().get(table).size());
            return Engine.dynamo().batchWriteItem(request);
        });
        writer.put(Map.of("pk", s("a"), "sk", n("5")));
        writer.put(Map.of("pk", s("b"), "sk", n("5")));
        // 5.0 is the number 5, so the same item: the delete goes in the next batch, and the put after it in a third
        writer.delete(Map.of("pk", s("a"), "sk", n("5.0")));
        writer.put(Map.of("pk", s("a"), "sk", n("5"), "v", n("2")));
        writer.flush();
        assertThat(sizes).containsExactly(2, 1, 1);
        assertThat(ItemTables.item(table, Map.of("pk", s("a"), "sk", n("5")))).containsEntry("v", n("2"));
    }

    @Test
    void aBatchThatNeverProgressesFailsAsThrottled() {
        String table = ItemTables.hashTable("batch-stuck");
        AtomicInteger calls = new AtomicInteger();
        ItemBatchWriter writer = new ItemBatchWriter(table, List.of("id"), holdingBack(table, 25, Integer.MAX_VALUE, calls),
                Duration.ofMillis(1));
        writer.put(Map.of("id", s("a")));
        writer.put(Map.of("id", s("b")));
        assertThatThrownBy(writer::flush)
                .isInstanceOf(DynctlException.class)
                .hasMessageContaining("2 items were still unprocessed after 10 retries; 0 items were written")
                .extracting(e -> ((DynctlException) e).exitCode()).isEqualTo(ExitCode.THROTTLED);
        assertThat(calls.get()).isEqualTo(10);
        assertThat(scanAll(table)).isEmpty();
    }
}
