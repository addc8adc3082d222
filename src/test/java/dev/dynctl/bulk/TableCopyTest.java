package dev.dynctl.bulk;

import static dev.dynctl.bulk.ImportTables.checksum;
import static dev.dynctl.bulk.ImportTables.items;
import static dev.dynctl.bulk.ImportTables.scanAll;
import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import dev.dynctl.testing.MotoServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** `table copy` as a user runs it: the report, the destination's definition and items, and the refusals. */
class TableCopyTest {
    private static final String OTHER_REGION = "us-west-2";

    @Test
    void copiesWithinOneTargetCreatingTheDestinationFromTheSource() throws Exception {
        String source = TableImportCreateTest.exportedShape("copy-src", 700);
        String destination = Engine.uniqueName("copy-dst");
        Result r = cli().aws("table", "copy", source, destination, "--segments", "3", "--concurrency", "4", "-o", "json");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("\"written\": 700").contains("\"created\": true").contains("\"source\": \"" + source + "\"");
        assertThat(TableShapes.shape(destination)).isEqualTo(TableShapes.shape(source));
        assertThat(checksum(scanAll(destination))).isEqualTo(checksum(scanAll(source)));
    }

    @Test
    void copiesToAnotherRegionOfTheSameEndpoint() throws Exception {
        String source = TableImportCreateTest.exportedShape("copy-region", 150);
        Result r = cli().aws("table", "copy", source, source, "--to-region", OTHER_REGION, "-o", "json");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("\"written\": 150").contains("region " + OTHER_REGION);
        try (DynamoDbClient other = client(OTHER_REGION)) {
            List<Map<String, AttributeValue>> copied = other.scanPaginator(b -> b.tableName(source)).items().stream().toList();
            assertThat(checksum(copied)).isEqualTo(checksum(scanAll(source)));
        }
        assertThat(TableShapes.shape(source, "--endpoint-url", MotoServer.get().endpoint().toString(), "--region", OTHER_REGION))
                .isEqualTo(TableShapes.shape(source));
    }

    @Test
    void aDestinationWithItemsIsRefusedUnlessIntoExisting() throws Exception {
        String source = ImportTables.create("copy-full-src");
        String destination = ImportTables.create("copy-full-dst");
        items(40).forEach(item -> Engine.dynamo().putItem(b -> b.tableName(source).item(item)));
        Engine.dynamo().putItem(b -> b.tableName(destination).item(Map.of("id", AttributeValue.fromS("already"))));

        Result r = cli().aws("table", "copy", source, destination);
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("already holds items").contains("--into-existing");
        assertThat(scanAll(destination)).hasSize(1);

        r = cli().aws("table", "copy", source, destination, "--into-existing", "-o", "json");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("\"created\": false");
        assertThat(scanAll(destination)).hasSize(41);

        // run again: the same puts leave the same items
        r = cli().aws("table", "copy", source, destination, "--into-existing", "-o", "json");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(scanAll(destination)).hasSize(41);
    }

    @Test
    void anEmptyDestinationWithTheSameKeysIsUsedAndOtherKeysAreBadInput() throws Exception {
        String source = ImportTables.create("copy-keys-src");
        items(5).forEach(item -> Engine.dynamo().putItem(b -> b.tableName(source).item(item)));
        String empty = ImportTables.create("copy-keys-empty");
        Result r = cli().aws("table", "copy", source, empty, "-o", "json");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(scanAll(empty)).hasSize(5);

        String otherKeys = TableImportCreateTest.exportedShape("copy-keys-other", 0);
        r = cli().aws("table", "copy", source, otherKeys);
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("exists").contains("with keys id (S), n (N), not id (S)");
    }

    @Test
    void aMissingSourceIsNotFoundAndTheSameTableIsRefused() {
        String missing = Engine.uniqueName("copy-missing");
        Result r = cli().aws("table", "copy", missing, Engine.uniqueName("copy-none"));
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).contains(missing);

        String source = ImportTables.create("copy-self");
        r = cli().aws("table", "copy", source, source);
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("the same table");

        r = cli().aws("table", "copy", source, "x" + source, "--to-local", "--to-endpoint", "http://localhost:1");
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("--to-local and --to-endpoint");
    }

    private static DynamoDbClient client(String region) {
        return DynamoDbClient.builder()
                .endpointOverride(MotoServer.get().endpoint())
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }
}
