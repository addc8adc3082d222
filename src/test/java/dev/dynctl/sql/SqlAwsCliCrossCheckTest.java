package dev.dynctl.sql;

import static dev.dynctl.sql.SqlTables.n;
import static dev.dynctl.sql.SqlTables.s;
import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dynctl.codec.AttributeCodec;
import dev.dynctl.codec.Json;
import dev.dynctl.testing.AwsCli;
import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** dynctl sql and the AWS CLI's execute-statement / batch-execute-statement agree. */
class SqlAwsCliCrossCheckTest {
    @BeforeAll
    static void awsCliIsInstalled() {
        assumeTrue(AwsCli.installed(), "the AWS CLI v2 (apt-get install awscli) is needed for cross-checks");
    }

    @Test
    void aSelectGivesTheSameItemsAsExecuteStatement() throws Exception {
        String table = SqlTables.compositeTable("sql_xcheck");
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            // no maps: moto's WHERE skips items that hold one
            items.add(Map.of("pk", s(i % 2 == 0 ? "even" : "odd"), "sk", n(String.valueOf(i)), "tags", AttributeValue.fromSs(List.of("t" + i)),
                    "half", n(i + ".5"), "l", AttributeValue.fromL(List.of(n("1"), s("x"), AttributeValue.fromBool(true)))));
        }
        SqlTables.putAll(table, items);
        String select = "SELECT * FROM \"" + table + "\" WHERE pk = ?";

        Result aws = AwsCli.run("dynamodb", "execute-statement", "--statement", select, "--parameters", "[{\"S\": \"even\"}]");
        Result dynctl = cli().aws("sql", select, "--param", "even", "-o", "ddb-json");

        assertThat(aws.code()).as(aws.toString()).isZero();
        assertThat(dynctl.code()).as(dynctl.toString()).isZero();
        Set<Map<String, AttributeValue>> fromAws = new HashSet<>();
        Json.MAPPER.readTree(aws.out()).get("Items").forEach(i -> fromAws.add(AttributeCodec.fromDynamoJson(i)));
        Set<Map<String, AttributeValue>> fromDynctl = new HashSet<>();
        Json.MAPPER.readTree(dynctl.out()).forEach(i -> fromDynctl.add(AttributeCodec.fromDynamoJson(i)));
        assertThat(fromDynctl).hasSize(20).isEqualTo(fromAws);
    }

    @Test
    void theAwsClisStatementsFileRunsTheSameInBoth(@TempDir Path dir) throws Exception {
        String byAws = SqlTables.hashTable("sql_xcheck_aws");
        String byDynctl = SqlTables.hashTable("sql_xcheck_dynctl");
        String statements = """
                [{"Statement": "INSERT INTO TABLE VALUE {'id': 'a', 'n': 1, 'l': [1, 'x'], 'm': {'k': 'v'}}"},
                 {"Statement": "INSERT INTO TABLE VALUE {'id': 'b', 'ok': true}"}]""";
        Path forAws = Files.writeString(dir.resolve("aws.json"), statements.replace("TABLE", byAws));
        Path forDynctl = Files.writeString(dir.resolve("dynctl.json"), statements.replace("TABLE", byDynctl));

        Result aws = AwsCli.run("dynamodb", "batch-execute-statement", "--statements", "file://" + forAws);
        Result dynctl = cli().aws("sql", "--file", forDynctl.toString());

        assertThat(aws.code()).as(aws.toString()).isZero();
        assertThat(dynctl.code()).as(dynctl.toString()).isZero();
        assertThat(scan(byDynctl)).hasSize(2).isEqualTo(scan(byAws));
    }

    private static Set<Map<String, AttributeValue>> scan(String table) {
        return new HashSet<>(Engine.dynamo().scanPaginator(b -> b.tableName(table)).items().stream().toList());
    }
}
