package dev.dynctl.bulk;

import java.util.concurrent.atomic.AtomicLong;

/** What the writers of one import did so far, shared between them. */
final class ImportCounters {
    final AtomicLong written = new AtomicLong();
    final AtomicLong batches = new AtomicLong();
    final AtomicLong requests = new AtomicLong();
    final AtomicLong retries = new AtomicLong();
    final AtomicLong throttles = new AtomicLong();
}
