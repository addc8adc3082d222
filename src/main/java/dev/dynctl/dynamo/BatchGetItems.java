package dev.dynctl.dynamo;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The items of {@code item batch-get}, read 100 keys at a time as they are printed, in the order
 * their keys were given. A key given twice is read and printed once. The first batch is read when
 * the stream starts, so that a bad table or key fails before any output; what was found, missing
 * and repeated is counted for the summary.
 */
public final class BatchGetItems implements Iterable<Map<String, AttributeValue>>, AutoCloseable {
    /** How many missing keys a message lists. */
    public static final int MISSING_SHOWN = 10;

    private final KeySchema schema;
    private final ItemBatchKeys keys;
    private final ItemBatchGetter getter;
    private final List<String> hiddenKeyNames;
    private final UnaryOperator<Map<String, AttributeValue>> shown;
    private final Set<KeyIdentity> seen = new HashSet<>();
    private final Deque<Map<String, AttributeValue>> ready = new ArrayDeque<>();
    private final List<String> missingShown = new ArrayList<>();
    private long keysRead;
    private long repeated;
    private long found;
    private long missing;
    private boolean iterated;

    /**
     * @param hiddenKeyNames key attributes read only to match items to keys (--attrs left them out), removed before printing
     * @param shown the item as reads show it (the schema's get-transforms)
     */
    BatchGetItems(KeySchema schema, ItemBatchKeys keys, ItemBatchGetter getter, List<String> hiddenKeyNames,
                  UnaryOperator<Map<String, AttributeValue>> shown) {
        this.schema = schema;
        this.keys = keys;
        this.getter = getter;
        this.hiddenKeyNames = hiddenKeyNames;
        this.shown = shown;
    }

    /** Reads the first batch now. */
    BatchGetItems start() {
        fill();
        return this;
    }

    /** The key attributes, which lead each printed item. */
    public List<String> keyNames() {
        return schema.names();
    }

    @Override
    public Iterator<Map<String, AttributeValue>> iterator() {
        if (iterated) {
            throw new IllegalStateException("items are read once");
        }
        iterated = true;
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                if (ready.isEmpty()) {
                    fill();
                }
                return !ready.isEmpty();
            }

            @Override
            public Map<String, AttributeValue> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return ready.poll();
            }
        };
    }

    /** Reads batches until one has items or the keys run out. */
    private void fill() {
        while (ready.isEmpty() && keys.hasNext()) {
            List<Map<String, AttributeValue>> batch = new ArrayList<>(ItemBatchGetter.BATCH_SIZE);
            while (batch.size() < ItemBatchGetter.BATCH_SIZE && keys.hasNext()) {
                Map<String, AttributeValue> key = keys.next();
                keysRead++;
                if (seen.add(KeyIdentity.of(schema.names(), key))) {
                    batch.add(key);
                } else {
                    repeated++;
                }
            }
            if (batch.isEmpty()) {
                return;
            }
            ItemBatchGetter.Batch result = getter.get(batch);
            result.items().forEach(item -> ready.add(printable(item)));
            found += result.items().size();
            missing += result.missing().size();
            result.missing().stream().limit(MISSING_SHOWN - missingShown.size()).forEach(key -> missingShown.add(KeyText.of(key)));
        }
    }

    /** Key attributes first, as every item is shown; those read only for matching are dropped. */
    private Map<String, AttributeValue> printable(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> ordered = ItemService.keysFirst(schema, shown.apply(item));
        hiddenKeyNames.forEach(ordered::remove);
        return ordered;
    }

    /** Keys read, repeats included. */
    public long keysRead() {
        return keysRead;
    }

    /** Keys given more than once, read once. */
    public long repeated() {
        return repeated;
    }

    public long found() {
        return found;
    }

    /** Distinct keys that have no item. */
    public long missing() {
        return missing;
    }

    /** The first {@value #MISSING_SHOWN} missing keys, as --key takes them. */
    public List<String> missingShown() {
        return missingShown;
    }

    public long requests() {
        return getter.requests();
    }

    public long retries() {
        return getter.retries();
    }

    public String table() {
        return schema.table();
    }

    @Override
    public void close() {
        keys.close();
    }
}
