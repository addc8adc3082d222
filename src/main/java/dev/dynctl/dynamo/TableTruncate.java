package dev.dynctl.dynamo;

import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Deletes every item of a table and keeps the table (its indexes, settings, ARN and stream).
 * Each scan segment reads only the key attributes and deletes what it reads through its own
 * {@link ItemBatchWriter}, so segments delete in parallel. Stopped part-way, it can simply run
 * again: it deletes whatever is left.
 */
public final class TableTruncate {
    private static final int MAX_THREADS = 16;

    private final DynamoDbClient client;
    private final String where;

    /** What a truncate did: items deleted, BatchWriteItem requests sent, and how many of them were retries. */
    public record Result(String table, long deleted, long requests, long retries) {
    }

    public TableTruncate(DynamoDbClient client, String where) {
        this.client = client;
        this.where = where;
    }

    /** The table about to be emptied (its item count, an estimate DynamoDB updates every few hours). */
    public TableDescription table(String table) {
        TableDescription description = TableService.describeOrNull(client, table);
        if (description == null) {
            throw MissingTable.error(client, table, where);
        }
        return description;
    }

    /** Deletes every item, scanning in {@code segments} parallel segments. */
    public Result truncate(TableDescription table, int segments) throws InterruptedException {
        if (segments < 1 || segments > 1_000_000) {
            throw DynctlException.usage("--segments must be between 1 and 1000000, not " + segments + ".");
        }
        String name = table.tableName();
        List<String> keyNames = table.keySchema().stream().map(KeySchemaElement::attributeName).toList();
        ScanRequest keysOnly = keysOnly(name, keyNames);
        AtomicLong deleted = new AtomicLong();
        AtomicLong requests = new AtomicLong();
        AtomicLong retries = new AtomicLong();
        ExecutorService executor = Executors.newFixedThreadPool(Math.min(segments, MAX_THREADS), runnable -> {
            Thread thread = new Thread(runnable, "dynctl-truncate");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int segment = 0; segment < segments; segment++) {
                ScanRequest request = segments == 1 ? keysOnly
                        : keysOnly.toBuilder().segment(segment).totalSegments(segments).build();
                running.add(executor.submit(() -> {
                    ItemBatchWriter writer = new ItemBatchWriter(name, keyNames, client::batchWriteItem);
                    try {
                        client.scanPaginator(request).items().forEach(writer::delete);
                        writer.flush();
                    } finally {
                        deleted.addAndGet(writer.deletes());
                        requests.addAndGet(writer.requests());
                        retries.addAndGet(writer.retries());
                    }
                }));
            }
            for (Future<?> segment : running) {
                await(segment, name, deleted);
            }
        } finally {
            executor.shutdownNow();
        }
        return new Result(name, deleted.get(), requests.get(), retries.get());
    }

    /** A scan that reads the key attributes only: less to read, and less read capacity used. */
    private static ScanRequest keysOnly(String table, List<String> keyNames) {
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 0; i < keyNames.size(); i++) {
            names.put("#k" + i, keyNames.get(i));
        }
        return ScanRequest.builder().tableName(table)
                .projectionExpression(String.join(", ", names.keySet()))
                .expressionAttributeNames(names)
                .build();
    }

    /** Waits for one segment; its failure ends the truncate (the other segments are stopped by the caller). */
    private static void await(Future<?> segment, String table, AtomicLong deleted) throws InterruptedException {
        try {
            segment.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("a truncate segment failed", e.getCause());
        } catch (InterruptedException e) {
            throw new DynctlException(ExitCode.INTERRUPTED, "Interrupted; " + ItemCount.was(deleted.get()) + " deleted from "
                    + table + ".", "Run the truncate again to delete the rest.");
        }
    }
}
