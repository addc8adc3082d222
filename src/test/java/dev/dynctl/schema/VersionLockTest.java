package dev.dynctl.schema;

import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Optimistic locking on the schema's version attribute: put and update count it up and check it. */
class VersionLockTest {
    @TempDir
    Path dir;

    private String table;
    private Path project;

    @BeforeEach
    void versionedTable() throws Exception {
        table = Engine.uniqueName("locked");
        Engine.dynamo().createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(d -> d.attributeName("id").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));
        project = Files.writeString(dir.resolve("dynctl.yaml"), """
                tables:
                  accounts:
                    name: %s
                    schema:
                      version: rev
                      attributes:
                        balance: number
                """.formatted(table));
    }

    private Result dynctl(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--project";
        all[1] = project.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return cli().aws(all);
    }

    private Map<String, AttributeValue> stored() {
        return Engine.dynamo().getItem(b -> b.tableName(table).key(Map.of("id", AttributeValue.fromS("a1"))).consistentRead(true)).item();
    }

    private String rev() {
        return stored().get("rev").n();
    }

    @Test
    void putCreatesVersionOneAndReplacesOnlyTheVersionItHolds() {
        assertThat(dynctl("item", "put", table, "{\"id\": \"a1\", \"balance\": 10}").code()).isZero();
        assertThat(rev()).isEqualTo("1");

        Result again = dynctl("item", "put", table, "{\"id\": \"a1\", \"balance\": 99}");
        assertThat(again.code()).as(again.toString()).isEqualTo(4);
        assertThat(again.err()).contains("Version conflict: item id=a1 in table " + table + " already exists at rev 1")
                .contains("rev: 1");
        assertThat(stored().get("balance").n()).isEqualTo("10");

        assertThat(dynctl("item", "put", table, "{\"id\": \"a1\", \"balance\": 20, \"rev\": 1}").code()).isZero();
        assertThat(rev()).isEqualTo("2");

        Result stale = dynctl("item", "put", table, "{\"id\": \"a1\", \"balance\": 30, \"rev\": 1}");
        assertThat(stale.code()).as(stale.toString()).isEqualTo(4);
        assertThat(stale.err()).contains("is at rev 2, and this write expected 1").contains("Nothing was written");
        assertThat(stored().get("balance").n()).isEqualTo("20");
    }

    @Test
    void updateCountsTheVersionUpAndChecksTheExpectedOne() {
        assertThat(dynctl("item", "update", table, "--key", "id=a1", "--set", "balance=5").code()).isZero();
        assertThat(rev()).isEqualTo("1");
        assertThat(dynctl("item", "update", table, "--key", "id=a1", "--update", "SET balance = balance + 5").code()).isZero();
        assertThat(rev()).isEqualTo("2");
        assertThat(stored().get("balance").n()).isEqualTo("10");

        Result stale = dynctl("item", "update", table, "--key", "id=a1", "--set", "balance=0", "--expect-version", "1");
        assertThat(stale.code()).as(stale.toString()).isEqualTo(4);
        assertThat(stale.err()).contains("is at rev 2, and this write expected 1");
        assertThat(stored().get("balance").n()).isEqualTo("10");

        Result current = dynctl("item", "update", table, "--key", "id=a1", "--set", "balance=0", "--expect-version", "2");
        assertThat(current.code()).as(current.toString()).isZero();
        assertThat(rev()).isEqualTo("3");
    }

    @Test
    void aFailedIfIsReportedAsTheConditionNotTheVersion() {
        assertThat(dynctl("item", "put", table, "{\"id\": \"a1\", \"balance\": 10}").code()).isZero();

        Result r = dynctl("item", "update", table, "--key", "id=a1", "--set", "balance=0", "--expect-version", "1",
                "--if", "balance > 100");

        assertThat(r.code()).as(r.toString()).isEqualTo(4);
        assertThat(r.err()).contains("Condition not met").contains("balance > 100").doesNotContain("Version conflict");
    }

    @Test
    void theVersionIsDynctlsToCountAndBatchesCannotCheckIt() throws Exception {
        Result set = dynctl("item", "update", table, "--key", "id=a1", "--set", "rev=7");
        assertThat(set.code()).as(set.toString()).isEqualTo(2);
        assertThat(set.err()).contains("rev is the version attribute");

        Result many = dynctl("item", "put", table, "{\"id\": \"a1\"}", "{\"id\": \"a2\"}");
        assertThat(many.code()).as(many.toString()).isEqualTo(2);
        assertThat(many.err()).contains("keeps a version in rev");

        Path unversioned = Files.writeString(dir.resolve("plain.yaml"), "tables:\n  accounts:\n    name: " + table + "\n");
        Result noVersion = cli().aws("item", "update", table, "--key", "id=a1", "--set", "balance=1", "--expect-version", "1",
                "--project", unversioned.toString());
        assertThat(noVersion.code()).as(noVersion.toString()).isEqualTo(2);
        assertThat(noVersion.err()).contains("--expect-version needs a version attribute, and table " + table
                + " has no schema in the project file.");
        assertThat(stored()).isEmpty();
    }
}
