package dev.dynctl.cli.tail;

import static dev.dynctl.cli.tail.StreamTables.delete;
import static dev.dynctl.cli.tail.StreamTables.put;
import static dev.dynctl.cli.tail.StreamTables.timeless;
import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.dynctl.codec.Json;
import dev.dynctl.testing.AwsCli;
import dev.dynctl.testing.Cli;
import dev.dynctl.testing.Engine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** tail table without --follow: what the stream holds now, in each format, filtered; and its errors. */
class TailTableCommandTest {
    @Test
    void withoutFollowTheChangesKeptArePrintedFromTheOldestAndTheCommandEnds() {
        String table = StreamTables.create(StreamViewType.NEW_AND_OLD_IMAGES);
        put(table, "{\"id\": \"a\", \"n\": 1}");
        put(table, "{\"id\": \"a\", \"n\": 2}");
        delete(table, "a");

        Cli.Result r = cli().aws("tail", "table", table);

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(timeless(r.out())).isEqualTo("""
                TIME  INSERT  id=a  {"id":"a","n":1}
                TIME  MODIFY  id=a
                  n: 1 → 2
                TIME  REMOVE  id=a  {"id":"a","n":2}
                """);
        assertThat(r.err()).isEmpty();
    }

    @Test
    void maxStopsAfterThatManyChanges() {
        String table = StreamTables.create(StreamViewType.NEW_AND_OLD_IMAGES);
        for (int i = 0; i < 5; i++) {
            put(table, "{\"id\": \"i" + i + "\"}");
        }

        Cli.Result r = cli().aws("tail", "table", table, "--max", "2", "--format", "json");

        assertThat(r.code()).isZero();
        assertThat(r.out().lines().toList()).hasSize(2).allMatch(line -> line.startsWith("{\"event\":\"INSERT\""));
    }

    @Test
    void filterKeepsTheChangesWhoseItemMatchesTheOldOneForARemove() {
        String table = StreamTables.create(StreamViewType.NEW_AND_OLD_IMAGES);
        put(table, "{\"id\": \"a\", \"status\": \"ok\", \"n\": 5}");
        put(table, "{\"id\": \"b\", \"status\": \"failed\", \"n\": 6}");
        put(table, "{\"id\": \"a\", \"status\": \"failed\", \"n\": 7}");
        delete(table, "b");
        put(table, "{\"id\": \"c\", \"status\": \"ok\", \"n\": \"5\"}");

        Cli.Result failed = cli().aws("tail", "table", table, "--filter", "status = 'failed'", "-o", "json");
        assertThat(failed.code()).as(failed.toString()).isZero();
        assertThat(failed.out().lines().map(l -> l.replaceAll("\\{\"event\":\"(\\w+)\".*\"keys\":\\{\"id\":\"(\\w)\".*", "$1 $2")).toList())
                .containsExactly("INSERT b", "MODIFY a", "REMOVE b");

        // a number never equals a string: only a, whose n is the number 5
        Cli.Result numbers = cli().aws("tail", "table", table, "--filter", "n = 5 AND attribute_type(n, N)", "-o", "json");
        assertThat(numbers.out().lines().map(l -> l.replaceAll(".*\"keys\":\\{\"id\":\"(\\w)\".*", "$1")).toList()).containsExactly("a");

        Cli.Result none = cli().aws("tail", "table", table, "--filter", "status = 'gone' OR size(status) > 6");
        assertThat(none.code()).isZero();
        assertThat(none.out()).isEmpty();
    }

    @Test
    void aFilterThatMatchedNothingAndComparesWithABareWordSaysTheWordIsAnAttribute() {
        String table = StreamTables.create(StreamViewType.NEW_AND_OLD_IMAGES);
        put(table, "{\"id\": \"a\", \"status\": \"failed\"}");

        Cli.Result bare = cli().aws("tail", "table", table, "--filter", "status = failed");

        assertThat(bare.code()).as(bare.toString()).isZero();
        assertThat(bare.out()).isEmpty();
        assertThat(bare.err()).isEqualTo("No change matched --filter. In status = failed, failed is an attribute name "
                + "(a bare word always is); for the string, quote it: 'failed'.\n");

        Cli.Result quoted = cli().aws("tail", "table", table, "--filter", "status = 'gone'");
        assertThat(quoted.code()).isZero();
        assertThat(quoted.err()).isEmpty();
        Cli.Result matched = cli().aws("tail", "table", table, "--filter", "status = status");
        assertThat(matched.out()).contains("INSERT");
        assertThat(matched.err()).isEmpty();
    }

