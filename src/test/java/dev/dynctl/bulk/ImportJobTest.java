package dev.dynctl.bulk;

import static dev.dynctl.bulk.ImportTables.checksum;
import static dev.dynctl.bulk.ImportTables.items;
import static dev.dynctl.bulk.ImportTables.scanAll;
import static dev.dynctl.bulk.ImportTables.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import dev.dynctl.testing.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

class ImportJobTest {
    @TempDir
    Path folder;

    private static Checkpoint fresh(String table) {
        return new Checkpoint(ImportInput.STDIN, table, "the test engine", 0, 0);
    }

    private static ImportJob job(String table, int concurrency, Function<BatchWriteItemRequest, BatchWriteItemResponse> write,
                                 CheckpointFile file, Checkpoint start) {
        return new ImportJob(new ImportJob.Settings(ImportTables.keys(table), concurrency, 0, Duration.ofMillis(1)), write, file, start);
    }

    @Test
    void everyItemIsWrittenOnceWithManyWriters() {
        String table = ImportTables.create("import-exact");
        List<Map<String, AttributeValue>> items = items(3000);
        ImportReport report = job(table, 8, Engine.dynamo()::batchWriteItem, null, fresh(table)).run(source(items), null);
        assertThat(report.complete()).isTrue();
        assertThat(report.written()).isEqualTo(3000);
        assertThat(report.batches()).isEqualTo(120);
        List<Map<String, AttributeValue>> stored = scanAll(table);
        assertThat(stored).hasSize(3000);
        assertThat(checksum(stored)).isEqualTo(checksum(items));
    }

    /**
     * moto never throttles: this stands between the writers and the engine, refusing a third of
     * the calls as throttled and writing only part of another third, returning the rest unprocessed.
     */
    @Test
    void unprocessedAndThrottledWritesAreRetriedUntilExact() {
        String table = ImportTables.create("import-faults");
        AtomicInteger calls = new AtomicInteger();
        Function<BatchWriteItemRequest, BatchWriteItemResponse> faulty = request -> {
            int call = calls.incrementAndGet();
            List<WriteRequest> writes = request.requestItems().get(table);
            if (call % 3 == 0) {
                throw ProvisionedThroughputExceededException.builder().statusCode(400)
                        .awsErrorDetails(AwsErrorDetails.builder().errorCode("ProvisionedThroughputExceededException").build()).build();
            }
            int sent = call % 3 == 1 ? ThreadLocalRandom.current().nextInt(writes.size() + 1) : writes.size();
            if (sent > 0) {
                Engine.dynamo().batchWriteItem(b -> b.requestItems(Map.of(table, writes.subList(0, sent))));
            }
            List<WriteRequest> rest = writes.subList(sent, writes.size());
            return BatchWriteItemResponse.builder().unprocessedItems(rest.isEmpty() ? Map.of() : Map.of(table, rest)).build();
        };
        List<Map<String, AttributeValue>> items = items(1000);
        ImportReport report = job(table, 4, faulty, null, fresh(table)).run(source(items), null);
        assertThat(report.written()).isEqualTo(1000);
        assertThat(report.throttles()).isPositive();
        assertThat(report.retries()).isGreaterThanOrEqualTo(report.throttles());
        assertThat(report.requests()).isEqualTo(calls.get());
        List<Map<String, AttributeValue>> stored = scanAll(table);
        assertThat(stored).hasSize(1000);
        assertThat(checksum(stored)).isEqualTo(checksum(items));
    }

