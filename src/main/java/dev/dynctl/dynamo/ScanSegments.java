package dev.dynctl.dynamo;

import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A parallel scan's items as one stream: each segment is scanned on its own thread into a small
 * bounded queue that the caller drains as it prints, so memory stays constant however large the
 * table. Closing stops the segments still running (after --limit, or on an error); closed from
 * another thread (a bulk job's stop), it also ends the items of a reader waiting for the next.
 */
public final class ScanSegments implements Iterable<Map<String, AttributeValue>>, AutoCloseable {
    private static final int MAX_THREADS = 16;
    private static final int QUEUE_CAPACITY = 1000;

    /** What the queue carries: an item, one segment's end, or the failure that ended it. */
    private record Signal(Map<String, AttributeValue> item, Throwable failure) {
        static final Signal SEGMENT_DONE = new Signal(null, null);
    }

    private final int segments;
    private final IntFunction<Iterable<Map<String, AttributeValue>>> segmentItems;
    private final BlockingQueue<Signal> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private ExecutorService executor;
    private volatile boolean closed;

    /** @param segmentItems the items of segment i of {@code segments}, from the scan paginator */
    public ScanSegments(int segments, IntFunction<Iterable<Map<String, AttributeValue>>> segmentItems) {
        this.segments = segments;
        this.segmentItems = segmentItems;
    }

    @Override
    public synchronized Iterator<Map<String, AttributeValue>> iterator() {
        if (executor != null) {
            throw new IllegalStateException("a scan is read once");
        }
        executor = Executors.newFixedThreadPool(Math.min(segments, MAX_THREADS), runnable -> {
            Thread thread = new Thread(runnable, "dynctl-scan");
            thread.setDaemon(true);
            return thread;
        });
        for (int segment = 0; segment < segments; segment++) {
            int s = segment;
            executor.execute(() -> scan(s));
        }
        executor.shutdown();
        return new Drain();
    }

    /**
     * Scans one segment into the queue. Whatever ends it, the reader hears of it (finally): a
     * thread that died silently would leave the reader waiting for it forever.
     */
    private void scan(int segment) {
        Signal end = Signal.SEGMENT_DONE;
        try {
            for (Map<String, AttributeValue> item : segmentItems.apply(segment)) {
                if (!deliver(new Signal(item, null))) {
                    return;
                }
            }
        } catch (Throwable failure) {
            end = new Signal(null, failure);
        } finally {
            deliver(end);
        }
    }

    /** Waits for room in the queue; false once the reader has closed the scan and nobody will take it. */
    private boolean deliver(Signal signal) {
        try {
            while (!closed) {
                if (queue.offer(signal, 100, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** Takes items off the queue until every segment has said it is done. */
    private final class Drain implements Iterator<Map<String, AttributeValue>> {
        private int segmentsRunning = segments;
        private Map<String, AttributeValue> next;

        @Override
        public boolean hasNext() {
            while (next == null && segmentsRunning > 0) {
                Signal signal = take();
                if (signal == null) {
                    break;
                }
                if (signal.failure() != null) {
                    close();
                    throw rethrown(signal.failure());
                }
                if (signal == Signal.SEGMENT_DONE) {
                    segmentsRunning--;
                } else {
                    next = signal.item();
                }
            }
            return next != null;
        }

        @Override
        public Map<String, AttributeValue> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Map<String, AttributeValue> item = next;
            next = null;
            return item;
        }

        /** The first segment's failure as it was (an SDK exception stays one, for the error handler). */
        private RuntimeException rethrown(Throwable failure) {
            if (failure instanceof RuntimeException e) {
                return e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            return new IllegalStateException("a scan segment failed", failure);
        }

        /** The next signal; null once the scan is closed. */
        private Signal take() {
            try {
                Signal signal = null;
                while (signal == null && !closed) {
                    signal = queue.poll(100, TimeUnit.MILLISECONDS);
                }
                return signal;
            } catch (InterruptedException e) {
                close();
                Thread.currentThread().interrupt();
                throw new DynctlException(ExitCode.INTERRUPTED, "Interrupted.");
            }
        }
    }
}
