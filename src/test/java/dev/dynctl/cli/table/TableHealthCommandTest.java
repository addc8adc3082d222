package dev.dynctl.cli.table;

import static dev.dynctl.cli.table.TableInsightsAnswers.PKC;
import static dev.dynctl.cli.table.TableInsightsAnswers.PKT;
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
import dev.dynctl.testing.ShellWords;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * `table health` on tables whose settings are made in moto and whose metrics are put into moto's
 * CloudWatch by the test; Contributor Insights, which moto lacks, through a stub. The fixes it
 * prints are run as printed, and the findings they fix go away.
 */
class TableHealthCommandTest {
    /** This test's clock: the data points are put relative to it. */
    private final Instant now = Instant.now();

    @Test
    void aFreshTablesWarningsComeWithFixesThatWorkAsPrinted() {
        String table = onDemandTable("fresh");

        JsonNode before = health(table);

        assertThat(severity(before, "point-in-time recovery")).isEqualTo("warning");
        assertThat(finding(before, "point-in-time recovery").get("fix").asText()).isEqualTo("dynctl table update " + table + " --pitr");
        assertThat(severity(before, "deletion protection")).isEqualTo("warning");
        assertThat(finding(before, "deletion protection").get("fix").asText())
                .isEqualTo("dynctl table update " + table + " --deletion-protection");
        assertThat(finding(before, "backups").get("message").asText())
                .isEqualTo("no on-demand backup in the last 7d and point-in-time recovery is off: nothing to restore from");
        assertThat(finding(before, "backups").get("fix").asText()).isEqualTo("dynctl backup create " + table);
        assertThat(severity(before, "backups")).isEqualTo("warning");
        assertThat(finding(before, "throttling").get("message").asText()).isEqualTo("no throttle events in the last hour");
        assertThat(finding(before, "capacity").get("message").asText()).isEqualTo("on-demand: no provisioned capacity to run out of");
        // moto has no Contributor Insights: said, not failed
        assertThat(severity(before, "hot keys")).isEqualTo("info");
        assertThat(finding(before, "hot keys").get("message").asText()).contains("has no Contributor Insights");
        assertThat(before.get("summary").toString()).isEqualTo("{\"critical\":0,\"warning\":3,\"info\":1,\"ok\":2}");
        assertThat(before.get("findings")).extracting(f -> f.get("severity").asText())
                .containsExactly("warning", "warning", "warning", "info", "ok", "ok");

        for (JsonNode finding : before.get("findings")) {
            if (finding.get("severity").asText().equals("warning")) {
                runFix(finding.get("fix").asText());
            }
        }
        JsonNode after = health(table);

        assertThat(severity(after, "point-in-time recovery")).isEqualTo("ok");
        assertThat(severity(after, "deletion protection")).isEqualTo("ok");
        assertThat(severity(after, "backups")).isEqualTo("ok");
        assertThat(finding(after, "backups").get("message").asText()).startsWith("1 in the last 7d, newest '" + table + "-");
        TableDescription described = Engine.dynamo().describeTable(b -> b.tableName(table)).table();
        assertThat(described.deletionProtectionEnabled()).isTrue();
        assertThat(Engine.dynamo().describeContinuousBackups(b -> b.tableName(table)).continuousBackupsDescription()
                .pointInTimeRecoveryDescription().pointInTimeRecoveryStatus()).isEqualTo(PointInTimeRecoveryStatus.ENABLED);
    }

    @Test
    void aPersonSeesEachFindingWithItsFixBelowIt() {
        String table = onDemandTable("people");

        Cli.Result result = cli().width(80).aws("table", "health", table, "-o", "table");

        assertThat(result.code()).as(result.toString()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).startsWith("warning   point-in-time recovery  off: the table cannot be restored");
        assertThat(lines.get(1)).isEqualTo("          fix: dynctl table update " + table + " --pitr");
        assertThat(lines).contains("ok        throttling              no throttle events in the last hour");
        assertThat(result.err()).contains("Table '" + table + "' in endpoint", ": 3 warning, 1 info, 2 ok.");
    }

