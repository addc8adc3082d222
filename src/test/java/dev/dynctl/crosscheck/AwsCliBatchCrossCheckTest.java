package dev.dynctl.crosscheck;

import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dynctl.testing.AwsCli;
import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;

/**
 * Files written for the AWS CLI's batch-write-item and transact-write-items give the same table
 * through dynctl: each file is run by both, on two tables with the same starting items.
 */
class AwsCliBatchCrossCheckTest {
    private static final String REQUEST_ITEMS = """
            {
              "TABLE": [
                {"PutRequest": {"Item": {"id": {"S": "a"}, "n": {"N": "12345678901234567890123456789012345678"},
                                         "b": {"B": "AAECAw=="}, "ss": {"SS": ["x", "y"]}, "ok": {"BOOL": false}}}},
                {"PutRequest": {"Item": {"id": {"S": "b"}, "m": {"M": {"l": {"L": [{"NULL": true}, {"NS": ["1", "2"]}]}}}}}},
                {"DeleteRequest": {"Key": {"id": {"S": "old"}}}}
              ]
            }
            """;
    private static final String TRANSACT_ITEMS = """
            [
              {"Put": {"TableName": "TABLE", "Item": {"id": {"S": "t1"}, "v": {"N": "1"}},
                       "ConditionExpression": "attribute_not_exists(id)"}},
              {"Update": {"TableName": "TABLE", "Key": {"id": {"S": "old"}}, "UpdateExpression": "SET #v = :v REMOVE gone",
                          "ExpressionAttributeNames": {"#v": "v"}, "ExpressionAttributeValues": {":v": {"S": "new"}}}}
            ]
            """;

    @TempDir
    Path dir;

    @BeforeAll
    static void awsCliIsInstalled() {
        assumeTrue(AwsCli.installed(), "the AWS CLI v2 (apt-get install awscli) is needed for cross-checks");
    }

    /** A table keyed on id (S) holding the item old. */
    private static String table() {
        String name = Engine.uniqueName("xbatch");
        Engine.dynamo().createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(d -> d.attributeName("id").attributeType("S"))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));
        Engine.dynamo().putItem(b -> b.tableName(name).item(Map.of("id", AttributeValue.fromS("old"), "gone", AttributeValue.fromS("x"))));
        return name;
    }

    private static Set<Map<String, AttributeValue>> items(String table) {
        return Engine.dynamo().scanPaginator(b -> b.tableName(table)).items().stream().collect(Collectors.toSet());
    }

    private Path file(String name, String template, String table) throws Exception {
        return Files.writeString(dir.resolve(name), template.replace("TABLE", table));
    }

    @Test
    void aRequestItemsFileGivesTheSameTableThroughBoth() throws Exception {
        String viaAws = table();
        String viaDynctl = table();

        Result aws = AwsCli.run("dynamodb", "batch-write-item", "--request-items", "file://" + file("aws.json", REQUEST_ITEMS, viaAws));
        Result dynctl = cli().aws("item", "batch-write", viaDynctl, "file://" + file("dynctl.json", REQUEST_ITEMS, viaDynctl));

        assertThat(aws.code()).as(aws.toString()).isZero();
        assertThat(dynctl.code()).as(dynctl.toString()).isZero();
        assertThat(items(viaDynctl)).hasSize(2).isEqualTo(items(viaAws));
    }

    @Test
    void aTransactItemsFileGivesTheSameTableThroughBoth() throws Exception {
        String viaAws = table();
        String viaDynctl = table();

        Result aws = AwsCli.run("dynamodb", "transact-write-items", "--transact-items", "file://" + file("aws.json", TRANSACT_ITEMS, viaAws));
        Result dynctl = cli().aws("item", "transact", file("dynctl.json", TRANSACT_ITEMS, viaDynctl).toString());

        assertThat(aws.code()).as(aws.toString()).isZero();
        assertThat(dynctl.code()).as(dynctl.toString()).isZero();
        assertThat(items(viaDynctl)).hasSize(2).isEqualTo(items(viaAws));
        assertThat(items(viaDynctl)).extracting(i -> i.get("id").s()).containsExactlyInAnyOrderElementsOf(List.of("t1", "old"));
    }
}
