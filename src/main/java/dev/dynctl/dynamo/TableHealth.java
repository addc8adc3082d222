package dev.dynctl.dynamo;

import dev.dynctl.aws.EngineGap;
import dev.dynctl.dynamo.HealthFinding.Severity;
import dev.dynctl.metrics.MetricReader;
import dev.dynctl.metrics.MetricWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BackupSummary;
import software.amazon.awssdk.services.dynamodb.model.BackupType;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ContributorInsightsStatus;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryDescription;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * What needs attention on a table, each finding with the command that fixes it: throttling and
 * capacity in the last hour (CloudWatch, one GetMetricData call), auto scaling (one
 * DescribeScalableTargets call), the keys throttled most (Contributor Insights, when it is on),
 * point-in-time recovery, deletion protection and recent backups. Every check gives a finding, OK
 * ones too, so a report says what was looked at; a check the caller may not make is info.
 */
public final class TableHealth {
    /** How far back throttling and capacity are looked at. */
    private static final Duration LOOKBACK = Duration.ofHours(1);
    /** One-minute points: a peak of consumed capacity is not averaged away over five. */
    private static final Duration PERIOD = Duration.ofMinutes(1);
    /** The throttled keys a finding names. */
    private static final int HOT_KEYS = 3;
    /** What AWS answers a caller whose policy does not allow the request. */
    private static final Set<String> NOT_PERMITTED = Set.of("AccessDeniedException", "AccessDenied");

    private final DynamoDbClient dynamo;
    private final MetricReader metrics;
    private final ContributorInsights insights;
    private final TableAutoScaling autoScaling;
    private final String where;

    public TableHealth(DynamoDbClient dynamo, MetricReader metrics, ContributorInsights insights, TableAutoScaling autoScaling,
            String where) {
        this.dynamo = dynamo;
        this.metrics = metrics;
        this.insights = insights;
        this.autoScaling = autoScaling;
        this.where = where;
    }

    /** Contributor Insights on the table or a global index, or why it could not be read. */
    private record Watch(ContributorInsights.Status status, String unread) {
    }

    /**
     * Checks the table; findings most severe first.
     *
     * @param backupAge an on-demand backup (or AWS Backup's) at most this old is recent enough
     */
    public List<HealthFinding> check(String table, Duration backupAge, Instant now) {
        TableDescription description = MissingTable.describe(dynamo, table, where);
        MetricWindow window = MetricWindow.ending(now, LOOKBACK, PERIOD);
        TableLoad load = TableLoad.read(metrics, description, window, scaled(description));
        Map<String, Watch> watches = new HashMap<>();
        Function<String, Watch> watch = index -> watches.computeIfAbsent(index == null ? "" : index,
                key -> contributorInsights(description, index));
        List<HealthFinding> findings = new ArrayList<>();
        findings.addAll(load.throttling(index -> watch.apply(index).status()));
        findings.add(hotKeys(table, watch.apply(null), window));
        findings.addAll(load.capacity());
        findings.addAll(load.autoScaling());
        PointInTimeRecoveryDescription pitr = new BackupService(dynamo, where).pointInTimeRecovery(table);
        boolean pitrOn = pitr.pointInTimeRecoveryStatus() == PointInTimeRecoveryStatus.ENABLED;
        findings.add(pointInTimeRecovery(table, pitr, pitrOn));
        findings.add(deletionProtection(table, description));
        findings.add(backups(table, backupAge, now, pitrOn));
        return findings.stream().sorted(Comparator.comparing(HealthFinding::severity).reversed()).toList();
    }

    /** The sides that auto scale (none on an on-demand table); null when the caller may not read them. */
    private Map<ScalableCapacity, ScalableTarget> scaled(TableDescription description) {
        if (TableDescriptions.billingMode(description) == BillingMode.PAY_PER_REQUEST) {
            return Map.of();
        }
        try {
            return autoScaling.targets(description);
        } catch (SdkServiceException e) {
            if (notPermitted(e)) {
                return null;
            }
            throw e;
        }
    }

    /** Contributor Insights on the table (index null) or a global index; an engine without it, or a caller not allowed to read it, is said. */
    private Watch contributorInsights(TableDescription description, String index) {
        try {
            return new Watch(insights.status(description, index), null);
        } catch (SdkServiceException e) {
            if (EngineGap.notImplemented(e)) {
                return new Watch(null, where + " has no Contributor Insights");
            }
            if (notPermitted(e)) {
                return new Watch(null, "not permitted to read Contributor Insights (DescribeContributorInsights: access denied)");
            }
            throw e;
        }
    }