    @Test
    void throttlingEarlierInTheHourIsAWarningAndInTheLastTenMinutesCritical() {
        String table = provisionedTable("throttled", 10, 4);
        put(List.of(dim("TableName", table)), "ReadThrottleEvents", 40, 12);

        JsonNode earlier = health(table);

        assertThat(severity(earlier, "throttling")).isEqualTo("warning");
        assertThat(finding(earlier, "throttling").get("message").asText())
                .isEqualTo("table: 12 read throttle events in the last hour, none in the last 10 minutes");
        // no consumption on record: the capacity that puts what is provisioned at 70%
        assertThat(finding(earlier, "throttling").get("fix").asText()).isEqualTo("dynctl table update " + table + " --rcu 15");

        put(List.of(dim("TableName", table)), "WriteThrottleEvents", 2, 3);
        JsonNode now = health(table);

        assertThat(severity(now, "throttling")).isEqualTo("critical");
        assertThat(finding(now, "throttling").get("message").asText())
                .isEqualTo("table: 12 read and 3 write throttle events in the last hour, 3 in the last 10 minutes");
        String fix = finding(now, "throttling").get("fix").asText();
        assertThat(fix).isEqualTo("dynctl table update " + table + " --rcu 15 --wcu 6");
        assertThat(now.get("findings").get(0).get("check").asText()).isEqualTo("throttling");

        runFix(fix);
        TableDescription described = Engine.dynamo().describeTable(b -> b.tableName(table)).table();
        assertThat(described.provisionedThroughput().readCapacityUnits()).isEqualTo(15);
        assertThat(described.provisionedThroughput().writeCapacityUnits()).isEqualTo(6);
    }

    @Test
    void anOnDemandTableThrottledIsPointedAtItsHotKeys() {
        String table = onDemandTable("hot");
        put(List.of(dim("TableName", table)), "WriteThrottleEvents", 1, 50);

        JsonNode report = health(table);

        assertThat(severity(report, "throttling")).isEqualTo("critical");
        assertThat(finding(report, "throttling").get("message").asText()).contains("table: 50 write throttle events", "on-demand: a hot partition");
        assertThat(finding(report, "throttling").get("fix").asText()).isEqualTo("dynctl table insights " + table + " on");
    }

    /** Peaks are per second over one minute: 540 units in a minute is 9 a second. */
    @Test
    void aProvisionedTableNearItsCapacityIsWarnedAndOverItCritical() {
        String near = provisionedTable("near", 10, 10);
        put(List.of(dim("TableName", near)), "ConsumedReadCapacityUnits", 5, 540);
        String over = provisionedTable("over", 10, 10);
        put(List.of(dim("TableName", over)), "ConsumedWriteCapacityUnits", 5, 660);

        JsonNode nearReport = health(near);
        JsonNode overReport = health(over);

        assertThat(severity(nearReport, "capacity")).isEqualTo("warning");
        assertThat(finding(nearReport, "capacity").get("message").asText())
                .isEqualTo("table reads peaked at 9 of 10 provisioned units/s (90%) in the last hour");
        assertThat(finding(nearReport, "capacity").get("fix").asText()).isEqualTo("dynctl table update " + near + " --rcu 13");
        assertThat(severity(overReport, "capacity")).isEqualTo("critical");
        assertThat(finding(overReport, "capacity").get("message").asText())
                .isEqualTo("table writes peaked at 11 of 10 provisioned units/s (110%) in the last hour");
        assertThat(finding(overReport, "capacity").get("fix").asText()).isEqualTo("dynctl table update " + over + " --wcu 16");

        String calm = provisionedTable("calm", 10, 10);
        put(List.of(dim("TableName", calm)), "ConsumedReadCapacityUnits", 5, 120);
        assertThat(finding(health(calm), "capacity").get("message").asText())
                .isEqualTo("every peak within 80% of provisioned capacity (highest: table reads, 20%)");
    }

    /** Throttled requests consume nothing: a throttled table is sized from its capacity, and both findings agree. */
    @Test
    void aThrottledTableNearItsCapacityGetsOneSuggestion() {
        String table = provisionedTable("both", 10, 10);
        put(List.of(dim("TableName", table)), "ConsumedReadCapacityUnits", 5, 540);
        put(List.of(dim("TableName", table)), "ReadThrottleEvents", 5, 3);

        JsonNode report = health(table);

        assertThat(finding(report, "capacity").get("fix").asText()).isEqualTo("dynctl table update " + table + " --rcu 15");
        assertThat(finding(report, "throttling").get("fix").asText()).isEqualTo("dynctl table update " + table + " --rcu 15");
    }

