package dev.dynctl.dynamo;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Items read page by page as they are printed, with the key names that lead each row. A limit
 * stops reading (no further page is requested) once that many items have been taken; closing
 * releases whatever still reads (a parallel scan's segments).
 */
public final class ItemStream implements Iterable<Map<String, AttributeValue>>, AutoCloseable {
    private final Iterable<Map<String, AttributeValue>> items;
    private final List<String> keyNames;
    private final Integer limit;
    private final Runnable onClose;

    ItemStream(Iterable<Map<String, AttributeValue>> items, List<String> keyNames, Integer limit, Runnable onClose) {
        this.items = items;
        this.keyNames = keyNames;
        this.limit = limit;
        this.onClose = onClose;
    }

    public List<String> keyNames() {
        return keyNames;
    }

    @Override
    public Iterator<Map<String, AttributeValue>> iterator() {
        Iterator<Map<String, AttributeValue>> all = items.iterator();
        if (limit == null) {
            return all;
        }
        return new Iterator<>() {
            private int taken;

            @Override
            public boolean hasNext() {
                return taken < limit && all.hasNext();
            }

            @Override
            public Map<String, AttributeValue> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                taken++;
                return all.next();
            }
        };
    }

    @Override
    public void close() {
        onClose.run();
    }
}