    private HealthFinding hotKeys(String table, Watch watch, MetricWindow window) {
        String check = "hot keys";
        ContributorInsights.Status status = watch.status();
        if (status == null) {
            return new HealthFinding(Severity.INFO, check, watch.unread() + ": the keys throttled most were not looked at", null);
        }
        if (status.state() == ContributorInsightsStatus.FAILED) {
            return new HealthFinding(Severity.WARNING, check, "Contributor Insights failed (" + status.failure()
                    + "): the keys throttled most cannot be named", ContributorInsights.command(table, null, "on"));
        }
        if (!status.on()) {
            return new HealthFinding(Severity.INFO, check, "Contributor Insights is off: the keys throttled most cannot be named",
                    ContributorInsights.command(table, null, "on"));
        }
        List<String> hot = new ArrayList<>();
        try {
            for (ContributorInsights.RuleReport report : insights.reports(status, window, HOT_KEYS, true)) {
                report.contributors().forEach(c -> hot.add(String.join("/", c.keys()) + " (" + TableLoad.count(c.count()) + ")"));
            }
        } catch (SdkServiceException e) {
            if (!notPermitted(e)) {
                throw e;
            }
            return new HealthFinding(Severity.INFO, check, "not permitted to read the Contributor Insights reports "
                    + "(GetInsightRuleReport: access denied): the keys throttled most were not looked at", null);
        }
        if (hot.isEmpty()) {
            return HealthFinding.ok(check, "no throttled keys in the last hour (Contributor Insights is on)");
        }
        return new HealthFinding(Severity.WARNING, check, "keys throttled most in the last hour: " + String.join(", ", hot)
                + "; spread their traffic over more partition keys", ContributorInsights.command(table, null, "show"));
    }

    /** An AccessDenied answer: the caller's policy does not allow the request. */
    private static boolean notPermitted(SdkServiceException e) {
        return e instanceof AwsServiceException aws && aws.awsErrorDetails() != null
                && NOT_PERMITTED.contains(aws.awsErrorDetails().errorCode());
    }

    private static HealthFinding pointInTimeRecovery(String table, PointInTimeRecoveryDescription pitr, boolean on) {
        String check = "point-in-time recovery";
        if (on) {
            return HealthFinding.ok(check, "on" + (pitr.earliestRestorableDateTime() == null ? ""
                    : ": restorable to any second since " + pitr.earliestRestorableDateTime()));
        }
        return new HealthFinding(Severity.WARNING, check, "off: the table cannot be restored to the moment before a bad write or delete",
                "dynctl table update " + table + " --pitr");
    }

    private static HealthFinding deletionProtection(String table, TableDescription description) {
        String check = "deletion protection";
        if (Boolean.TRUE.equals(description.deletionProtectionEnabled())) {
            return HealthFinding.ok(check, "on");
        }
        return new HealthFinding(Severity.WARNING, check, "off: one 'table delete' removes the table and its items",
                "dynctl table update " + table + " --deletion-protection");
    }

    /** The user's own backups and AWS Backup's count; those DynamoDB makes when a table is deleted (SYSTEM) do not. */
    private HealthFinding backups(String table, Duration backupAge, Instant now, boolean pitrOn) {
        String check = "backups";
        List<BackupSummary> recent = new BackupService(dynamo, where).list(table, now.minus(backupAge), BackupService.Type.ALL).stream()
                .filter(backup -> backup.backupType() != BackupType.SYSTEM).toList();
        if (!recent.isEmpty()) {
            BackupSummary newest = recent.get(0);
            return HealthFinding.ok(check, recent.size() + " in the last " + words(backupAge) + ", newest '" + newest.backupName() + "' ("
                    + newest.backupCreationDateTime() + ")");
        }
        String none = "no on-demand backup in the last " + words(backupAge);
        return pitrOn
                ? new HealthFinding(Severity.INFO, check, none + "; point-in-time recovery covers the last 35 days only",
                        "dynctl backup create " + table)
                : new HealthFinding(Severity.WARNING, check, none + " and point-in-time recovery is off: nothing to restore from",
                        "dynctl backup create " + table);
    }

    /** 7d, 36h, 90m: a duration as --backup-age takes it. */
    static String words(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds % 3_600 == 0) {
            return seconds / 3_600 + "h";
        }
        return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }
}
