package dev.dynctl.cli.table;

import static dev.dynctl.cli.table.TableInsightsAnswers.INDEX;
import static dev.dynctl.cli.table.TableInsightsAnswers.PKC;
import static dev.dynctl.cli.table.TableInsightsAnswers.PKT;
import static dev.dynctl.cli.table.TableInsightsAnswers.SKC;
import static dev.dynctl.cli.table.TableInsightsAnswers.SKT;
import static dev.dynctl.cli.table.TableInsightsAnswers.TABLE;
import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.cli.table.TableInsightsAnswers.Contributor;
import dev.dynctl.cli.table.TableInsightsAnswers.Request;
import dev.dynctl.codec.Json;
import dev.dynctl.testing.Cli;
import dev.dynctl.testing.Engine;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Contributor Insights: moto has none, so what AWS answers is served by a stub
 * ({@link TableInsightsAnswers}); the requests dynctl sends are checked as AWS would read them.
 * Against moto the command fails with the engine named, and its table checks still apply.
 */
class TableInsightsCommandTest {
    @Test
    void onTurnsItOnOnceAndSaysSoEachTime() throws IOException {
        try (TableInsightsAnswers aws = new TableInsightsAnswers()) {
            Cli.Result first = run(aws, "table", "insights", TABLE, "on", "-o", "json");

            assertThat(first.code()).as(first.toString()).isZero();
            assertThat(first.err()).contains("Contributor Insights is now enabling on table 'orders'.");
            assertThat(Json.MAPPER.readTree(first.out()).get("status").asText()).isEqualTo("ENABLING");
            assertThat(aws.requests()).extracting(Request::operation)
                    .containsExactly("DescribeTable", "DescribeContributorInsights", "UpdateContributorInsights");
            JsonNode update = aws.requests("UpdateContributorInsights").get(0).json();
            assertThat(update.get("TableName").asText()).isEqualTo(TABLE);
            assertThat(update.get("ContributorInsightsAction").asText()).isEqualTo("ENABLE");
            assertThat(update.has("IndexName")).isFalse();

            Cli.Result again = run(aws, "table", "insights", TABLE, "on", "-o", "json");

            assertThat(again.code()).as(again.toString()).isZero();
            assertThat(again.err()).contains("Contributor Insights is already enabled on table 'orders'.");
            JsonNode status = Json.MAPPER.readTree(again.out());
            assertThat(status.get("status").asText()).isEqualTo("ENABLED");
            assertThat(status.get("rules")).extracting(JsonNode::asText).containsExactly(PKC, SKC, PKT, SKT);
            assertThat(aws.requests("UpdateContributorInsights")).hasSize(1);
        }
    }

    @Test
    void offOnAnIndexTurnsOffThatIndexOnly() {
        try (TableInsightsAnswers aws = new TableInsightsAnswers().status(INDEX, "ENABLED").status(null, "ENABLED")) {
            Cli.Result off = run(aws, "table", "insights", TABLE, "off", "--index", INDEX);

            assertThat(off.code()).as(off.toString()).isZero();
            assertThat(off.err()).contains("Contributor Insights is now disabling on index 'byStatus' of table 'orders'.");
            JsonNode update = aws.requests("UpdateContributorInsights").get(0).json();
            assertThat(update.get("IndexName").asText()).isEqualTo(INDEX);
            assertThat(update.get("ContributorInsightsAction").asText()).isEqualTo("DISABLE");
            assertThat(aws.requests("DescribeContributorInsights").get(0).json().get("IndexName").asText()).isEqualTo(INDEX);

            Cli.Result again = run(aws, "table", "insights", TABLE, "off", "--index", INDEX);
            assertThat(again.err()).contains("already disabled");
            assertThat(aws.requests("UpdateContributorInsights")).hasSize(1);
        }
    }

