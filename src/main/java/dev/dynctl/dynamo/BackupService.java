package dev.dynctl.dynamo;

import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import dev.dynctl.error.NearNames;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BackupDescription;
import software.amazon.awssdk.services.dynamodb.model.BackupDetails;
import software.amazon.awssdk.services.dynamodb.model.BackupNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.BackupStatus;
import software.amazon.awssdk.services.dynamodb.model.BackupSummary;
import software.amazon.awssdk.services.dynamodb.model.BackupTypeFilter;
import software.amazon.awssdk.services.dynamodb.model.ListBackupsRequest;
import software.amazon.awssdk.services.dynamodb.model.ListBackupsResponse;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryDescription;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.RestoreTableToPointInTimeRequest;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableNotFoundException;

/**
 * Native (on-demand) backups and point-in-time recovery: create, list, describe, restore and
 * delete backups; turn PITR on and off; restore a table as it was at a moment. A backup is named
 * by its ARN or by its name; names are not unique in DynamoDB, so a name is looked up and must
 * match exactly one backup.
 */
public final class BackupService {
    private static final DateTimeFormatter DEFAULT_NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final Duration FIRST_POLL = Duration.ofMillis(250);
    private static final Duration MAX_POLL = Duration.ofSeconds(5);

    private final DynamoDbClient client;
    private final String where;
    private final TableWaiter tables;

    public BackupService(DynamoDbClient client, String where) {
        this.client = client;
        this.where = where;
        this.tables = new TableWaiter(client, where);
    }

    /** Which backups ListBackups returns: the user's own, those DynamoDB made (e.g. when a table is deleted), or all. */
    public enum Type {
        USER(BackupTypeFilter.USER), SYSTEM(BackupTypeFilter.SYSTEM), ALL(BackupTypeFilter.ALL);

        private final BackupTypeFilter filter;

        Type(BackupTypeFilter filter) {
            this.filter = filter;
        }

