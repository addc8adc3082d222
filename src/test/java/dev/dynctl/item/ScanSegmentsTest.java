package dev.dynctl.item;

import static dev.dynctl.item.ItemTables.n;
import static dev.dynctl.item.ItemTables.printed;
import static dev.dynctl.item.ItemTables.s;
import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.dynctl.dynamo.ScanSegments;
import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** A parallel scan never leaves its reader waiting, and stops its segments when reading stops early. */
class ScanSegmentsTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private static List<Map<String, AttributeValue>> items(int segment, int count) {
        return IntStream.range(0, count).mapToObj(i -> Map.of("id", s(segment + "-" + i))).toList();
    }

    @Test
    void aSegmentThatDiesWithAnErrorStillEndsTheScanWithThatError() {
        // an Error (not an exception) used to end the segment's thread without a word, and the reader waited forever
        ScanSegments scan = new ScanSegments(4, segment -> {
            if (segment == 2) {
                return () -> {
                    throw new StackOverflowError("segment 2 died");
                };
            }
            return items(segment, 50);
        });
        assertTimeoutPreemptively(PATIENCE, () -> {
            List<Map<String, AttributeValue>> read = new ArrayList<>();
            assertThatThrownBy(() -> scan.forEach(read::add)).isInstanceOf(StackOverflowError.class).hasMessage("segment 2 died");
            scan.close();
        });
    }

    @Test
    void theFirstFailureIsReportedWhenEverySegmentFails() {
        ScanSegments scan = new ScanSegments(8, segment -> () -> {
            throw new IllegalStateException("segment " + segment + " failed");
        });
        assertTimeoutPreemptively(PATIENCE, () -> {
            assertThatThrownBy(() -> scan.forEach(item -> { })).isInstanceOf(IllegalStateException.class).hasMessageEndingWith("failed");
            scan.close();
        });
    }

    @Test
    void everyItemOfEverySegmentArrivesWhenNoneFails() {
        ScanSegments scan = new ScanSegments(5, segment -> items(segment, 300));
        List<Map<String, AttributeValue>> read = new ArrayList<>();
        assertTimeoutPreemptively(PATIENCE, () -> scan.forEach(read::add));
        scan.close();
        assertThat(read).hasSize(1500).doesNotHaveDuplicates();
    }

    @Test
    void aLimitedScanStopsItsSegmentsOnceTheOutputHasEnough() throws Exception {
        String table = ItemTables.compositeTable("scan-stop", ScalarAttributeType.N, false);
        List<WriteRequest> writes = IntStream.range(0, 200).mapToObj(i -> WriteRequest.builder().putRequest(PutRequest.builder()
                .item(Map.of("pk", s("p" + i % 10), "sk", n(String.valueOf(i)))).build()).build()).toList();
        for (int from = 0; from < writes.size(); from += 25) {
            List<WriteRequest> batch = writes.subList(from, from + 25);
            Engine.dynamo().batchWriteItem(b -> b.requestItems(Map.of(table, batch)));
        }
        Result r = cli().aws("item", "scan", table, "--segments", "4", "--page-size", "1", "--limit", "3", "-o", "jsonl");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(printed(r.out())).hasSize(3);
        // closing the stream stopped the segments: no thread goes on asking for pages
        Instant deadline = Instant.now().plus(PATIENCE);
        while (scanThreads() > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(scanThreads()).isZero();
    }

    private static long scanThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("dynctl-scan") && t.isAlive()).count();
    }
}
