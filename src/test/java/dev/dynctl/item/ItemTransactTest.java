package dev.dynctl.item;

import static dev.dynctl.item.ItemTables.item;
import static dev.dynctl.item.ItemTables.n;
import static dev.dynctl.item.ItemTables.s;
import static dev.dynctl.item.ItemTables.scanAll;
import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import dev.dynctl.testing.StubEndpoint;
import dev.dynctl.testing.StubEndpoint.Answer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class ItemTransactTest {
    @TempDir
    Path dir;

    /** users u2 (n 1, nick) and u3, accounts a1 with this balance. */
    private static String[] tables(String balance) {
        String users = ItemTables.hashTable("tx-users");
        String accounts = ItemTables.hashTable("tx-accounts");
        Engine.dynamo().putItem(b -> b.tableName(users).item(Map.of("id", s("u2"), "n", n("1"), "nick", s("Al"))));
        Engine.dynamo().putItem(b -> b.tableName(users).item(Map.of("id", s("u3"))));
        Engine.dynamo().putItem(b -> b.tableName(accounts).item(Map.of("id", s("a1"), "balance", n(balance))));
        return new String[] {users, accounts};
    }

    private Path operations(String[] tables) throws Exception {
        return Files.writeString(dir.resolve("ops.yaml"), """
                - put:    {table: USERS, item: {id: u1, name: Ada}, if: "attribute_not_exists(id)"}
                - update: {table: USERS, key: {id: u2}, set: {status: active}, remove: [nick], add: {visits: 1},
                           update: "SET n = n + 1", if: "n < 10"}
                - delete: {table: USERS, key: "id=u3"}
                - check:  {table: ACCOUNTS, key: {id: a1}, if: "balance >= 100"}
                """.replace("USERS", tables[0]).replace("ACCOUNTS", tables[1]));
    }

    @Test
    void writesEveryOperationAcrossTwoTables() throws Exception {
        String[] tables = tables("150");
        Result r = cli().aws("item", "transact", operations(tables).toString());

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("Transaction done: 4 operations on " + tables[0] + ", " + tables[1]
                + " (1 put, 1 update, 1 delete, 1 check).\n");
        assertThat(item(tables[0], Map.of("id", s("u1")))).isEqualTo(Map.of("id", s("u1"), "name", s("Ada")));
        assertThat(item(tables[0], Map.of("id", s("u2"))))
                .isEqualTo(Map.of("id", s("u2"), "n", n("2"), "status", s("active"), "visits", n("1")));
        assertThat(item(tables[0], Map.of("id", s("u3")))).isNull();
    }

    @Test
    void aCancelledTransactionSaysWhyForEachOperationAndWritesNothing() throws Exception {
        String[] tables = tables("50");
        Path file = operations(tables);
        Result r = cli().aws("item", "transact", file.toString());

        assertThat(r.code()).as(r.toString()).isEqualTo(4);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().toList()).containsExactly(
                "Operation 1 (put " + tables[0] + " id=u1, " + file + " line 1, column 3): None (it was fine; the others cancelled it)",
                "Operation 2 (update " + tables[0] + " id=u2, " + file + " line 2, column 3): None (it was fine; the others cancelled it)",
                "Operation 3 (delete " + tables[0] + " id=u3, " + file + " line 4, column 3): None (it was fine; the others cancelled it)",
                "Operation 4 (check " + tables[1] + " id=a1, " + file + " line 5, column 3): ConditionalCheckFailed: "
                        + "'balance >= 100' is false; the item is {\"id\":\"a1\",\"balance\":50}",
                "Error: Transaction cancelled by operation 4 (ConditionalCheckFailed); nothing was written.",
                "Hint: Check the items against the conditions; the transaction can run again unchanged once they hold.");
        assertThat(item(tables[0], Map.of("id", s("u1")))).isNull();
        assertThat(item(tables[0], Map.of("id", s("u2")))).isEqualTo(Map.of("id", s("u2"), "n", n("1"), "nick", s("Al")));
        assertThat(item(tables[0], Map.of("id", s("u3")))).isNotNull();
    }

    @Test
    void aFailedConditionSaysWhenThereIsNoItemAndWhenAWordWasMeantAsAString() {
        String table = ItemTables.hashTable("tx-none");
        Engine.dynamo().putItem(b -> b.tableName(table).item(Map.of("id", s("a"), "status", s("active"))));

        Result missing = cli().stdin("- check: {table: " + table + ", key: {id: ghost}, if: 'attribute_exists(id)'}\n")
                .aws("item", "transact");
        Result unquoted = cli().stdin("- delete: {table: " + table + ", key: {id: a}, if: 'status = active'}\n")
                .aws("item", "transact");

        assertThat(missing.code()).as(missing.toString()).isEqualTo(4);
        assertThat(missing.err()).contains("Operation 1 (check " + table + " id=ghost, stdin line 1, column 3): ConditionalCheckFailed: "
                + "'attribute_exists(id)' is false; there is no such item\n");
        assertThat(unquoted.code()).as(unquoted.toString()).isEqualTo(4);
        assertThat(unquoted.err()).contains("'status = active' is false; the item is {\"id\":\"a\",\"status\":\"active\"} "
                + "(In status = active, active is an attribute name");
        assertThat(item(table, Map.of("id", s("a")))).isNotNull();
    }

    @Test
    void theTokenIsSentAndTheSameTransactionCanRunAgain() throws Exception {
        // moto does not keep tokens (DynamoDB does, for 10 minutes): this checks the token goes out and a replay succeeds
        String table = ItemTables.hashTable("tx-token");
        Path file = Files.writeString(dir.resolve("ops.json"), "[{\"put\": {\"table\": \"" + table + "\", \"item\": {\"id\": \"p1\"}}},\n"
                + " {\"put\": {\"table\": \"" + table + "\", \"item\": {\"id\": \"p2\"}}}]\n");
        String token = UUID.randomUUID().toString();

        Result first = cli().aws("item", "transact", file.toString(), "--token", token, "--debug");
        Result again = cli().aws("item", "transact", file.toString(), "--token", token);

        assertThat(first.code()).as(first.toString()).isZero();
        assertThat(first.err()).contains("ClientRequestToken=" + token);
        assertThat(again.code()).as(again.toString()).isZero();
        assertThat(scanAll(table)).extracting(i -> i.get("id").s()).containsExactlyInAnyOrder("p1", "p2");
    }

    @Test
    void aTokenLongerThan36CharactersIsRefusedBeforeSending() {
        Result r = cli().stdin("- put: {table: nowhere, item: {id: x}}\n").aws("item", "transact", "--token", "x".repeat(37));
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("--token must be 1 to 36 characters, not 37.");
    }

    @Test
    void moreThan100OperationsAreRefusedBeforeSending() {
        String table = ItemTables.hashTable("tx-many");
        String lines = IntStream.range(0, 101).mapToObj(i -> "{\"put\": {\"table\": \"" + table + "\", \"item\": {\"id\": \"m" + i + "\"}}}")
                .collect(Collectors.joining("\n"));
        Result r = cli().stdin(lines).aws("item", "transact", "-");

        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("The transaction has 101 operations (in stdin); DynamoDB takes at most 100.", "item batch-write");
        assertThat(scanAll(table)).isEmpty();
    }

    @Test
    void twoOperationsOnOneItemAreRefusedBeforeSending() {
        String table = ItemTables.compositeTable("tx-twice", ScalarAttributeType.N, false);
        // 5 and 5.0 are the same number, so the same item
        Result r = cli().stdin("- put: {table: " + table + ", item: {pk: a, sk: 5}}\n"
                + "- delete: {table: " + table + ", key: 'pk=b,sk=1'}\n"
                + "- update: {table: " + table + ", key: {pk: a, sk: 5.0}, set: {x: 1}}\n").aws("item", "transact");

        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("Operations 1 and 3 both touch " + table + " pk=a, sk=5 (stdin line 1, column 3, "
                + "stdin line 3, column 3): a transaction may touch an item only once.");
        assertThat(scanAll(table)).isEmpty();
    }

    @Test
    void mistakesNameTheOperationAndWhereItIs() throws Exception {
        String table = ItemTables.hashTable("tx-bad");
        Path unknown = Files.writeString(dir.resolve("unknown.yaml"), "- put: {table: " + table + ", item: {id: a}}\n"
                + "- delete:\n    table: " + table + "\n    key: {id: b}\n    iff: x\n");
        Path malformed = Files.writeString(dir.resolve("bad.json"), "[{\"put\": {\"table\": \"" + table + "\", \"item\": {\"id\": \"a\"}}},\n"
                + " {\"put\": {\"table\": \"" + table + "\" \"item\": {}}}]");

        Result field = cli().aws("item", "transact", unknown.toString());
        Result json = cli().aws("item", "transact", malformed.toString());
        Result syntax = cli().stdin("- check: {table: " + table + ", key: {id: a}, if: 'n >'}").aws("item", "transact");
        Result key = cli().stdin("- delete: {table: " + table + ", key: 'id=a,x=1'}").aws("item", "transact");
        Result kind = cli().stdin("- upsert: {table: " + table + "}").aws("item", "transact");

        assertThat(field.code()).as(field.toString()).isEqualTo(2);
        assertThat(field.err()).contains("Operation 2 (" + unknown + " line 2, column 3): delete has no field 'iff'; its fields are table, key, if.");
        assertThat(json.code()).as(json.toString()).isEqualTo(2);
        assertThat(json.err()).contains("Malformed JSON in " + malformed + " at line 2, column ");
        assertThat(syntax.code()).as(syntax.toString()).isEqualTo(2);
        assertThat(syntax.err()).contains("operation 1's if (stdin line 1, column 3): ", "n >", "^");
        assertThat(key.code()).as(key.toString()).isEqualTo(2);
        assertThat(key.err()).contains("Operation 1 (stdin line 1, column 3): the key names 'x', which is not a key attribute");
        assertThat(kind.code()).as(kind.toString()).isEqualTo(2);
        assertThat(kind.err()).contains("Operation 1 (stdin line 1, column 3) is 'upsert', not one of put, update, delete or check.");
        assertThat(scanAll(table)).isEmpty();
    }

    @Test
    void aMissingTableNamesTheOperation() {
        Result r = cli().stdin("- put: {table: no-such-table-tx, item: {id: a}}").aws("item", "transact");
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).contains("Operation 1 (stdin line 1, column 3): Table 'no-such-table-tx' not found");
    }

    @Test
    void theAwsCliTransactItemsFormIsSentAsWritten() throws Exception {
        String table = ItemTables.hashTable("tx-aws");
        Engine.dynamo().putItem(b -> b.tableName(table).item(Map.of("id", s("c1"), "count", n("3"))));
        Path file = Files.writeString(dir.resolve("transact-items.json"), """
                [
                  {"Put": {"TableName": "T", "Item": {"id": {"S": "p1"}, "tags": {"SS": ["a"]}},
                           "ConditionExpression": "attribute_not_exists(id)"}},
                  {"Update": {"TableName": "T", "Key": {"id": {"S": "c1"}}, "UpdateExpression": "SET #c = #c + :one",
                              "ExpressionAttributeNames": {"#c": "count"}, "ExpressionAttributeValues": {":one": {"N": "1"}}}}
                ]
                """.replace("\"T\"", "\"" + table + "\""));

        Result r = cli().aws("item", "transact", "file://" + file);

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(item(table, Map.of("id", s("p1")))).isEqualTo(Map.of("id", s("p1"), "tags", AttributeValue.fromSs(List.of("a"))));
        assertThat(item(table, Map.of("id", s("c1")))).isEqualTo(Map.of("id", s("c1"), "count", n("4")));
    }

    /** DynamoDB's own answers, which moto does not give: a conflict among the reasons, a token reused. */
    @Test
    void conflictsAndValidationErrorsAreReportedPerOperation() {
        String cancelled = "{\"__type\": \"com.amazonaws.dynamodb.v20120810#TransactionCanceledException\", \"Message\": "
                + "\"Transaction cancelled, please refer cancellation reasons for specific reasons [None, TransactionConflict, ValidationError]\", "
                + "\"CancellationReasons\": [{\"Code\": \"None\"}, {\"Code\": \"TransactionConflict\", \"Message\": "
                + "\"Transaction is ongoing for the item\"}, {\"Code\": \"ValidationError\", \"Message\": \"Item size has exceeded the maximum allowed size\"}]}";
        try (StubEndpoint dynamo = StubEndpoint.start(operation -> operation.equals("DescribeTable")
                ? new Answer(200, UsersDescription.JSON) : new Answer(400, cancelled))) {
            Result r = cli().stdin("- put: {table: users, item: {id: a}}\n- delete: {table: users, key: {id: b}}\n"
                    + "- put: {table: users, item: {id: c}}\n")
                    .run("item", "transact", "--endpoint-url", dynamo.endpoint().toString(), "--region", "us-east-1");

            assertThat(r.code()).as(r.toString()).isEqualTo(4);
            assertThat(r.err()).contains(
                    "Operation 1 (put users id=a, stdin line 1, column 3): None (it was fine; the others cancelled it)",
                    "Operation 2 (delete users id=b, stdin line 2, column 3): TransactionConflict: Transaction is ongoing for the item",
                    "Operation 3 (put users id=c, stdin line 3, column 3): ValidationError: Item size has exceeded the maximum allowed size",
                    "Error: Transaction cancelled by operations 2, 3 (TransactionConflict, ValidationError); nothing was written.",
                    "Hint: Another request changed an item at the same time; run it again.");
        }
    }

    @Test
    void aTokenReusedForOtherOperationsIsAUsageError() {
        String mismatch = "{\"__type\": \"com.amazonaws.dynamodb.v20120810#IdempotentParameterMismatchException\", "
                + "\"message\": \"Request parameters do not match\"}";
        try (StubEndpoint dynamo = StubEndpoint.start(operation -> operation.equals("DescribeTable")
                ? new Answer(200, UsersDescription.JSON) : new Answer(400, mismatch))) {
            Result r = cli().stdin("- put: {table: users, item: {id: a}}\n")
                    .run("item", "transact", "--token", "t-1", "--endpoint-url", dynamo.endpoint().toString(), "--region", "us-east-1");

            assertThat(r.code()).as(r.toString()).isEqualTo(2);
            assertThat(r.err()).contains("Token 't-1' was used in the last 10 minutes for a transaction with other operations; "
                    + "nothing was written.", "Use a new token");
        }
    }

    /** DescribeTable's answer for a table users keyed on id (S). */
    private static final class UsersDescription {
        static final String JSON = "{\"Table\": {\"TableName\": \"users\", \"TableStatus\": \"ACTIVE\", "
                + "\"KeySchema\": [{\"AttributeName\": \"id\", \"KeyType\": \"HASH\"}], "
                + "\"AttributeDefinitions\": [{\"AttributeName\": \"id\", \"AttributeType\": \"S\"}]}}";
    }
}
