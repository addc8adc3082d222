package dev.dynctl.cli.table;

import static dev.dynctl.cli.table.TableInsightsAnswers.INDEX;
import static dev.dynctl.cli.table.TableInsightsAnswers.PKC;
import static dev.dynctl.cli.table.TableInsightsAnswers.PKT;
import static dev.dynctl.cli.table.TableInsightsAnswers.SKT;
import static dev.dynctl.cli.table.TableInsightsAnswers.TABLE;
import static dev.dynctl.table.TableTestSupport.dim;
import static dev.dynctl.table.TableTestSupport.examples;
import static dev.dynctl.table.TableTestSupport.json;
import static dev.dynctl.table.TableTestSupport.provisionedTable;
import static dev.dynctl.table.TableTestSupport.putMetric;
import static dev.dynctl.table.TableTestSupport.rawTable;
import static dev.dynctl.table.TableTestSupport.tableWithIndex;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableDimension;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
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
        String table = rawTable("fresh");

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
        assertThat(finding(before, "auto scaling").get("message").asText()).isEqualTo("on-demand: capacity follows the traffic by itself");
        assertThat(before.get("summary").toString()).isEqualTo("{\"critical\":0,\"warning\":3,\"info\":1,\"ok\":3}");
        assertThat(before.get("findings")).extracting(f -> f.get("severity").asText())
                .containsExactly("warning", "warning", "warning", "info", "ok", "ok", "ok");

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
        String table = rawTable("people");

        Cli.Result result = cli().width(80).aws("table", "health", table, "-o", "table");

        assertThat(result.code()).as(result.toString()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).startsWith("warning   point-in-time recovery  off: the table cannot be restored");
        assertThat(lines.get(1)).isEqualTo("          fix: dynctl table update " + table + " --pitr");
        assertThat(lines).contains("ok        throttling              no throttle events in the last hour");
        assertThat(result.err()).contains("Table '" + table + "' in endpoint", ": 3 warning, 1 info, 3 ok.");
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
        String table = rawTable("hot");
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

    /**
     * dynctl sets a global index's capacity through auto scaling: the fix registers it from what
     * the peak needs, and the auto scaling finding then names only the side that still does not scale.
     */
    @Test
    void anIndexNearItsCapacityIsRaisedByAutoScaling() {
        String table = tableWithIndex("indexed", "byEmail", 50, 5);
        put(List.of(dim("TableName", table), dim("GlobalSecondaryIndexName", "byEmail")), "ConsumedWriteCapacityUnits", 3, 330);

        JsonNode report = health(table);

        assertThat(finding(report, "capacity").get("message").asText())
                .isEqualTo("index byEmail writes peaked at 5.5 of 5 provisioned units/s (110%) in the last hour");
        // 5.5 a second at 70% is 8 units
        String fix = finding(report, "capacity").get("fix").asText();
        assertThat(fix).isEqualTo("dynctl table autoscale " + table + " --index byEmail --write --min 8 --max 16");
        assertThat(findings(report, "auto scaling")).extracting(f -> f.get("severity").asText() + " " + f.get("message").asText())
                .containsExactly("warning index byEmail: read and write capacity fixed at 5 and 5 units/s, without auto scaling; "
                        + "it was throttled or above 80% in the last hour",
                        "info table: read and write capacity fixed at 50 and 50 units/s, without auto scaling");

        runFix(fix);

        ScalableTarget target = scalableTarget("table/" + table + "/index/byEmail", ScalableDimension.DYNAMODB_INDEX_WRITE_CAPACITY_UNITS);
        assertThat(target.minCapacity()).isEqualTo(8);
        assertThat(target.maxCapacity()).isEqualTo(16);
        assertThat(findings(health(table), "auto scaling")).extracting(f -> f.get("message").asText()).contains(
                "index byEmail: read capacity fixed at 5 units/s, without auto scaling");
    }

    /**
     * On a side that auto scales, `table update --rcu` would be undone by Application Auto
     * Scaling: the fix is a higher maximum, the old one at 70% of it.
     */
    @Test
    void anAutoScaledTableThrottledIsGivenAHigherMaximum() {
        String table = provisionedTable("scaledhot", 10, 4);
        runFix("dynctl table autoscale " + table + " --read --min 5 --max 10");
        put(List.of(dim("TableName", table)), "ReadThrottleEvents", 2, 30);

        JsonNode report = health(table);

        assertThat(severity(report, "throttling")).isEqualTo("critical");
        String fix = finding(report, "throttling").get("fix").asText();
        assertThat(fix).isEqualTo("dynctl table autoscale " + table + " --read --max 15");
        // the write side does not scale, and was not strained: worth knowing
        JsonNode scaling = finding(report, "auto scaling");
        assertThat(scaling.get("severity").asText()).isEqualTo("info");
        assertThat(scaling.get("message").asText()).isEqualTo("table: write capacity fixed at 4 units/s, without auto scaling");
        assertThat(scaling.get("fix").asText()).isEqualTo("dynctl table autoscale " + table + " --write --min 4 --max 8");

        runFix(fix);
        runFix(scaling.get("fix").asText());

        assertThat(scalableTarget("table/" + table, ScalableDimension.DYNAMODB_TABLE_READ_CAPACITY_UNITS).maxCapacity()).isEqualTo(15);
        ScalableTarget writes = scalableTarget("table/" + table, ScalableDimension.DYNAMODB_TABLE_WRITE_CAPACITY_UNITS);
        assertThat(writes.minCapacity()).isEqualTo(4);
        assertThat(writes.maxCapacity()).isEqualTo(8);
        JsonNode after = health(table);
        assertThat(severity(after, "auto scaling")).isEqualTo("ok");
        assertThat(finding(after, "auto scaling").get("message").asText()).isEqualTo("every read and write capacity auto scales");
        // still throttled in the last hour, and now at its new maximum's scale
        assertThat(finding(after, "throttling").get("fix").asText()).isEqualTo("dynctl table autoscale " + table + " --read --max 22");
    }

    /** A provisioned side without scaling that was throttled is a warning; its fix turns scaling on. */
    @Test
    void aThrottledSideWithoutScalingIsAWarningWhoseFixTurnsItOn() {
        String table = provisionedTable("fixedhot", 10, 4);
        put(List.of(dim("TableName", table)), "WriteThrottleEvents", 2, 3);

        JsonNode report = health(table);

        JsonNode scaling = finding(report, "auto scaling");
        assertThat(scaling.get("severity").asText()).isEqualTo("warning");
        assertThat(scaling.get("message").asText()).isEqualTo("table: read and write capacity fixed at 10 and 4 units/s, without auto "
                + "scaling; it was throttled or above 80% in the last hour");
        // writes: 4 provisioned, throttled, so at least 4 in demand: 6 at 70%, and twice that at most
        assertThat(scaling.get("fix").asText()).isEqualTo("dynctl table autoscale " + table + " --min 4 --max 20");

        runFix(scaling.get("fix").asText());

        assertThat(severity(health(table), "auto scaling")).isEqualTo("ok");
    }

    @Test
    void withPointInTimeRecoveryOnNoRecentBackupIsOnlyInfo() {
        String table = rawTable("pitr");
        Engine.dynamo().updateContinuousBackups(b -> b.tableName(table).pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true)));

        JsonNode report = health(table, "--backup-age", "2d");

        assertThat(severity(report, "point-in-time recovery")).isEqualTo("ok");
        assertThat(severity(report, "backups")).isEqualTo("info");
        assertThat(finding(report, "backups").get("message").asText())
                .isEqualTo("no on-demand backup in the last 2d; point-in-time recovery covers the last 35 days only");
    }

    @Test
    void failOnExitsOneWhenAFindingIsAtThatLevelAfterTheReport() throws IOException {
        String table = rawTable("ci");

        Cli.Result critical = cli().aws("table", "health", table, "--fail-on", "critical", "-o", "json");
        Cli.Result warning = cli().aws("table", "health", table, "--fail-on", "warning", "-o", "json");

        assertThat(critical.code()).as(critical.toString()).isZero();
        assertThat(warning.code()).as(warning.toString()).isEqualTo(1);
        assertThat(warning.err()).contains("Table '" + table + "' has 3 findings at warning or above (--fail-on warning).");
        assertThat(Json.MAPPER.readTree(warning.out()).get("findings")).hasSize(7);
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

    /** An on-demand index throttled: Contributor Insights on that index names its hot keys; `show` once it is on. */
    @Test
    void aThrottledOnDemandIndexIsPointedAtItsOwnContributorInsights() {
        try (TableInsightsAnswers off = new TableInsightsAnswers().throttled(INDEX, "WriteThrottleEvents", 7);
             TableInsightsAnswers on = new TableInsightsAnswers().throttled(INDEX, "WriteThrottleEvents", 7).status(INDEX, "ENABLED")) {
            JsonNode unwatched = json(run(off, "table", "health", TABLE, "-o", "json"));
            JsonNode watched = json(run(on, "table", "health", TABLE, "-o", "json"));

            JsonNode throttling = finding(unwatched, "throttling");
            assertThat(throttling.get("severity").asText()).isEqualTo("critical");
            assertThat(throttling.get("message").asText()).isEqualTo("index byStatus: 7 write throttle events in the last hour, 7 in the last "
                    + "10 minutes (on-demand: a hot partition over 3,000 read units or 1,000 write units a second, traffic over double "
                    + "its previous peak, or the table's maximum throughput)");
            assertThat(throttling.get("fix").asText()).isEqualTo("dynctl table insights orders on --index byStatus");
            assertThat(finding(watched, "throttling").get("fix").asText()).isEqualTo("dynctl table insights orders show --index byStatus");
            assertThat(on.requests("DescribeContributorInsights")).extracting(r -> r.json().path("IndexName").asText(""))
                    .containsExactlyInAnyOrder("", INDEX);
        }
    }

    /** A caller not allowed to read Contributor Insights gets the rest of the report, and is told what was not looked at. */
    @Test
    void contributorInsightsNotPermittedIsInfoAndTheReportGoesOn() {
        try (TableInsightsAnswers denied = new TableInsightsAnswers().deny("DescribeContributorInsights");
             TableInsightsAnswers reportDenied = new TableInsightsAnswers().status(null, "ENABLED").deny("GetInsightRuleReport")) {
            JsonNode report = json(run(denied, "table", "health", TABLE, "-o", "json"));
            JsonNode second = json(run(reportDenied, "table", "health", TABLE, "-o", "json"));

            assertThat(severity(report, "hot keys")).isEqualTo("info");
            assertThat(finding(report, "hot keys").get("message").asText()).isEqualTo("not permitted to read Contributor Insights "
                    + "(DescribeContributorInsights: access denied): the keys throttled most were not looked at");
            assertThat(finding(report, "hot keys").get("fix").isNull()).isTrue();
            assertThat(severity(report, "point-in-time recovery")).isEqualTo("ok");
            assertThat(severity(second, "hot keys")).isEqualTo("info");
            assertThat(finding(second, "hot keys").get("message").asText()).isEqualTo("not permitted to read the Contributor Insights "
                    + "reports (GetInsightRuleReport: access denied): the keys throttled most were not looked at");
        }
    }

    @Test
    void contributorInsightsThatFailedIsAWarningNotOff() {
        try (TableInsightsAnswers aws = new TableInsightsAnswers().failed("LimitExceededException", "Too many rules")) {
            JsonNode hot = finding(json(run(aws, "table", "health", TABLE, "-o", "json")), "hot keys");

            assertThat(hot.get("severity").asText()).isEqualTo("warning");
            assertThat(hot.get("message").asText()).isEqualTo("Contributor Insights failed (LimitExceededException: Too many rules): "
                    + "the keys throttled most cannot be named");
            assertThat(hot.get("fix").asText()).isEqualTo("dynctl table insights orders on");
        }
    }

    /** -o text: one tab-separated line per finding; an OK finding has no fix, and its last field is None, as null is in all text output. */
    @Test
    void textHasATabSeparatedLinePerFindingWithNoneWhereThereIsNoFix() {
        String table = rawTable("text");

        Cli.Result result = cli().aws("table", "health", table, "-o", "text");

        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(result.out().lines().toList()).contains(
                "warning\tdeletion protection\toff: one 'table delete' removes the table and its items\tdynctl table update " + table
                        + " --deletion-protection",
                "ok\tthrottling\tno throttle events in the last hour\tNone");
    }

    @Test
    void aMissingTableIsNotFoundWithTheNearNames() {
        String table = rawTable("missing");

        Cli.Result result = cli().aws("table", "health", table + "x");

        assertThat(result.code()).as(result.toString()).isEqualTo(3);
        assertThat(result.err()).contains("Table '" + table + "x' not found", "Did you mean '" + table + "'?");
        assertThat(result.out()).isEmpty();
    }

    /** The examples of --help, as written, on a table with nothing to fix (each exits 0, the CI one too). */
    @Test
    void theHelpExamplesWork() {
        String orders = rawTable("orders");
        Engine.dynamo().updateTable(b -> b.tableName(orders).deletionProtectionEnabled(true));
        Engine.dynamo().updateContinuousBackups(b -> b.tableName(orders).pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true)));
        Engine.dynamo().createBackup(b -> b.tableName(orders).backupName("nightly"));
        List<List<String>> examples = examples(new picocli.CommandLine(new TableHealthCommand()).getCommandSpec().usageMessage().footer());
        assertThat(examples).hasSize(3);
        for (List<String> example : examples) {
            List<String> args = new ArrayList<>(example.subList(1, example.size()));
            args.set(args.indexOf("orders"), orders);

            Cli.Result result = cli().aws(args.toArray(String[]::new));

            assertThat(result.code()).as(String.join(" ", example) + "\n" + result).isZero();
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

    private static JsonNode finding(JsonNode report, String check) {
        for (JsonNode finding : report.get("findings")) {
            if (finding.get("check").asText().equals(check)) {
                return finding;
            }
        }
        throw new AssertionError("no " + check + " in " + report);
    }

    private static List<JsonNode> findings(JsonNode report, String check) {
        List<JsonNode> found = new ArrayList<>();
        report.get("findings").forEach(finding -> {
            if (finding.get("check").asText().equals(check)) {
                found.add(finding);
            }
        });
        return found;
    }

    private static ScalableTarget scalableTarget(String resourceId, ScalableDimension dimension) {
        return Engine.autoScaling().describeScalableTargets(b -> b.serviceNamespace(ServiceNamespace.DYNAMODB).resourceIds(resourceId))
                .scalableTargets().stream().filter(t -> t.resourceId().equals(resourceId) && t.scalableDimension() == dimension)
                .findFirst().orElseThrow(() -> new AssertionError("no " + dimension + " of " + resourceId));
    }

    private static String severity(JsonNode report, String check) {
        return finding(report, check).get("severity").asText();
    }

    private void put(List<Dimension> dims, String metric, int minutesAgo, double value) {
        putMetric(now.minus(Duration.ofMinutes(minutesAgo)), dims, metric, StandardUnit.COUNT, value);
    }
}