    @Test
    void anUntilThatHasPassedIsExit2WhenTheTailBeginsNow() throws Exception {
        String table = StreamTables.create(StreamViewType.NEW_AND_OLD_IMAGES);
        put(table, "{\"id\": \"a\"}");

        for (String[] from : List.of(new String[] {"--follow"}, new String[] {"--from", "latest"})) {
            List<String> args = new ArrayList<>(List.of("tail", "table", table, "--until", "2026-01-01T00:00:00Z"));
            args.addAll(List.of(from));
            Cli.Result r = cli().aws(args.toArray(String[]::new));

            assertThat(r.code()).as(r.toString()).isEqualTo(2);
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).isEqualTo("Error: --until 2026-01-01T00:00:00Z has passed, and the tail begins now (--from latest): "
                    + "there is nothing between.\nHint: Give a time to come (--until 5m), or read what the stream holds: "
                    + "--from trim-horizon.\n");
        }
        // what the stream holds up to a moment past is there to read
        java.time.Instant until = StreamTables.stamps(table).get(0).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusMillis(999);
        StreamTables.awaitClockPast(until);
        Cli.Result past = cli().aws("tail", "table", table, "--until", until.toString(), "-o", "json");
        assertThat(past.code()).as(past.toString()).isZero();
        assertThat(past.out()).contains("\"event\":\"INSERT\"");
    }

    @Test
    void helpSaysWhatMaxCountsForEachTail() {
        String table = cli().run("tail", "table", "--help").out().replaceAll("\\s+", " ");
        String logs = cli().run("tail", "logs", "--help").out().replaceAll("\\s+", " ");

        assertThat(table).contains("Stop once N are printed: N log events (tail logs), N changes").doesNotContain("N events.");
        assertThat(logs).contains("Stop once N are printed: N log events (tail logs)");
    }

    @Test
    void maxThatIsNoWholeNumberIsSaidInWordsAUserKnows() {
        Cli.Result r = cli().aws("tail", "table", "any", "--max", "abc");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--max': 'abc' is not a whole number").doesNotContain("long");
    }

    @Test
    void aFilterThatDoesNotParseIsExit2WithACaretAndNothingRead() {
        Cli.Result r = cli().aws("tail", "table", "no-such-table", "--filter", "status = 'a' AND");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--filter: expected a condition after AND", "^");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void outputJsonMeansFormatJsonAndQueryAppliesToEachChange() {
        String table = StreamTables.create(StreamViewType.NEW_AND_OLD_IMAGES);
        put(table, "{\"id\": \"a\", \"name\": \"Ada\"}");
        put(table, "{\"id\": \"b\", \"name\": \"Bob\"}");

        Cli.Result r = cli().aws("tail", "table", table, "-o", "jsonl", "--query", "new.name");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("\"Ada\"\n\"Bob\"\n");
    }

    @Test
    void otherOutputFormatsAndQueryOnTheDiffAreUsageErrors() {
        String table = StreamTables.create(StreamViewType.NEW_AND_OLD_IMAGES);

        Cli.Result tableOutput = cli().aws("tail", "table", table, "-o", "table");
        assertThat(tableOutput.code()).isEqualTo(2);
        assertThat(tableOutput.err()).isEqualTo("Error: -o table does not apply to tail table.\nHint: Use --format diff, json or ddb-json "
                + "(-o json and -o jsonl mean --format json, -o ddb-json means --format ddb-json).\n");

        Cli.Result both = cli().aws("tail", "table", table, "-o", "json", "--format", "diff");
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).isEqualTo("Error: -o json and --format diff ask for two formats.\nHint: Pass one of them.\n");

        Cli.Result query = cli().aws("tail", "table", table, "--query", "new");
        assertThat(query.code()).isEqualTo(2);
        assertThat(query.err()).contains("--query applies to JSON");
    }

    @Test
    void ddbJsonRecordsAreWhatTheAwsCliShowsOfTheStream() throws Exception {
        String table = StreamTables.create(StreamViewType.NEW_AND_OLD_IMAGES);
        put(table, "{\"id\": \"a\", \"n\": 1, \"b\": {\"$binary\": \"AAE=\"}, \"s\": {\"$set\": [1, 2]}}");
        put(table, "{\"id\": \"a\", \"n\": 2.5, \"m\": {\"x\": [true, null]}}");

        Cli.Result r = cli().aws("tail", "table", table, "--format", "ddb-json");

        assertThat(r.code()).as(r.toString()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(2);
        JsonNode modify = Json.MAPPER.readTree(lines.get(1));
        assertThat(modify.fieldNames()).toIterable().containsExactly("eventID", "eventName", "eventVersion", "eventSource", "awsRegion",
                "dynamodb");
        assertThat(modify.get("dynamodb").fieldNames()).toIterable().containsExactly("ApproximateCreationDateTime", "Keys", "NewImage",
                "OldImage", "SequenceNumber", "SizeBytes", "StreamViewType");
        assertThat(modify.get("dynamodb").get("OldImage").get("b").toString()).isEqualTo("{\"B\":\"AAE=\"}");

        if (AwsCli.installed()) {
            String arn = Engine.dynamo().describeTable(b -> b.tableName(table)).table().latestStreamArn();
            String shard = Engine.dynamoStreams().describeStream(b -> b.streamArn(arn)).streamDescription().shards().get(0).shardId();
            Cli.Result iterator = AwsCli.run("dynamodbstreams", "get-shard-iterator", "--stream-arn", arn, "--shard-id", shard,
                    "--shard-iterator-type", "TRIM_HORIZON");
            Cli.Result records = AwsCli.run("dynamodbstreams", "get-records", "--shard-iterator",
                    Json.MAPPER.readTree(iterator.out()).get("ShardIterator").asText());
            ArrayNode theirs = (ArrayNode) Json.MAPPER.readTree(records.out()).get("Records");
            assertThat(theirs).hasSize(2);
            for (int i = 0; i < 2; i++) {
                assertThat(Json.MAPPER.readTree(lines.get(i))).isEqualTo(theirs.get(i));
            }
        }
    }

    @Test
    void streamsThatRecordLessSayWhatIsMissing() throws Exception {
        String keys = StreamTables.create(StreamViewType.KEYS_ONLY);
        String news = StreamTables.create(StreamViewType.NEW_IMAGE);
        String olds = StreamTables.create(StreamViewType.OLD_IMAGE);
        for (String table : List.of(keys, news, olds)) {
            put(table, "{\"id\": \"a\", \"n\": 1}");
            put(table, "{\"id\": \"a\", \"n\": 2}");
            delete(table, "a");
        }

        assertThat(timeless(cli().aws("tail", "table", keys).out())).isEqualTo("""
                TIME  INSERT  id=a  (keys only: the stream records no images)
                TIME  MODIFY  id=a  (keys only: the stream records no images)
                TIME  REMOVE  id=a  (keys only: the stream records no images)
                """);
        assertThat(timeless(cli().aws("tail", "table", news).out())).isEqualTo("""
                TIME  INSERT  id=a  {"id":"a","n":1}
                TIME  MODIFY  id=a  now {"id":"a","n":2}  (no old image to compare with)
                TIME  REMOVE  id=a  (no old image: the stream records new images only)
                """);
        assertThat(timeless(cli().aws("tail", "table", olds).out())).isEqualTo("""
                TIME  INSERT  id=a  (no new image: the stream records old images only)
                TIME  MODIFY  id=a  was {"id":"a","n":1}  (no new image to compare with)
                TIME  REMOVE  id=a  {"id":"a","n":2}
                """);
        JsonNode keysOnly = Json.MAPPER.readTree(cli().aws("tail", "table", keys, "--format", "json", "--max", "1").out());
        assertThat(keysOnly.get("old").isNull() && keysOnly.get("new").isNull() && keysOnly.get("changed").isNull()).isTrue();

        Cli.Result filtered = cli().aws("tail", "table", keys, "--filter", "id = 'a'", "--max", "1");
        assertThat(filtered.err()).contains("records keys only: --filter sees only the key attributes");
        assertThat(filtered.out()).contains("INSERT  id=a");
    }

    @Test
    void keysShowThePartitionKeyFirst() {
        String table = Engine.uniqueName("tail-sk");
        Engine.dynamo().createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("customer").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("order").attributeType(ScalarAttributeType.N))
                .keySchema(k -> k.attributeName("order").keyType(KeyType.RANGE), k -> k.attributeName("customer").keyType(KeyType.HASH))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
        Engine.dynamo().putItem(b -> b.tableName(table).item(Map.of("total", AttributeValue.fromN("9"),
                "order", AttributeValue.fromN("5"), "customer", AttributeValue.fromS("c1"))));

        Cli.Result r = cli().aws("tail", "table", table);

        assertThat(timeless(r.out())).startsWith("TIME  INSERT  customer=c1, order=5  {\"customer\":\"c1\",\"order\":5,");
    }

    @Test
    void aTableWithoutAStreamIsExit3WithTheCommandThatTurnsOneOn() {
        String table = Engine.uniqueName("tail-none");
        Engine.dynamo().createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));

        Cli.Result r = cli().aws("tail", "table", table, "--follow");

        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("Table '" + table + "' has no stream", "Hint: Turn its stream on: dynctl table update " + table
                + " --stream both");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aMissingTableIsExit3NamingWhereAndTheNearNames() {
        String table = StreamTables.create(StreamViewType.NEW_AND_OLD_IMAGES);

        Cli.Result r = cli().aws("tail", "table", table + "x");

        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("Table '" + table + "x' not found in endpoint", table);
    }
}