    @Test
    void aTableThatNeverTakesAWriteFailsAsThrottledAndKeepsTheCheckpoint() {
        String table = ImportTables.create("import-stalled");
        CheckpointFile file = new CheckpointFile(folder.resolve("c.json"));
        Function<BatchWriteItemRequest, BatchWriteItemResponse> refusing = request -> {
            throw ProvisionedThroughputExceededException.builder().statusCode(400)
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("ProvisionedThroughputExceededException").build()).build();
        };
        assertThatThrownBy(() -> job(table, 2, refusing, file, fresh(table)).run(source(items(100)), null))
                .isInstanceOfSatisfying(DynctlException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.THROTTLED));
        assertThat(file.read().watermark()).isZero();
    }

    @Test
    void resumingSkipsWhatTheCheckpointSaysIsWrittenAndDeletesItAtTheEnd() throws Exception {
        String table = ImportTables.create("import-resume");
        CheckpointFile file = new CheckpointFile(folder.resolve("c.json"));
        Checkpoint start = new Checkpoint(ImportInput.STDIN, table, "the test engine", 400, 400);
        file.write(start);
        List<Map<String, AttributeValue>> items = items(1000);
        ImportReport report = job(table, 4, Engine.dynamo()::batchWriteItem, file, start).run(source(items), null);
        assertThat(report.skipped()).isEqualTo(400);
        assertThat(report.written()).isEqualTo(600);
        assertThat(scanAll(table)).hasSize(600);
        assertThat(checksum(scanAll(table))).isEqualTo(checksum(items.subList(400, 1000)));
        assertThat(Files.exists(file.path())).isFalse();
    }

    @Test
    void aBadItemStopsTheImportWithItsPlaceAndTheWatermarkBeforeIt() {
        String table = ImportTables.create("import-bad");
        CheckpointFile file = new CheckpointFile(folder.resolve("c.json"));
        List<Map<String, AttributeValue>> items = new ArrayList<>(items(200));
        items.set(150, Map.of("name", AttributeValue.fromS("no key")));
        assertThatThrownBy(() -> job(table, 1, Engine.dynamo()::batchWriteItem, file, fresh(table)).run(source(items), null))
                .isInstanceOfSatisfying(DynctlException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.getMessage()).startsWith("Item 151 of test items has no key attributes");
                });
        assertThat(file.read().watermark()).isLessThanOrEqualTo(150);
    }

    @Test
    void twoPutsOfOneKeyGoInSeparateBatches() {
        String table = ImportTables.create("import-dup");
        List<Map<String, AttributeValue>> items = new ArrayList<>(items(10));
        items.add(Map.of("id", AttributeValue.fromS("item-3"), "n", AttributeValue.fromN("33")));
        ImportReport report = job(table, 1, Engine.dynamo()::batchWriteItem, null, fresh(table)).run(source(items), null);
        assertThat(report.batches()).isEqualTo(2);
        assertThat(scanAll(table)).hasSize(10).contains(Map.of("id", AttributeValue.fromS("item-3"), "n", AttributeValue.fromN("33")));
    }

    @Test
    void theWatermarkWaitsForTheEarliestUnfinishedBatch() {
        CompletedRanges ranges = new CompletedRanges(100);
        ranges.complete(125, 150);
        ranges.complete(150, 175);
        assertThat(ranges.watermark()).isEqualTo(100);
        ranges.complete(100, 125);
        assertThat(ranges.watermark()).isEqualTo(175);
    }

    @Test
    void theRateLimitHoldsWritesToItsUnitsPerSecond() throws Exception {
        WriteRateLimit limit = new WriteRateLimit(1000);
        long began = System.nanoTime();
        for (int i = 0; i < 60; i++) {
            limit.acquire(25);
        }
        // 1500 units: the first second's 1000 at once, the other 500 at 1000 a second
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isGreaterThanOrEqualTo(Duration.ofMillis(450));
    }

    @Test
    void anItemCostsOneWriteUnitPerKilobyteRoundedUp() {
        assertThat(ItemSize.writeUnits(Map.of("id", AttributeValue.fromS("a")))).isEqualTo(1);
        assertThat(ItemSize.writeUnits(Map.of("id", AttributeValue.fromS("a"), "pad", AttributeValue.fromS("x".repeat(1024))))).isEqualTo(2);
        assertThat(ItemSize.writeUnits(Map.of("id", AttributeValue.fromS("x".repeat(3000))))).isEqualTo(3);
    }
}
