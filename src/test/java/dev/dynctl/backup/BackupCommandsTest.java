package dev.dynctl.backup;

import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.codec.Json;
import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class BackupCommandsTest {
    @Test
    void createListDescribeRestoreAndDelete() {
        String table = table("orders", 20);
        String name = Engine.uniqueName("before");

        JsonNode created = json(cli().aws("backup", "create", table, "--name", name, "--wait", "-o", "json"));
        assertThat(created.path("name").asText()).isEqualTo(name);
        assertThat(created.path("table").asText()).isEqualTo(table);
        assertThat(created.path("status").asText()).isEqualTo("AVAILABLE");
        assertThat(created.path("type").asText()).isEqualTo("USER");
        String arn = created.path("arn").asText();
        assertThat(arn).startsWith("arn:aws:dynamodb:").contains(table);

        JsonNode listed = json(cli().aws("backup", "list", table, "-o", "json"));
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("arn").asText()).isEqualTo(arn);

        JsonNode described = json(cli().aws("backup", "describe", name, "-o", "json"));
        assertThat(described.path("arn").asText()).isEqualTo(arn);
        assertThat(described.path("source").path("name").asText()).isEqualTo(table);
        assertThat(described.path("source").path("partitionKey").asText()).isEqualTo("id");
        assertThat(json(cli().aws("backup", "describe", arn, "-o", "json")).path("name").asText()).isEqualTo(name);

        String restored = Engine.uniqueName("restored");
        Result restore = cli().aws("backup", "restore", name, "--to", restored, "--wait", "-o", "json");
        assertThat(json(restore).path("name").asText()).isEqualTo(restored);
        assertThat(restore.err()).contains("Restored backup '" + name + "' into table '" + restored + "'.");
        assertThat(items(restored)).isEqualTo(items(table)).hasSize(20);

        Result deleted = cli().aws("backup", "delete", name, "--yes", "-o", "json");
        assertThat(json(deleted).path("arn").asText()).isEqualTo(arn);
        assertThat(deleted.err()).contains("Deleted backup '" + name + "'.");
        Result gone = cli().aws("backup", "describe", arn);
        assertThat(gone.code()).as(gone.toString()).isEqualTo(3);
        assertThat(json(cli().aws("backup", "list", table, "-o", "json"))).isEmpty();
    }

    @Test
    void aBackupWithoutANameIsNamedAfterTheTableAndTheTime() {
        String table = table("unnamed", 1);
        Result r = cli().aws("backup", "create", table, "-o", "json");
        assertThat(json(r).path("name").asText()).matches(java.util.regex.Pattern.quote(table) + "-\\d{8}-\\d{6}");
        assertThat(r.err()).contains("Backup '" + table + "-", "of table '" + table + "' is AVAILABLE.");
    }

    @Test
    void aNameOfSeveralBackupsIsAmbiguousAndListsTheirArns() {
        String name = Engine.uniqueName("twin");
        String first = json(cli().aws("backup", "create", table("left", 1), "--name", name, "-o", "json")).path("arn").asText();
        String second = json(cli().aws("backup", "create", table("right", 1), "--name", name, "-o", "json")).path("arn").asText();
        String target = Engine.uniqueName("never");

        Result r = cli().aws("backup", "restore", name, "--to", target);
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("matches 2 backups", first, second, "ARN");
        assertThat(exists(target)).isFalse();
    }

    @Test
    void anUnknownNameIsNotFoundWithTheNearNames() {
        String name = Engine.uniqueName("nightly");
        cli().aws("backup", "create", table("near", 1), "--name", name);
        Result r = cli().aws("backup", "describe", name + "x");
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).contains("Backup '" + name + "x' not found", "Did you mean '" + name + "'?");
    }

    @Test
    void aRestoreNeverOverwritesATable() {
        String table = table("source", 3);
        String existing = table("occupied", 1);
        String name = json(cli().aws("backup", "create", table, "-o", "json")).path("name").asText();
        Result r = cli().aws("backup", "restore", name, "--to", existing);
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("Table '" + existing + "' already exists");
        assertThat(items(existing)).hasSize(1);
    }

    @Test
    void deleteAsksAndNoInputRefuses() {
        String name = Engine.uniqueName("guarded");
        cli().aws("backup", "create", table("guarded", 1), "--name", name);

        Result refused = cli().aws("backup", "delete", name, "--no-input");
        assertThat(refused.code()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.err()).contains("--no-input", "--yes");
        Result wrong = cli().stdin("no\n").aws("backup", "delete", name);
        assertThat(wrong.code()).as(wrong.toString()).isEqualTo(2);
        assertThat(cli().aws("backup", "describe", name).code()).isZero();

        Result typed = cli().stdin(name + "\n").aws("backup", "delete", name, "-o", "json");
        assertThat(typed.code()).as(typed.toString()).isZero();
        assertThat(typed.err()).contains("Delete backup '" + name + "'", "Type '" + name + "' to confirm");
        assertThat(cli().aws("backup", "describe", name).code()).isEqualTo(3);
    }

    @Test
    void pointInTimeRecoveryOnStatusOff() {
        String table = table("pitr", 1);
        assertThat(json(cli().aws("backup", "pitr", table, "status", "-o", "json")).path("status").asText()).isEqualTo("DISABLED");

        Result on = cli().aws("backup", "pitr", table, "on", "-o", "json");
        assertThat(json(on).path("status").asText()).isEqualTo("ENABLED");
        assertThat(on.err()).contains("Point-in-time recovery is ENABLED for table '" + table + "'.");
        JsonNode status = json(cli().aws("backup", "pitr", table, "status", "-o", "json"));
        assertThat(status.path("earliestRestorable").asText()).isNotEmpty();
        assertThat(status.path("latestRestorable").asText()).isNotEmpty();

        assertThat(json(cli().aws("backup", "pitr", table, "off", "-o", "json")).path("status").asText()).isEqualTo("DISABLED");
    }

    @Test
    void restoresATableToTheLatestRestorableTime() {
        String table = table("recent", 7);
        String target = Engine.uniqueName("recent-copy");
        Result off = cli().aws("backup", "restore", "--table", table, "--to-time", "latest", "--to", target);
        assertThat(off.code()).as(off.toString()).isEqualTo(1);
        assertThat(off.err()).contains("Point-in-time recovery is not on", "dynctl backup pitr " + table + " on");

        cli().aws("backup", "pitr", table, "on");
        Result r = cli().aws("backup", "restore", "--table", table, "--to-time", "latest", "--to", target, "--wait", "-o", "json");
        assertThat(json(r).path("name").asText()).isEqualTo(target);
        assertThat(items(target)).isEqualTo(items(table)).hasSize(7);
    }

    @Test
    void aTimeBeforeTheWindowOrNotATimeIsRefused() {
        String table = table("window", 1);
        cli().aws("backup", "pitr", table, "on");
        String target = Engine.uniqueName("never");
        Result early = cli().aws("backup", "restore", "--table", table, "--to-time", "2h ago", "--to", target);
        assertThat(early.code()).as(early.toString()).isEqualTo(2);
        assertThat(early.err()).contains("at the earliest");
        Result garbage = cli().aws("backup", "restore", "--table", table, "--to-time", "yesterday-ish", "--to", target);
        assertThat(garbage.code()).as(garbage.toString()).isEqualTo(2);
        assertThat(garbage.err()).contains("is not a time");
        Result zoneless = cli().aws("backup", "restore", "--table", table, "--to-time", "2024-05-01T10:00:00", "--to", target);
        assertThat(zoneless.code()).as(zoneless.toString()).isEqualTo(2);
        assertThat(zoneless.err()).contains("with a zone");
        assertThat(exists(target)).isFalse();
    }

    @Test
    void restoreNeedsABackupOrATableAndNotBoth() {
        assertThat(cli().aws("backup", "restore", "--to", "x").code()).isEqualTo(2);
        assertThat(cli().aws("backup", "restore", "b", "--table", "t", "--to-time", "latest", "--to", "x").code()).isEqualTo(2);
        assertThat(cli().aws("backup", "restore", "--table", "t", "--to", "x").code()).isEqualTo(2);
        assertThat(cli().aws("backup", "restore", "b", "--to-time", "latest", "--to", "x").code()).isEqualTo(2);
    }

    @Test
    void listFiltersByTypeAndTime() {
        String table = table("filtered", 1);
        cli().aws("backup", "create", table);
        assertThat(json(cli().aws("backup", "list", table, "--type", "user", "-o", "json"))).hasSize(1);
        assertThat(json(cli().aws("backup", "list", table, "--type", "system", "-o", "json"))).isEmpty();
        assertThat(json(cli().aws("backup", "list", table, "--since", "1h ago", "-o", "json"))).hasSize(1);
        assertThat(json(cli().aws("backup", "list", table, "--since", "2999-01-01", "-o", "json"))).isEmpty();
        assertThat(cli().aws("backup", "list", "--type", "weekly").code()).isEqualTo(2);
    }

    @Test
    void aMissingTableIsNotFound() {
        String missing = Engine.uniqueName("nowhere");
        Result create = cli().aws("backup", "create", missing);
        assertThat(create.code()).as(create.toString()).isEqualTo(3);
        assertThat(create.err()).contains("Table '" + missing + "' not found");
        assertThat(cli().aws("backup", "pitr", missing, "status").code()).isEqualTo(3);
    }

    /** A table with a string key {@code id} and {@code count} items. */
    private static String table(String prefix, int count) {
        String name = Engine.uniqueName(prefix);
        Engine.dynamo().createTable(b -> b.tableName(name)
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .billingMode(BillingMode.PAY_PER_REQUEST));
        for (int i = 0; i < count; i++) {
            Map<String, AttributeValue> item = Map.of("id", AttributeValue.fromS("k" + i), "n", AttributeValue.fromN(String.valueOf(i)),
                    "tags", AttributeValue.fromSs(List.of("a", "b" + i)));
            Engine.dynamo().putItem(b -> b.tableName(name).item(item));
        }
        return name;
    }

    private static List<Map<String, AttributeValue>> items(String table) {
        List<Map<String, AttributeValue>> items = new ArrayList<>(Engine.dynamo().scan(b -> b.tableName(table)).items());
        items.sort(java.util.Comparator.comparing(item -> item.get("id").s()));
        return items;
    }

    private static boolean exists(String table) {
        try {
            Engine.dynamo().describeTable(b -> b.tableName(table));
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }

    private static JsonNode json(Result result) {
        assertThat(result.code()).as(result.toString()).isZero();
        try {
            return Json.MAPPER.readTree(result.out());
        } catch (IOException e) {
            throw new UncheckedIOException(result.toString(), e);
        }
    }
}
