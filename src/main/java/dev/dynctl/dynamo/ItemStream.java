package dev.dynctl.dynamo;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Items read page by page as they are printed, with the key names that lead each row. The first
 * page is asked for when the stream is made, so a failing request fails before any output (and
 * inside the service, which can explain it). A limit stops reading (no further page is requested)
 * once that many items have been taken; closing stops whatever still reads (a parallel scan's
 * segments), also when the output stops early.
 */
public final class ItemStream implements Iterable<Map<String, AttributeValue>>, AutoCloseable {
    private final Iterator<Map<String, AttributeValue>> items;
    private final List<String> keyNames;
    private final Integer limit;
    private final Runnable onClose;
    private boolean read;

    private ItemStream(Iterator<Map<String, AttributeValue>> items, List<String> keyNames, Integer limit, Runnable onClose) {
        this.items = items;
        this.keyNames = keyNames;
        this.limit = limit;
        this.onClose = onClose;
    }

    /** Starts reading {@code items}: the first page is requested now. */
    static ItemStream start(Iterable<Map<String, AttributeValue>> items, List<String> keyNames, Integer limit, Runnable onClose) {
        Iterator<Map<String, AttributeValue>> iterator = items.iterator();
        try {
            iterator.hasNext();
        } catch (RuntimeException | Error e) {
            onClose.run();
            throw e;
        }
        return new ItemStream(iterator, keyNames, limit, onClose);
    }

    public List<String> keyNames() {
        return keyNames;
    }

    @Override
    public synchronized Iterator<Map<String, AttributeValue>> iterator() {
        if (read) {
            throw new IllegalStateException("items are read once");
        }
        read = true;
        if (limit == null) {
            return items;
        }
        return new Iterator<>() {
            private int taken;

            @Override
            public boolean hasNext() {
                return taken < limit && items.hasNext();
            }

            @Override
            public Map<String, AttributeValue> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                taken++;
                return items.next();
            }
        };
    }

    @Override
    public void close() {
        onClose.run();
    }
}