    @Test
    void showListsTheTopKeysOfEveryRuleWithTheKeyNames() {
        try (TableInsightsAnswers aws = new TableInsightsAnswers().status(null, "ENABLED")
                .report(PKC, new Contributor(List.of("c7"), 1200), new Contributor(List.of("c2"), 300))
                .report(SKC, new Contributor(List.of("c7", "2026-11-24"), 900))
                .report(PKT, new Contributor(List.of("c7"), 42))) {
            Cli.Result result = run(aws, "table", "insights", TABLE, "show", "--since", "3h", "--top", "5", "-o", "table");

            assertThat(result.code()).as(result.toString()).isZero();
            List<String> lines = result.out().lines().toList();
            assertThat(lines.get(0).split("\\s{2,}")).containsExactly("list", "key", "count");
            assertThat(lines.subList(1, lines.size())).extracting(line -> List.of(line.split("\\s{2,}"))).containsExactly(
                    List.of("most accessed (partition key)", "customer=c7", "1200"),
                    List.of("most accessed (partition key)", "customer=c2", "300"),
                    List.of("most accessed (partition + sort key)", "customer=c7, created=2026-11-24", "900"),
                    List.of("most throttled (partition key)", "customer=c7", "42"));

            List<Map<String, String>> reports = aws.requests("GetInsightRuleReport").stream().map(Request::form).toList();
            assertThat(reports).extracting(form -> form.get("RuleName")).containsExactly(PKC, SKC, PKT, SKT);
            for (Map<String, String> form : reports) {
                assertThat(form).containsEntry("MaxContributorCount", "5").containsEntry("OrderBy", "Sum").containsEntry("Period", "300");
                Instant start = Instant.parse(form.get("StartTime"));
                Instant end = Instant.parse(form.get("EndTime"));
                assertThat(Duration.between(start, end)).isEqualTo(Duration.ofHours(3));
                assertThat(end).isAfter(Instant.now().minusSeconds(300));
            }
        }
    }

    @Test
    void showAsJsonGivesEachRuleWithKeysByName() throws IOException {
        try (TableInsightsAnswers aws = new TableInsightsAnswers().status(null, "ENABLED")
                .report(SKT, new Contributor(List.of("c9", "2026-11-25"), 17))) {
            Cli.Result result = run(aws, "table", "insights", TABLE, "show", "-o", "json");

            assertThat(result.code()).as(result.toString()).isZero();
            JsonNode doc = Json.MAPPER.readTree(result.out());
            assertThat(doc.get("status").asText()).isEqualTo("ENABLED");
            assertThat(doc.get("mode").asText()).isEqualTo("ACCESSED_AND_THROTTLED_KEYS");
            JsonNode lists = doc.get("lists");
            assertThat(lists).extracting(list -> list.get("rule").asText()).containsExactly(PKC, SKC, PKT, SKT);
            JsonNode throttled = lists.get(3);
            assertThat(throttled.get("kind").asText()).isEqualTo("most throttled (partition + sort key)");
            assertThat(throttled.get("throttled").asBoolean()).isTrue();
            assertThat(throttled.at("/contributors/0/key").toString()).isEqualTo("{\"customer\":\"c9\",\"created\":\"2026-11-25\"}");
            assertThat(throttled.at("/contributors/0/count").asInt()).isEqualTo(17);
            assertThat(lists.get(0).get("contributors")).isEmpty();
            assertThat(aws.requests("GetInsightRuleReport")).allSatisfy(r -> assertThat(r.form()).containsEntry("MaxContributorCount", "10"));
        }
    }

    /** Nothing is counted while it is off: not found, with the command that turns it on. */
    /** --query applies to the document on a terminal too, as in -o json. */
    @Test
    void showWithAQueryOnATerminalReadsTheDocument() {
        try (TableInsightsAnswers aws = new TableInsightsAnswers().status(null, "ENABLED")
                .report(PKT, new Contributor(List.of("c7"), 42))) {
            List<String> args = new ArrayList<>(List.of("table", "insights", TABLE, "show", "--query",
                    "lists[?throttled].contributors[].key.customer"));
            args.addAll(aws.target());

            Cli.Result result = cli().stdoutTerminal(true).run(args.toArray(String[]::new));

            assertThat(result.code()).as(result.toString()).isZero();
            assertThat(result.out()).contains("c7").doesNotContain("null", "most throttled");
        }
    }

