package dev.dynctl.table;

import static dev.dynctl.table.TableTestSupport.describe;
import static dev.dynctl.table.TableTestSupport.exists;
import static dev.dynctl.table.TableTestSupport.json;
import static dev.dynctl.table.TableTestSupport.rawTable;
import static dev.dynctl.table.TableTestSupport.tags;
import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

class TableCreateTest {
    @Test
    void createsAnOnDemandTableWithAPartitionKey() {
        String name = Engine.uniqueName("users");
        JsonNode doc = json(cli().aws("table", "create", name, "--pk", "id:S", "-o", "json"));

        assertThat(doc.path("name").asText()).isEqualTo(name);
        assertThat(doc.path("partitionKey").path("name").asText()).isEqualTo("id");
        assertThat(doc.path("billing").path("mode").asText()).isEqualTo("PAY_PER_REQUEST");
        TableDescription table = describe(name);
        assertThat(table.keySchema()).singleElement().satisfies(k -> {
            assertThat(k.attributeName()).isEqualTo("id");
            assertThat(k.keyType()).isEqualTo(KeyType.HASH);
        });
        assertThat(table.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
    }

    @Test
    void createsEverythingTheOptionsAskFor() {
        String name = Engine.uniqueName("orders");
        Result r = cli().aws("table", "create", name, "--pk", "customer:S", "--sk", "created:N",
                "--gsi", "name=byStatus,pk=status:S,sk=created:N,projection=include:total+items",
                "--gsi", "name=byEmail,pk=email:S,projection=keys,rcu=2,wcu=1",
                "--lsi", "name=byType,sk=type:S,projection=keys",
                "--billing", "provisioned", "--rcu", "5", "--wcu", "4",
                "--ttl", "expires", "--stream", "both", "--tag", "team=core", "--tag", "env=dev",
                "--deletion-protection", "--pitr", "--wait", "-o", "json");
        JsonNode doc = json(r);

        TableDescription table = describe(name);
        assertThat(table.keySchema()).extracting(k -> k.attributeName() + "/" + k.keyType())
                .containsExactly("customer/HASH", "created/RANGE");
        assertThat(table.attributeDefinitions()).extracting(a -> a.attributeName() + ":" + a.attributeType())
                .containsExactlyInAnyOrder("customer:S", "created:N", "status:S", "email:S", "type:S");
        assertThat(table.billingModeSummary().billingMode()).isEqualTo(BillingMode.PROVISIONED);
        assertThat(table.provisionedThroughput().readCapacityUnits()).isEqualTo(5);
        assertThat(table.provisionedThroughput().writeCapacityUnits()).isEqualTo(4);

        GlobalSecondaryIndexDescription byStatus = globalIndex(table, "byStatus");
        assertThat(byStatus.keySchema()).extracting(k -> k.attributeName()).containsExactly("status", "created");
        assertThat(byStatus.projection().projectionType()).isEqualTo(ProjectionType.INCLUDE);
        assertThat(byStatus.projection().nonKeyAttributes()).containsExactly("total", "items");
        assertThat(byStatus.provisionedThroughput().readCapacityUnits()).as("the table's capacity").isEqualTo(5);
        GlobalSecondaryIndexDescription byEmail = globalIndex(table, "byEmail");
        assertThat(byEmail.projection().projectionType()).isEqualTo(ProjectionType.KEYS_ONLY);
        assertThat(byEmail.provisionedThroughput().readCapacityUnits()).isEqualTo(2);
        assertThat(byEmail.provisionedThroughput().writeCapacityUnits()).isEqualTo(1);
        LocalSecondaryIndexDescription byType = table.localSecondaryIndexes().get(0);
        assertThat(byType.indexName()).isEqualTo("byType");
        assertThat(byType.keySchema()).extracting(k -> k.attributeName()).containsExactly("customer", "type");

        assertThat(table.streamSpecification().streamEnabled()).isTrue();
        assertThat(table.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
        assertThat(table.deletionProtectionEnabled()).isTrue();
        assertThat(tags(name)).isEqualTo(Map.of("team", "core", "env", "dev"));
        var ttl = Engine.dynamo().describeTimeToLive(b -> b.tableName(name)).timeToLiveDescription();
        assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
        assertThat(ttl.attributeName()).isEqualTo("expires");
        assertThat(Engine.dynamo().describeContinuousBackups(b -> b.tableName(name)).continuousBackupsDescription()
                .pointInTimeRecoveryDescription().pointInTimeRecoveryStatus()).isEqualTo(PointInTimeRecoveryStatus.ENABLED);

        assertThat(doc.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(doc.path("ttl").path("attribute").asText()).isEqualTo("expires");
        assertThat(doc.path("tags").path("team").asText()).isEqualTo("core");
        assertThat(doc.path("globalIndexes")).hasSize(2);
        assertThat(doc.path("localIndexes").get(0).path("projection").path("type").asText()).isEqualTo("KEYS_ONLY");
        assertThat(doc.path("stream").path("viewType").asText()).isEqualTo("NEW_AND_OLD_IMAGES");
        assertThat(doc.path("deletionProtection").asBoolean()).isTrue();

        assertThat(cli().aws("table", "update", name, "--no-deletion-protection").code()).isZero();
    }

    @Test
    void anExistingTableIsAFailureWithAHint() {
        String name = rawTable("taken");
        Result r = cli().aws("table", "create", name, "--pk", "id:S");
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).contains("Table '" + name + "' already exists", "--if-not-exists").doesNotContain("Exception");
    }

    @Test
    void ifNotExistsAcceptsTheTableThatIsThere() {
        String name = rawTable("again");
        Result r = cli().aws("table", "create", name, "--pk", "id:S", "--if-not-exists", "-o", "json");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).contains("Table '" + name + "' already exists with these keys; nothing was changed.");
        assertThat(json(r).path("name").asText()).isEqualTo(name);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "uid:S||id (S), not uid (S)",
        "id:N||id (S), not id (N)",
        "id:S|at:N|id (S), not id (S), at (N)",
    })
    void ifNotExistsFailsWhenTheKeysDiffer(String pk, String sk, String difference) {
        String name = rawTable("differs");
        List<String> args = new ArrayList<>(List.of("table", "create", name, "--pk", pk, "--if-not-exists", "-o", "json"));
        if (sk != null) {
            args.addAll(List.of("--sk", sk));
        }
        Result r = cli().aws(args.toArray(String[]::new));
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).contains("Table '" + name + "' exists with keys " + difference + ".").doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
        assertThat(describe(name).keySchema()).singleElement().satisfies(k -> assertThat(k.attributeName()).isEqualTo("id"));
    }

    @Test
    void ifNotExistsComparesTheSortKeyToo() {
        String name = Engine.uniqueName("sorted");
        assertThat(cli().aws("table", "create", name, "--pk", "id:S", "--sk", "at:N").code()).isZero();

        assertThat(cli().aws("table", "create", name, "--pk", "id:S", "--sk", "at:N", "--if-not-exists").code()).isZero();
        Result noSortKey = cli().aws("table", "create", name, "--pk", "id:S", "--if-not-exists");
        assertThat(noSortKey.code()).as(noSortKey.toString()).isEqualTo(1);
        assertThat(noSortKey.err()).contains("exists with keys id (S), at (N), not id (S).");
    }

    @Test
    void ifNotExistsCreatesAMissingTable() {
        String name = Engine.uniqueName("fresh");
        Result r = cli().aws("table", "create", name, "--pk", "id:S", "--if-not-exists", "-o", "json");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(exists(name)).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--pk|id|--pk 'id': a key needs its type, e.g. id:S",
        "--pk|id:X|'X' is not a key type",
        "--pk|:S|attribute name before ':' is missing",
        "--sk|created|Bad --sk 'created'",
        "--gsi|byEmail:email:S|'byEmail:email:S' is not FIELD=VALUE",
        "--gsi|pk=email:S|the index needs a name",
        "--gsi|name=byEmail|a global index needs a partition key",
        "--gsi|name=byEmail,pk=email|pk=email: a key needs its type",
        "--gsi|name=byEmail,pk=email:S,projection=some|projection=some is not all, keys or include",
        "--gsi|name=byEmail,pk=email:S,projection=include|projection=include needs the attributes",
        "--gsi|name=byEmail,pk=email:S,color=red|unknown field 'color'",
        "--gsi|name=byEmail,pk=email:S,pk=other:S|pk= is given twice",
        "--gsi|name=byEmail,pk=email:S,rcu=5|give both rcu and wcu",
        "--gsi|name=byEmail,pk=email:S,rcu=x,wcu=1|rcu=x is not a whole number",
        "--gsi|name=e,pk=email:S|the index name 'e' must be 3 to 255 characters",
        "--lsi|name=byType,pk=type:S|a local index shares the table's partition key",
        "--lsi|name=byType|a local index needs a sort key",
    })
    void malformedKeysAndIndexesAreUsageErrors(String option, String value, String message) {
        String name = Engine.uniqueName("bad");
        Result r = switch (option) {
            case "--pk" -> cli().aws("table", "create", name, "--pk", value);
            case "--sk" -> cli().aws("table", "create", name, "--pk", "id:S", "--sk", value);
            default -> cli().aws("table", "create", name, "--pk", "id:S", "--sk", "at:N", option, value);
        };
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains(message).contains("Hint:").doesNotContain("Exception");
        assertThat(exists(name)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--rcu 5|needs both --rcu and --wcu",
        "--billing on-demand --rcu 5 --wcu 5|apply to provisioned billing",
        "--billing monthly|Bad --billing 'monthly'",
        "--stream all|Bad --stream 'all'",
        "--rcu 0 --wcu 1|capacity units start at 1",
        "--gsi name=byEmail,pk=email:S,rcu=1,wcu=1|the table is on-demand",
        "--gsi name=byEmail,pk=at:S|Attribute 'at' is N in --sk but S in --gsi byEmail",
        "--gsi name=twice,pk=email:S --lsi name=twice,sk=kind:S|Two indexes are named 'twice'",
    })
    void inconsistentOptionsAreUsageErrors(String options, String message) {
        String name = Engine.uniqueName("bad");
        List<String> args = new ArrayList<>(List.of("table", "create", name, "--pk", "id:S", "--sk", "at:N"));
        args.addAll(List.of(options.split(" ")));
        Result r = cli().aws(args.toArray(String[]::new));
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains(message);
        assertThat(exists(name)).isFalse();
    }

    @Test
    void aLocalIndexNeedsASortKey() {
        Result r = cli().aws("table", "create", Engine.uniqueName("lsi"), "--pk", "id:S", "--lsi", "name=byType,sk=type:S");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--lsi needs a table with a sort key");
    }

    @Test
    void aBadTableNameIsAUsageError() {
        Result r = cli().aws("table", "create", "ab", "--pk", "id:S");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Error: Bad table name: the table name 'ab' must be 3 to 255 characters");
    }

    @Test
    void theKeyIsRequired() {
        Result r = cli().aws("table", "create", Engine.uniqueName("nokey"));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Missing required option", "--pk");
    }

    @Test
    void attributeTypesAreReadInAnyCase() {
        String name = Engine.uniqueName("types");
        assertThat(cli().aws("table", "create", name, "--pk", "id:b", "--sk", "n:number").code()).isZero();
        assertThat(describe(name).attributeDefinitions()).extracting(a -> a.attributeType())
                .containsExactly(ScalarAttributeType.B, ScalarAttributeType.N);
    }

    private static GlobalSecondaryIndexDescription globalIndex(TableDescription table, String name) {
        return table.globalSecondaryIndexes().stream().filter(i -> i.indexName().equals(name)).findFirst().orElseThrow();
    }
}