    /** dynctl sets a global index's capacity only with a billing switch: the fix is the console's step. */
    @Test
    void anIndexNearItsCapacityIsFixedInTheConsole() {
        String table = tableWithIndex("indexed", "byEmail");
        put(List.of(dim("TableName", table), dim("GlobalSecondaryIndexName", "byEmail")), "ConsumedWriteCapacityUnits", 3, 330);

        JsonNode report = health(table);

        assertThat(finding(report, "capacity").get("message").asText())
                .isEqualTo("index byEmail writes peaked at 5.5 of 5 provisioned units/s (110%) in the last hour");
        assertThat(finding(report, "capacity").get("fix").asText())
                .isEqualTo("AWS console: DynamoDB > Tables > " + table + " > Indexes > byEmail > Edit capacity (raise it, or turn on auto scaling)");
    }

    @Test
    void withPointInTimeRecoveryOnNoRecentBackupIsOnlyInfo() {
        String table = onDemandTable("pitr");
        Engine.dynamo().updateContinuousBackups(b -> b.tableName(table).pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true)));

        JsonNode report = health(table, "--backup-age", "2d");

        assertThat(severity(report, "point-in-time recovery")).isEqualTo("ok");
        assertThat(severity(report, "backups")).isEqualTo("info");
        assertThat(finding(report, "backups").get("message").asText())
                .isEqualTo("no on-demand backup in the last 2d; point-in-time recovery covers the last 35 days only");
    }

    @Test
    void failOnExitsOneWhenAFindingIsAtThatLevelAfterTheReport() throws IOException {
        String table = onDemandTable("ci");

        Cli.Result critical = cli().aws("table", "health", table, "--fail-on", "critical", "-o", "json");
        Cli.Result warning = cli().aws("table", "health", table, "--fail-on", "warning", "-o", "json");

        assertThat(critical.code()).as(critical.toString()).isZero();
        assertThat(warning.code()).as(warning.toString()).isEqualTo(1);
        assertThat(warning.err()).contains("Table '" + table + "' has 3 findings at warning or above (--fail-on warning).");
        assertThat(Json.MAPPER.readTree(warning.out()).get("findings")).hasSize(6);
        Cli.Result bad = cli().aws("table", "health", table, "--fail-on", "info");
        assertThat(bad.code()).as(bad.toString()).isEqualTo(2);
        assertThat(bad.err()).contains("'info' is not one of warning, critical.");
    }

    @Test
    void theKeysThrottledMostAreNamedWhenContributorInsightsIsOn() {
        try (TableInsightsAnswers aws = new TableInsightsAnswers().status(null, "ENABLED")
                .report(PKC, new Contributor(List.of("c1"), 5000))
                .report(PKT, new Contributor(List.of("c7"), 42), new Contributor(List.of("c3"), 2))
                .report(SKT, new Contributor(List.of("c7", "2026-11-24"), 30))) {
            JsonNode report = json(run(aws, "table", "health", TABLE, "-o", "json"));

            JsonNode hot = finding(report, "hot keys");
            assertThat(hot.get("severity").asText()).isEqualTo("warning");
            assertThat(hot.get("message").asText()).isEqualTo("keys throttled most in the last hour: c7 (42), c3 (2), c7/2026-11-24 (30); "
                    + "spread their traffic over more partition keys");
            assertThat(hot.get("fix").asText()).isEqualTo("dynctl table insights orders show");
            // only the throttled keys' rules are read, three keys each, over the last hour
            List<Request> reports = aws.requests("GetInsightRuleReport");
            assertThat(reports).extracting(r -> r.form().get("RuleName")).containsExactly(PKT, SKT);
            assertThat(reports).allSatisfy(r -> {
                assertThat(r.form()).containsEntry("MaxContributorCount", "3");
                assertThat(Duration.between(Instant.parse(r.form().get("StartTime")), Instant.parse(r.form().get("EndTime"))))
                        .isEqualTo(Duration.ofHours(1));
            });
            assertThat(severity(report, "point-in-time recovery")).isEqualTo("ok");
            assertThat(severity(report, "deletion protection")).isEqualTo("ok");
        }
    }

    @Test
    void contributorInsightsOffIsInfoWithTheCommandThatTurnsItOn() {
        try (TableInsightsAnswers aws = new TableInsightsAnswers()) {
            JsonNode report = json(run(aws, "table", "health", TABLE, "-o", "json"));

            JsonNode hot = finding(report, "hot keys");
            assertThat(hot.get("severity").asText()).isEqualTo("info");
            assertThat(hot.get("fix").asText()).isEqualTo("dynctl table insights orders on");
            assertThat(aws.requests("GetInsightRuleReport")).isEmpty();
        }
    }

    @Test
    void aMissingTableIsNotFoundWithTheNearNames() {
        String table = onDemandTable("missing");

        Cli.Result result = cli().aws("table", "health", table + "x");

        assertThat(result.code()).as(result.toString()).isEqualTo(3);
        assertThat(result.err()).contains("Table '" + table + "x' not found", "Did you mean '" + table + "'?");
        assertThat(result.out()).isEmpty();
    }

    /** The examples of --help, as written, on a table with nothing to fix (each exits 0, the CI one too). */
    @Test
    void theHelpExamplesWork() {
        String orders = onDemandTable("orders");
        Engine.dynamo().updateTable(b -> b.tableName(orders).deletionProtectionEnabled(true));
        Engine.dynamo().updateContinuousBackups(b -> b.tableName(orders).pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true)));
        Engine.dynamo().createBackup(b -> b.tableName(orders).backupName("nightly"));
        String[] footer = new picocli.CommandLine(new TableHealthCommand()).getCommandSpec().usageMessage().footer();
        List<String> examples = List.of(footer).stream().filter(line -> line.startsWith("  dynctl ")).toList();
        assertThat(examples).hasSize(3);
        for (String example : examples) {
            List<String> args = new ArrayList<>(ShellWords.split(example.replaceFirst("\\s+#\\s.*$", "").trim()));
            args.remove(0);
            args.set(args.indexOf("orders"), orders);

            Cli.Result result = cli().aws(args.toArray(String[]::new));

            assertThat(result.code()).as(example + "\n" + result).isZero();
        }
    }

    private JsonNode health(String table, String... options) {
        List<String> args = new ArrayList<>(List.of("table", "health", table, "-o", "json"));
        args.addAll(List.of(options));
        return json(cli().aws(args.toArray(String[]::new)));
    }

    /** Runs a fix as printed, against the test engine. */
    private static void runFix(String fix) {
        List<String> words = ShellWords.split(fix);
        assertThat(words.get(0)).isEqualTo("dynctl");
        Cli.Result result = cli().aws(words.subList(1, words.size()).toArray(String[]::new));
        assertThat(result.code()).as(fix + "\n" + result).isZero();
    }

    private static Cli.Result run(TableInsightsAnswers aws, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(aws.target());
        return cli().run(all.toArray(String[]::new));
    }

    private static JsonNode json(Cli.Result result) {
        assertThat(result.code()).as(result.toString()).isZero();
        try {
            return Json.MAPPER.readTree(result.out());
        } catch (IOException e) {
            throw new UncheckedIOException(result.toString(), e);
        }
    }

    private static JsonNode finding(JsonNode report, String check) {
        for (JsonNode finding : report.get("findings")) {
            if (finding.get("check").asText().equals(check)) {
                return finding;
            }
        }
        throw new AssertionError("no " + check + " in " + report);
    }

    private static String severity(JsonNode report, String check) {
        return finding(report, check).get("severity").asText();
    }

    private static String onDemandTable(String prefix) {
        String name = Engine.uniqueName(prefix);
        Engine.dynamo().createTable(b -> b.tableName(name)
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .billingMode(BillingMode.PAY_PER_REQUEST));
        return name;
    }

    private static String provisionedTable(String prefix, long rcu, long wcu) {
        String name = Engine.uniqueName(prefix);
        Engine.dynamo().createTable(b -> b.tableName(name)
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .billingMode(BillingMode.PROVISIONED).provisionedThroughput(p -> p.readCapacityUnits(rcu).writeCapacityUnits(wcu)));
        return name;
    }

    private static String tableWithIndex(String prefix, String index) {
        String name = Engine.uniqueName(prefix);
        Engine.dynamo().createTable(b -> b.tableName(name)
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("email").attributeType(ScalarAttributeType.S))
                .billingMode(BillingMode.PROVISIONED).provisionedThroughput(p -> p.readCapacityUnits(50L).writeCapacityUnits(50L))
                .globalSecondaryIndexes(g -> g.indexName(index).keySchema(k -> k.attributeName("email").keyType(KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL))
                        .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L))));
        return name;
    }

    private void put(List<Dimension> dims, String metric, int minutesAgo, double value) {
        MetricDatum datum = MetricDatum.builder().metricName(metric).dimensions(dims).unit(StandardUnit.COUNT).value(value)
                .timestamp(now.minus(Duration.ofMinutes(minutesAgo))).build();
        Engine.cloudWatch().putMetricData(b -> b.namespace("AWS/DynamoDB").metricData(datum));
    }

    private static Dimension dim(String name, String value) {
        return Dimension.builder().name(name).value(value).build();
    }
}
