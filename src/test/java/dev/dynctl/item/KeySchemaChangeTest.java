package dev.dynctl.item;

import static dev.dynctl.item.ItemTables.item;
import static dev.dynctl.item.ItemTables.n;
import static dev.dynctl.item.ItemTables.printed;
import static dev.dynctl.item.ItemTables.s;
import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Key schemas are remembered for the life of the process (every command of a test run, as in the
 * shell). A table deleted and created again with other keys still works: a call that fails on its
 * keys describes the table again and, when the schema changed, runs once more.
 */
class KeySchemaChangeTest {
    private static void recreate(String table, String key, ScalarAttributeType type) {
        Engine.dynamo().deleteTable(b -> b.tableName(table));
        Engine.dynamo().createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(d -> d.attributeName(key).attributeType(type))
                .keySchema(k -> k.attributeName(key).keyType(KeyType.HASH)));
    }

    @Test
    void aKeyRenamedBehindOurBackIsPickedUpByGetPutQueryAndDelete() {
        String table = ItemTables.hashTable("schema-rename");
        assertThat(cli().aws("item", "put", table, "{\"id\": \"u1\"}").code()).isZero();
        recreate(table, "pk", ScalarAttributeType.S);

        Result put = cli().aws("item", "put", table, "{\"pk\": \"p1\", \"v\": 1}");
        assertThat(put.code()).as(put.toString()).isZero();
        Result get = cli().aws("item", "get", table, "--key", "pk=p1", "-o", "json");
        assertThat(get.code()).as(get.toString()).isZero();
        assertThat(printed(get.out()).get(0).get("v").asInt()).isEqualTo(1);
        Result query = cli().aws("item", "query", table, "--key", "pk=p1", "-o", "json");
        assertThat(query.code()).as(query.toString()).isZero();
        assertThat(printed(query.out())).hasSize(1);
        Result delete = cli().aws("item", "delete", table, "--key", "pk=p1");
        assertThat(delete.code()).as(delete.toString()).isZero();
        assertThat(item(table, Map.of("pk", s("p1")))).isNull();
    }

    @Test
    void aKeyRetypedBehindOurBackIsRetriedWithTheNewType() {
        String table = ItemTables.hashTable("schema-retype");
        assertThat(cli().aws("item", "update", table, "--key", "id=7", "--set", "v=1").code()).isZero();
        recreate(table, "id", ScalarAttributeType.N);

        // the remembered schema types 7 as a string; the engine refuses it, and the retry types it as a number
        Result update = cli().aws("item", "update", table, "--key", "id=7", "--set", "v=2");
        assertThat(update.code()).as(update.toString()).isZero();
        assertThat(item(table, Map.of("id", n("7")))).containsEntry("v", n("2"));
    }

    @Test
    void aWrongKeyIsStillAnErrorWhenTheSchemaDidNotChange() {
        String table = ItemTables.hashTable("schema-same");
        assertThat(cli().aws("item", "put", table, "{\"id\": \"u1\"}").code()).isZero();
        Result r = cli().aws("item", "get", table, "--key", "pk=u1");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--key names 'pk', which is not a key attribute: table " + table + " has key id (S)");
    }

    @Test
    void aTableDeletedBehindOurBackIsNotFoundAlsoInAParallelScan() {
        String table = ItemTables.hashTable("schema-gone");
        for (int i = 0; i < 20; i++) {
            String id = "u" + i;
            Engine.dynamo().putItem(b -> b.tableName(table).item(Map.of("id", s(id))));
        }
        assertThat(cli().aws("item", "scan", table, "--segments", "4", "-o", "json").code()).isZero();
        Engine.dynamo().deleteTable(b -> b.tableName(table));

        // every segment fails; the first failure is reported and nothing hangs
        Result r = cli().aws("item", "scan", table, "--segments", "4", "-o", "json");
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).contains("Table '" + table + "' not found");
        assertThat(r.out()).isEmpty();
    }
}
