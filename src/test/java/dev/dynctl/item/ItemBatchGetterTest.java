package dev.dynctl.item;

import static dev.dynctl.item.ItemTables.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynctl.dynamo.ItemBatchGetter;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import dev.dynctl.testing.Engine;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * The engine never hands back UnprocessedKeys on its own, so these tests stand between the getter
 * and the real engine and hold some keys back, the way a throttled table does.
 */
class ItemBatchGetterTest {
    /**
     * For the first {@code throttledCalls} requests, asks the engine for all but the last {@code heldBack}
     * keys and returns those as unprocessed; after that asks for everything.
     */
    private static Function<BatchGetItemRequest, BatchGetItemResponse> holdingBack(String table, int heldBack, int throttledCalls,
                                                                                   AtomicInteger calls) {
        return request -> {
            boolean throttled = calls.incrementAndGet() <= throttledCalls;
            KeysAndAttributes asked = request.requestItems().get(table);
            List<Map<String, AttributeValue>> keys = asked.keys();
            int sent = throttled ? Math.max(0, keys.size() - heldBack) : keys.size();
            List<Map<String, AttributeValue>> found = sent == 0 ? List.of() : Engine.dynamo().batchGetItem(b -> b.requestItems(
                    Map.of(table, asked.toBuilder().keys(keys.subList(0, sent)).build()))).responses().get(table);
            List<Map<String, AttributeValue>> unprocessed = keys.subList(sent, keys.size());
            return BatchGetItemResponse.builder().responses(Map.of(table, found))
                    .unprocessedKeys(unprocessed.isEmpty() ? Map.of() : Map.of(table, asked.toBuilder().keys(unprocessed).build())).build();
        };
    }

    private static String tableWith(int count) {
        String table = ItemTables.hashTable("getter");
        for (int i = 0; i < count; i++) {
            String id = "u" + i;
            Engine.dynamo().putItem(b -> b.tableName(table).item(Map.of("id", s(id))));
        }
        return table;
    }

    private static List<Map<String, AttributeValue>> keys(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> Map.of("id", s("u" + i))).toList();
    }

    @Test
    void unprocessedKeysAreAskedForAgainUntilAllAreRead() {
        String table = tableWith(30);
        AtomicInteger calls = new AtomicInteger();
        ItemBatchGetter getter = new ItemBatchGetter(table, List.of("id"), KeysAndAttributes.builder().build(),
                holdingBack(table, 12, 3, calls), Duration.ofMillis(1));

        ItemBatchGetter.Batch batch = getter.get(keys(0, 40));

        // 28 read + 12 back, then 12 back twice more, then the 12
        assertThat(calls.get()).isEqualTo(4);
        assertThat(getter.requests()).isEqualTo(4);
        assertThat(getter.retries()).isEqualTo(3);
        assertThat(batch.items()).extracting(i -> i.get("id").s()).containsExactlyElementsOf(keys(0, 30).stream().map(k -> k.get("id").s()).toList());
        assertThat(batch.missing()).containsExactlyElementsOf(keys(30, 40));
    }

    @Test
    void keysThatNeverProgressFailAsThrottled() {
        String table = tableWith(2);
        AtomicInteger calls = new AtomicInteger();
        ItemBatchGetter getter = new ItemBatchGetter(table, List.of("id"), KeysAndAttributes.builder().build(),
                holdingBack(table, 100, Integer.MAX_VALUE, calls), Duration.ofMillis(1));

        assertThatThrownBy(() -> getter.get(keys(0, 2)))
                .isInstanceOf(DynctlException.class)
                .hasMessage("2 keys were still unprocessed after 10 retries reading " + table + ".")
                .extracting(e -> ((DynctlException) e).exitCode()).isEqualTo(ExitCode.THROTTLED);
        assertThat(calls.get()).isEqualTo(10);
    }
}
