package dev.dynctl.bulk;

import dev.dynctl.dynamo.ItemPlaceholders;
import dev.dynctl.dynamo.ScanSegments;
import dev.dynctl.dynamo.TableDetails;
import dev.dynctl.dynamo.expression.Condition;
import dev.dynctl.error.DynctlException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Writes a table's items to a stream in one format: a parallel scan whose segments feed one
 * writer (this thread) through {@link ScanSegments}' bounded queue, so memory stays constant and
 * items never interleave mid-line. The bytes written are counted and hashed for the manifest.
 * {@link #stop} (Ctrl-C) ends it early with what was written so far, well-formed.
 */
public final class TableExport {
    /** One segment per this many items or bytes of the table, whichever gives more. */
    static final long ITEMS_PER_SEGMENT = 100_000;
    static final long BYTES_PER_SEGMENT = 1L << 30;
    /** As many segments as {@link ScanSegments} runs at once. */
    static final int MAX_DEFAULT_SEGMENTS = 16;

    /**
     * What to export and how.
     *
     * @param segments null for {@link #defaultSegments}
     * @param rateLimit null for no limit, else read capacity units per second
     * @param attributes the attributes to keep (empty: all)
     * @param filter null, or the condition an item must meet
     */
    public record Request(String table, BulkFormat format, boolean gzip, Integer segments, Double rateLimit,
                          List<String> attributes, Condition filter) {
    }

    /**
     * What was written: items, bytes of the file (compressed when gzip), its SHA-256, and when.
     *
     * @param stopped true when {@link #stop} ended the export before the last item
     */
    public record Result(long items, long bytes, String sha256, int segments, Instant started, Instant finished,
                         boolean stopped) {
    }

    /** Told of the export's advance, from the writing thread. */
    public interface Progress {
        /** @param expectedItems the table's ItemCount (DynamoDB updates it about every six hours), or -1 */
        void started(long expectedItems, int segments);

        void exported(long items);
    }

    private final DynamoDbClient client;
    private volatile boolean stopped;
    private volatile ScanSegments scanning;

    public TableExport(DynamoDbClient client) {
        this.client = client;
    }

    /**
     * The default number of segments: one per {@value #ITEMS_PER_SEGMENT} items or per GiB of the
     * table (as DescribeTable reports them), at least 1 and at most {@value #MAX_DEFAULT_SEGMENTS}.
     */
    public static int defaultSegments(TableDescription table) {
        long items = table.itemCount() == null ? 0 : table.itemCount();
        long bytes = table.tableSizeBytes() == null ? 0 : table.tableSizeBytes();
        long wanted = Math.max(ceilDiv(items, ITEMS_PER_SEGMENT), ceilDiv(bytes, BYTES_PER_SEGMENT));
        return (int) Math.max(1, Math.min(MAX_DEFAULT_SEGMENTS, wanted));
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    /** Exports the table {@code details} describes into {@code out}, which is flushed but left open. */
    public Result run(Request request, TableDetails details, OutputStream out, Progress progress) throws IOException {
        int segments = request.segments() == null ? defaultSegments(details.table()) : request.segments();
        if (segments < 1 || segments > 1_000_000) {
            throw DynctlException.usage("--segments must be between 1 and 1000000, not " + segments + ".");
        }
        CapacityBudget budget = request.rateLimit() == null ? null : new CapacityBudget(request.rateLimit());
        ScanRequest scan = scanRequest(request);
        Instant started = Instant.now();
        Long itemCount = details.table().itemCount();
        progress.started(itemCount == null ? -1 : itemCount, segments);
        ExportStream counted = new ExportStream(out);
        OutputStream file = request.gzip() ? new GZIPOutputStream(counted, 1 << 16) : new BufferedOutputStream(counted, 1 << 16);
        long items = 0;
        try (ScanSegments scanned = new ScanSegments(segments, segment -> segmentItems(client, scan, segment, segments, budget));
             ItemOutput output = ItemOutputs.open(request.format(), file, columns(request, details.table()), !request.attributes().isEmpty())) {
            scanning = scanned;
            if (stopped) {
                scanned.close();
            }
            for (Map<String, AttributeValue> item : scanned) {
                if (stopped) {
                    break;
                }
                output.write(item);
                progress.exported(++items);
            }
            // stopped or not, the items written so far make a file that reads to its end
            output.finish();
        }
        if (file instanceof GZIPOutputStream gzip) {
            gzip.finish();
        }
        file.flush();
        return new Result(items, counted.bytes(), counted.sha256(), segments, started, Instant.now(), stopped);
    }

    /**
     * Asks a running export to end soon (Ctrl-C), from any thread: the scan stops and the items
     * already written are finished off as a well-formed file.
     */
    public void stop() {
        stopped = true;
        ScanSegments running = scanning;
        if (running != null) {
            running.close();
        }
    }

    private static ScanRequest scanRequest(Request request) {
        ItemPlaceholders placeholders = new ItemPlaceholders();
        String projection = request.attributes().isEmpty() ? null : placeholders.projection(request.attributes());
        String filter = request.filter() == null ? null : request.filter().compile(placeholders);
        return ScanRequest.builder()
                .tableName(request.table())
                .projectionExpression(projection)
                .filterExpression(filter)
                .expressionAttributeNames(placeholders.names())
                .expressionAttributeValues(placeholders.values())
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .build();
    }

    /** One segment's items, page by page; with a budget, each page's capacity is paid before the next is asked for. */
    static Iterable<Map<String, AttributeValue>> segmentItems(DynamoDbClient client, ScanRequest scan, int segment, int segments,
                                                              CapacityBudget budget) {
        ScanRequest request = segments == 1 ? scan : scan.toBuilder().segment(segment).totalSegments(segments).build();
        return () -> client.scanPaginator(request).stream()
                .peek(page -> {
                    if (budget != null) {
                        budget.spend(consumed(page));
                    }
                })
                .flatMap(page -> page.items().stream())
                .iterator();
    }

    /**
     * The read capacity a page used. An engine that does not report it (some emulators) is taken
     * to have read 4 KB per item at eventual consistency: half a unit each.
     */
    private static double consumed(ScanResponse page) {
        if (page.consumedCapacity() != null && page.consumedCapacity().capacityUnits() != null) {
            return page.consumedCapacity().capacityUnits();
        }
        return page.count() == null ? 0 : page.count() * 0.5;
    }

    /** csv's columns: --attrs when given, else the key first and then every attribute seen. */
    private static List<String> columns(Request request, TableDescription table) {
        if (!request.attributes().isEmpty()) {
            return request.attributes();
        }
        return table.keySchema().stream().sorted((a, b) -> a.keyTypeAsString().compareTo(b.keyTypeAsString()))
                .map(KeySchemaElement::attributeName).toList();
    }
}