        boolean matches(BackupSummary backup) {
            return this == ALL || backup.backupTypeAsString().equals(filter.toString());
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** "orders-20240501-101500": the name a backup gets when none is given (UTC). */
    public static String defaultName(String table, Instant now) {
        return table + "-" + DEFAULT_NAME_TIME.format(now);
    }

    /** Creates an on-demand backup; with {@code wait} (null: do not wait) until it is AVAILABLE. */
    public BackupDetails create(String table, String name, Duration wait) throws InterruptedException {
        BackupDetails details;
        try {
            details = client.createBackup(b -> b.tableName(table).backupName(name)).backupDetails();
        } catch (TableNotFoundException e) {
            throw MissingTable.error(client, table, where);
        }
        if (wait == null || details.backupStatus() == BackupStatus.AVAILABLE) {
            return details;
        }
        return awaitAvailable(details.backupArn(), wait).backupDetails();
    }

    /**
     * The backups, newest first, of one table or of all ({@code table} null), created at or after
     * {@code since} (null: any time). Every page of ListBackups is read.
     */
    public List<BackupSummary> list(String table, Instant since, Type type) {
        ListBackupsRequest.Builder request = ListBackupsRequest.builder().tableName(table).backupType(type.filter);
        if (since != null) {
            request.timeRangeLowerBound(since);
        }
        List<BackupSummary> backups = new ArrayList<>();
        String next = null;
        do {
            ListBackupsResponse page = client.listBackups(request.exclusiveStartBackupArn(next).build());
            backups.addAll(page.backupSummaries());
            next = page.lastEvaluatedBackupArn();
        } while (next != null);
        // filtered here too: engines that ignore the filters (moto) then answer as DynamoDB does
        return backups.stream()
                .filter(type::matches)
                .filter(b -> since == null || b.backupCreationDateTime() == null || !b.backupCreationDateTime().isBefore(since))
                .sorted(Comparator.comparing(BackupSummary::backupCreationDateTime, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
    }

    /** The backup named by ARN or by name. */
    public BackupDescription describe(String backup) {
        String arn = arn(backup);
        try {
            return client.describeBackup(b -> b.backupArn(arn)).backupDescription();
        } catch (BackupNotFoundException e) {
            throw missing(backup);
        }
    }

    /** Deletes the backup (an ARN, as {@link #arn} resolved it); answers what it was. */
    public BackupDescription delete(String arn) {
        try {
            return client.deleteBackup(b -> b.backupArn(arn)).backupDescription();
        } catch (BackupNotFoundException e) {
            throw missing(arn);
        }
    }

    /**
     * The ARN of a backup given as an ARN or as a name. A name that matches no backup is not
     * found (exit 3, with the near names); one that matches several is ambiguous (exit 2, with their ARNs).
     */
    public String arn(String backup) {
        if (backup.startsWith("arn:")) {
            return backup;
        }
        List<BackupSummary> all = list(null, null, Type.ALL);
        List<BackupSummary> named = all.stream().filter(b -> backup.equals(b.backupName())).toList();
        if (named.size() == 1) {
            return named.get(0).backupArn();
        }
        if (named.isEmpty()) {
            throw missing(backup, all);
        }
        throw DynctlException.usage("Backup name '" + backup + "' matches " + named.size() + " backups: "
                + named.stream().map(BackupSummary::backupArn).collect(Collectors.joining(", ")) + ".",
                "Name the one you mean by its ARN.");
    }

    /** Restores a backup into a new table; {@code wait} (null: do not wait) until it is ACTIVE. */
    public TableDescription restore(String arn, String target, Duration wait) throws InterruptedException {
        requireNewTable(target);
        TableDescription restoring;
        try {
            restoring = client.restoreTableFromBackup(b -> b.backupArn(arn).targetTableName(target)).tableDescription();
        } catch (BackupNotFoundException e) {
            throw missing(arn);
        }
        return wait == null ? restoring : tables.untilActive(target, wait);
    }

    /**
     * Restores the table as it was at {@code time} (null: the latest restorable time) into a new
     * table. Point-in-time recovery must be on, and the time inside its window.
     */
    public TableDescription restoreToPointInTime(String source, Instant time, String target, Duration wait) throws InterruptedException {
        requireNewTable(target);
        PointInTimeRecoveryDescription pitr = pointInTimeRecovery(source);
        if (pitr.pointInTimeRecoveryStatus() != PointInTimeRecoveryStatus.ENABLED) {
            throw new DynctlException(ExitCode.FAILURE, "Point-in-time recovery is not on for table '" + source + "' in " + where + ".",
                    "Turn it on with 'dynctl backup pitr " + source + " on'; restores can then go back to that moment.");
        }
        Instant earliest = pitr.earliestRestorableDateTime();
        if (time != null && earliest != null && time.isBefore(earliest)) {
            throw DynctlException.usage("Table '" + source + "' can be restored to " + earliest + " at the earliest, not " + time + ".",
                    "See the window with 'dynctl backup pitr " + source + " status', or pass --to-time latest.");
        }
        RestoreTableToPointInTimeRequest.Builder request = RestoreTableToPointInTimeRequest.builder()
                .sourceTableName(source).targetTableName(target);
        if (time == null) {
            request.useLatestRestorableTime(true);
        } else {
            request.restoreDateTime(time);
        }
        TableDescription restoring;
        try {
            restoring = client.restoreTableToPointInTime(request.build()).tableDescription();
        } catch (TableNotFoundException e) {
            throw MissingTable.error(client, source, where);
        }
        return wait == null ? restoring : tables.untilActive(target, wait);
    }

    /** The table's point-in-time recovery settings and window. */
    public PointInTimeRecoveryDescription pointInTimeRecovery(String table) {
        try {
            return client.describeContinuousBackups(b -> b.tableName(table))
                    .continuousBackupsDescription().pointInTimeRecoveryDescription();
        } catch (TableNotFoundException e) {
            throw MissingTable.error(client, table, where);
        }
    }

    /** Turns point-in-time recovery on or off. */
    public PointInTimeRecoveryDescription pointInTimeRecovery(String table, boolean on) {
        try {
            return client.updateContinuousBackups(b -> b.tableName(table)
                            .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(on)))
                    .continuousBackupsDescription().pointInTimeRecoveryDescription();
        } catch (TableNotFoundException e) {
            throw MissingTable.error(client, table, where);
        }
    }

    /** A restore never overwrites: a table of that name fails before anything is asked of DynamoDB. */
    public void requireNewTable(String target) {
        if (TableService.describeOrNull(client, target) != null) {
            throw DynctlException.usage("Table '" + target + "' already exists in " + where + "; a restore makes a new table.",
                    "Pass another name with --to, or delete the table first ('dynctl table delete " + target + "').");
        }
    }

    private BackupDescription awaitAvailable(String arn, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Duration pause = FIRST_POLL;
        while (true) {
            BackupDescription backup = describe(arn);
            if (backup.backupDetails().backupStatus() == BackupStatus.AVAILABLE) {
                return backup;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new DynctlException(ExitCode.THROTTLED, "Timed out after " + TableWaiter.words(timeout) + " waiting for backup '"
                        + backup.backupDetails().backupName() + "' to become AVAILABLE (now "
                        + backup.backupDetails().backupStatusAsString() + ").",
                        "Look at it later with 'dynctl backup describe " + arn + "'.");
            }
            Thread.sleep(Math.min(pause.toMillis(), Math.max(1, left / 1_000_000)));
            Duration next = pause.multipliedBy(2);
            pause = next.compareTo(MAX_POLL) > 0 ? MAX_POLL : next;
        }
    }

    private DynctlException missing(String backup) {
        return DynctlException.notFound("Backup '" + backup + "' not found in " + where + ".",
                "List backups with 'dynctl backup list' (check --region / --profile).");
    }

    /** Not found, with the backup names closest to the one asked for. */
    private DynctlException missing(String name, List<BackupSummary> all) {
        List<String> near = NearNames.among(all.stream().map(BackupSummary::backupName).toList(), name);
        String hint = NearNames.hint(near, "List backups with 'dynctl backup list' (check --region / --profile).");
        return DynctlException.notFound("Backup '" + name + "' not found in " + where + ".", hint);
    }
}
