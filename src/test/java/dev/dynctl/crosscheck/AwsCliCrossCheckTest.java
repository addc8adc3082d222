package dev.dynctl.crosscheck;

import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.codec.AttributeCodec;
import dev.dynctl.codec.Json;
import dev.dynctl.testing.AwsCli;
import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What dynctl writes, the AWS CLI reads, and the other way round. */
class AwsCliCrossCheckTest {
    private static final String EVERY_TYPE = """
            {"id": {"S": "all"}, "n": {"N": "12345678901234567890123456789012345678"}, "dec": {"N": "-0.000123"},
             "b": {"B": "AAECAw=="}, "ok": {"BOOL": true}, "nothing": {"NULL": true},
             "ss": {"SS": ["a", "b"]}, "ns": {"NS": ["1", "2.5"]}, "bs": {"BS": ["AQ==", "Ag=="]},
             "l": {"L": [{"S": "x"}, {"N": "1"}, {"M": {"deep": {"BOOL": false}}}]},
             "m": {"M": {"name": {"S": "Ada"}, "tags": {"SS": ["t"]}}}}""";

    @BeforeAll
    static void awsCliIsInstalled() {
        assumeTrue(AwsCli.installed(), "the AWS CLI v2 (apt-get install awscli) is needed for cross-checks");
    }

    @Test
    void tablesAndItemsWrittenByDynctlReadBackInTheAwsCli() throws Exception {
        String table = Engine.uniqueName("xcheck");
        assertThat(cli().aws("table", "create", table, "--pk", "id:S", "--sk", "n:N", "--wait").code()).isZero();
        Result put = cli().stdin(EVERY_TYPE.replace("\"all\"", "\"d1\"").replace("12345678901234567890123456789012345678", "7"))
                .aws("item", "put", table, "-");
        assertThat(put.code()).as(put.toString()).isZero();

        Result described = AwsCli.run("dynamodb", "describe-table", "--table-name", table);
        assertThat(described.code()).as(described.toString()).isZero();
        JsonNode keys = Json.MAPPER.readTree(described.out()).at("/Table/KeySchema");
        assertThat(keys.toString()).contains("\"AttributeName\":\"id\"", "\"KeyType\":\"HASH\"", "\"AttributeName\":\"n\"", "\"KeyType\":\"RANGE\"");

        Result got = AwsCli.run("dynamodb", "get-item", "--table-name", table,
                "--key", "{\"id\": {\"S\": \"d1\"}, \"n\": {\"N\": \"7\"}}");
        assertThat(got.code()).as(got.toString()).isZero();
        Map<String, AttributeValue> fromAws = AttributeCodec.fromDynamoJson(Json.MAPPER.readTree(got.out()).get("Item"));
        Map<String, AttributeValue> written = AttributeCodec.fromDynamoJson(
                Json.MAPPER.readTree(EVERY_TYPE.replace("\"all\"", "\"d1\"").replace("12345678901234567890123456789012345678", "7")));
        assertThat(fromAws).isEqualTo(written);
    }

    @Test
    void itemsOfEveryTypeWrittenByTheAwsCliReadBackInDynctl(@TempDir Path dir) throws Exception {
        String table = Engine.uniqueName("xcheck");
        Result created = AwsCli.run("dynamodb", "create-table", "--table-name", table,
                "--attribute-definitions", "AttributeName=id,AttributeType=S",
                "--key-schema", "AttributeName=id,KeyType=HASH", "--billing-mode", "PAY_PER_REQUEST");
        assertThat(created.code()).as(created.toString()).isZero();
        Path item = dir.resolve("item.json");
        Files.writeString(item, EVERY_TYPE);
        Result put = AwsCli.run("dynamodb", "put-item", "--table-name", table, "--item", "file://" + item);
        assertThat(put.code()).as(put.toString()).isZero();

        Result ddb = cli().aws("item", "get", table, "--key", "id=all", "-o", "ddb-json");
        assertThat(ddb.code()).as(ddb.toString()).isZero();
        assertThat(AttributeCodec.fromDynamoJson(Json.MAPPER.readTree(ddb.out())))
                .isEqualTo(AttributeCodec.fromDynamoJson(Json.MAPPER.readTree(EVERY_TYPE)));

        Result plain = cli().aws("item", "get", table, "--key", "id=all", "-o", "json");
        assertThat(plain.code()).isZero();
        JsonNode json = Json.MAPPER.readTree(plain.out());
        assertThat(json.get("n").decimalValue()).isEqualByComparingTo("12345678901234567890123456789012345678");
        assertThat(json.get("ss").toString()).isEqualTo("{\"$set\":[\"a\",\"b\"]}");
        assertThat(json.get("b").toString()).isEqualTo("{\"$binary\":\"AAECAw==\"}");
        assertThat(json.at("/m/name").asText()).isEqualTo("Ada");

        Result scanned = AwsCli.run("dynamodb", "scan", "--table-name", table, "--select", "COUNT");
        assertThat(Json.MAPPER.readTree(scanned.out()).get("Count").asInt()).isEqualTo(1);
    }
}
