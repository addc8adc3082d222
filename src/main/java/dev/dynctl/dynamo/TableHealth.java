package dev.dynctl.dynamo;

import dev.dynctl.aws.EngineGap;
import dev.dynctl.dynamo.HealthFinding.Severity;
import dev.dynctl.metrics.MetricReader;
import dev.dynctl.metrics.MetricWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BackupSummary;
import software.amazon.awssdk.services.dynamodb.model.BackupType;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryDescription;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * What needs attention on a table, each finding with the command that fixes it: throttling and
 * capacity in the last hour (CloudWatch, one GetMetricData call), the keys throttled most
 * (Contributor Insights, when it is on), point-in-time recovery, deletion protection and recent
 * backups. Every check gives a finding, OK ones too, so a report says what was looked at.
 */
public final class TableHealth {
    /** How far back throttling and capacity are looked at. */
    private static final Duration LOOKBACK = Duration.ofHours(1);
    /** One-minute points: a peak of consumed capacity is not averaged away over five. */
    private static final Duration PERIOD = Duration.ofMinutes(1);
    /** The throttled keys a finding names. */
    private static final int HOT_KEYS = 3;

    private final DynamoDbClient dynamo;
    private final MetricReader metrics;
    private final ContributorInsights insights;
    private final String where;

    public TableHealth(DynamoDbClient dynamo, MetricReader metrics, ContributorInsights insights, String where) {
        this.dynamo = dynamo;
        this.metrics = metrics;
        this.insights = insights;
        this.where = where;
    }

    /**
     * Checks the table; findings most severe first.
     *
     * @param backupAge an on-demand backup (or AWS Backup's) at most this old is recent enough
     */
    public List<HealthFinding> check(String table, Duration backupAge, Instant now) {
        TableDescription description = TableService.describeOrNull(dynamo, table);
        if (description == null) {
            throw MissingTable.error(dynamo, table, where);
        }
        MetricWindow window = MetricWindow.ending(now, LOOKBACK, PERIOD);
        TableLoad load = TableLoad.read(metrics, description, window);
        ContributorInsights.Status hotKeyWatch = contributorInsights(description);
        List<HealthFinding> findings = new ArrayList<>();
        findings.addAll(load.throttling(hotKeyWatch));
        findings.add(hotKeys(table, hotKeyWatch, window));
        findings.addAll(load.capacity());
        PointInTimeRecoveryDescription pitr = new BackupService(dynamo, where).pointInTimeRecovery(table);
        boolean pitrOn = pitr.pointInTimeRecoveryStatus() == PointInTimeRecoveryStatus.ENABLED;
        findings.add(pointInTimeRecovery(table, pitr, pitrOn));
        findings.add(deletionProtection(table, description));
        findings.add(backups(table, backupAge, now, pitrOn));
        return findings.stream().sorted(Comparator.comparing(HealthFinding::severity).reversed()).toList();
    }

    /** Contributor Insights on the table; null on an engine that has none (moto). */
    private ContributorInsights.Status contributorInsights(TableDescription description) {
        try {
            return insights.status(description, null);
        } catch (SdkServiceException e) {
            if (EngineGap.notImplemented(e)) {
                return null;
            }
            throw e;
        }
    }

    private HealthFinding hotKeys(String table, ContributorInsights.Status watch, MetricWindow window) {
        String check = "hot keys";
        if (watch == null) {
            return new HealthFinding(Severity.INFO, check, where + " has no Contributor Insights: the keys throttled most were not looked at",
                    null);
        }
        if (!watch.on()) {
            return new HealthFinding(Severity.INFO, check, "Contributor Insights is off: the keys throttled most cannot be named",
                    ContributorInsights.command(table, null, "on"));
        }
        List<String> hot = new ArrayList<>();
        for (ContributorInsights.RuleReport report : insights.reports(watch, window, HOT_KEYS, true)) {
            report.contributors().forEach(c -> hot.add(String.join("/", c.keys()) + " (" + TableLoad.count(c.count()) + ")"));
        }
        if (hot.isEmpty()) {
            return HealthFinding.ok(check, "no throttled keys in the last hour (Contributor Insights is on)");
        }
        return new HealthFinding(Severity.WARNING, check, "keys throttled most in the last hour: " + String.join(", ", hot)
                + "; spread their traffic over more partition keys", ContributorInsights.command(table, null, "show"));
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