    @Test
    void showWhileOffIsNotFoundWithTheCommandThatTurnsItOn() {
        try (TableInsightsAnswers aws = new TableInsightsAnswers()) {
            Cli.Result table = run(aws, "table", "insights", TABLE, "show");
            Cli.Result index = run(aws, "table", "insights", TABLE, "show", "--index", INDEX);

            assertThat(table.code()).as(table.toString()).isEqualTo(3);
            assertThat(table.err()).contains("Contributor Insights is disabled on table 'orders'", "there are no keys to show",
                    "Turn it on with 'dynctl table insights orders on'");
            assertThat(index.code()).as(index.toString()).isEqualTo(3);
            assertThat(index.err()).contains("on index 'byStatus' of table 'orders'", "'dynctl table insights orders on --index byStatus'");
            assertThat(table.out()).isEmpty();
            assertThat(aws.requests("GetInsightRuleReport")).isEmpty();
        }
    }

    @Test
    void aFailedStatusIsAFailureWithDynamoDbsReason() {
        try (TableInsightsAnswers aws = new TableInsightsAnswers().failed("LimitExceededException", "Per-account rule limit reached")) {
            Cli.Result result = run(aws, "table", "insights", TABLE, "show");

            assertThat(result.code()).as(result.toString()).isEqualTo(1);
            assertThat(result.err()).contains("Contributor Insights failed on table 'orders'",
                    "LimitExceededException: Per-account rule limit reached",
                    "'dynctl table insights orders off', then 'dynctl table insights orders on'");
        }
    }

    @Test
    void anIndexThatIsNotThereIsNotFoundBeforeAnythingIsTurned() {
        try (TableInsightsAnswers aws = new TableInsightsAnswers()) {
            Cli.Result result = run(aws, "table", "insights", TABLE, "on", "--index", "byStatuss");

            assertThat(result.code()).as(result.toString()).isEqualTo(3);
            assertThat(result.err()).contains("Index 'byStatuss' not found on table 'orders'", "Did you mean 'byStatus'?");
            assertThat(aws.requests()).extracting(Request::operation).containsExactly("DescribeTable");
        }
    }

    @Test
    void optionsOfShowAloneAreRefusedElsewhereAndTopIsBounded() {
        assertThat(cli().aws("table", "insights", "t", "on", "--top", "5").err()).contains("--since and --top go with 'show', not 'on'");
        assertThat(cli().aws("table", "insights", "t", "off", "--since", "2h").code()).isEqualTo(2);
        Cli.Result top = cli().aws("table", "insights", "t", "show", "--top", "101");
        assertThat(top.code()).as(top.toString()).isEqualTo(2);
        assertThat(top.err()).contains("1 to 100");
        assertThat(cli().aws("table", "insights", "t", "start").code()).isEqualTo(2);
    }

    /** moto has no Contributor Insights: the command says the engine lacks it (exit 1), after the table is found there. */
    @Test
    void againstMotoTheEngineIsSaidToLackIt() {
        String table = Engine.uniqueName("insights");
        Engine.dynamo().createTable(b -> b.tableName(table)
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .billingMode(BillingMode.PAY_PER_REQUEST));

        Cli.Result on = cli().aws("table", "insights", table, "on");
        Cli.Result missing = cli().aws("table", "insights", table + "x", "show");

        assertThat(on.code()).as(on.toString()).isEqualTo(1);
        assertThat(on.err()).contains("answered DescribeContributorInsights with HTTP 500 and no error code: the engine may not "
                + "implement this request.");
        assertThat(missing.code()).as(missing.toString()).isEqualTo(3);
        assertThat(missing.err()).contains("Table '" + table + "x' not found", "Did you mean '" + table + "'?");
    }

    private static Cli.Result run(TableInsightsAnswers aws, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(aws.target());
        return cli().width(120).run(all.toArray(String[]::new));
    }
}
