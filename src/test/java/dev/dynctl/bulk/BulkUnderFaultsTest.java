package dev.dynctl.bulk;

import static dev.dynctl.bulk.ImportTables.checksum;
import static dev.dynctl.bulk.ImportTables.create;
import static dev.dynctl.bulk.ImportTables.items;
import static dev.dynctl.bulk.ImportTables.scanAll;
import static dev.dynctl.bulk.ImportTables.writeDdbJsonLines;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.testing.Cli;
import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import dev.dynctl.testing.FaultProxy;
import dev.dynctl.testing.MotoServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Import and export through a proxy that answers 20% of requests with a fault instead of the
 * engine (HTTP 500, throttling, part of a batch left unprocessed): both still move every item
 * exactly once.
 */
class BulkUnderFaultsTest {
    private static final int ITEMS = 1500;

    @TempDir
    Path folder;

    private static Result dynctl(FaultProxy proxy, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--endpoint-url", proxy.endpoint().toString(), "--region", Cli.REGION));
        return Cli.cli().run(all.toArray(String[]::new));
    }

    @Test
    void importUnderFaultsWritesEveryItemExactlyOnce() throws Exception {
        String table = create("import-faults");
        List<Map<String, AttributeValue>> items = items(ITEMS);
        Path file = folder.resolve("items.ddb.jsonl");
        writeDdbJsonLines(file, items);

        try (FaultProxy proxy = FaultProxy.to(MotoServer.get().endpoint()).share(0.2).seed(11).only("BatchWriteItem").start()) {
            Result r = dynctl(proxy, "table", "import", table, "--from", file.toString(), "-o", "json");

            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(proxy.injectedTotal()).isPositive();
        }
        List<Map<String, AttributeValue>> stored = scanAll(table);
        assertThat(stored).hasSize(ITEMS);
        assertThat(checksum(stored)).isEqualTo(checksum(items));
    }

    @Test
    void exportUnderFaultsWritesEveryItemExactlyOnce() throws Exception {
        String table = create("export-faults");
        List<Map<String, AttributeValue>> items = items(ITEMS);
        for (int i = 0; i < items.size(); i += 25) {
            List<Map<String, AttributeValue>> chunk = items.subList(i, Math.min(items.size(), i + 25));
            Engine.dynamo().batchWriteItem(b -> b.requestItems(Map.of(table, chunk.stream()
                    .map(item -> WriteRequest.builder()
                            .putRequest(p -> p.item(item)).build()).toList())));
        }
        Path file = folder.resolve("export.jsonl");

        try (FaultProxy proxy = FaultProxy.to(MotoServer.get().endpoint()).share(0.2).seed(5).only("Scan").start()) {
            Result r = dynctl(proxy, "table", "export", table, "--to", file.toString(), "--segments", "16");
            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(proxy.injectedTotal()).isPositive();
        }
        List<Map<String, AttributeValue>> exported = new ArrayList<>();
        try (ItemSource source = ItemSources.open(file.toString(), null, System.in)) {
            source.forEachRemaining(entry -> exported.add(entry.item()));
        }
        assertThat(exported).hasSize(ITEMS);
        assertThat(checksum(exported)).isEqualTo(checksum(items));
    }
}
