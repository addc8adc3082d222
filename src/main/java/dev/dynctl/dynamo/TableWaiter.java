package dev.dynctl.dynamo;

import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.ReplicaDescription;
import software.amazon.awssdk.services.dynamodb.model.ReplicaStatus;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Polls DescribeTable until a table is ACTIVE with every global index ACTIVE and no replica in
 * another region still being created, updated or removed, or until it is gone. The SDK's
 * DynamoDbWaiter looks at the table status only, so a new index still CREATING would pass it;
 * this waits for the indexes and replicas too. A replica in a state that does not change by
 * itself (CREATION_FAILED, REGION_DISABLED, ...) ends the wait: waiting longer would not help.
 * Polls quickly at first, then every few seconds.
 */
public final class TableWaiter {
    private static final Duration FIRST_POLL = Duration.ofMillis(250);
    private static final Duration MAX_POLL = Duration.ofSeconds(5);
    /** Replica states that pass by themselves; the others stay until someone acts. */
    private static final Set<ReplicaStatus> CHANGING = EnumSet.of(ReplicaStatus.CREATING, ReplicaStatus.UPDATING,
            ReplicaStatus.DELETING, ReplicaStatus.ARCHIVING);

    /** What a wait is for: its words in the timeout message, and when it is reached (a null table is gone). */
    private record Goal(String words, String untilOption, Predicate<TableDescription> isDone) {
    }

    private static final Goal ACTIVE = new Goal("to become ACTIVE", "", table -> table != null && isActive(table));
    private static final Goal DELETED = new Goal("to be deleted", " --until deleted", Objects::isNull);

    private final DynamoDbClient client;
    private final String where;

    public TableWaiter(DynamoDbClient client, String where) {
        this.client = client;
        this.where = where;
    }

    /** Waits until the table, its global indexes and its replicas are ACTIVE; a missing table is not found (exit 3). */
    public TableDescription untilActive(String table, Duration timeout) throws InterruptedException {
        return poll(table, timeout, ACTIVE, line -> { });
    }

    /**
     * As {@link #untilActive(String, Duration)}, telling {@code progress} what is not yet ACTIVE
     * each time that changes (replicas take minutes to hours), and what the table is once it is.
     */
    public TableDescription untilActive(String table, Duration timeout, Consumer<String> progress) throws InterruptedException {
        return poll(table, timeout, ACTIVE, progress);
    }

    /** Waits until DescribeTable no longer finds the table. */
    public void untilDeleted(String table, Duration timeout) throws InterruptedException {
        poll(table, timeout, DELETED, line -> { });
    }

    /** Describes the table until the goal is reached; a table gone while waiting for ACTIVE is not found. */
    private TableDescription poll(String table, Duration timeout, Goal goal, Consumer<String> progress) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Duration pause = FIRST_POLL;
        String reported = null;
        while (true) {
            TableDescription description = TableService.describeOrNull(client, table);
            if (goal.isDone().test(description)) {
                if (reported != null && description != null) {
                    progress.accept("Table '" + table + "': " + everything(description) + ".");
                }
                return description;
            }
            if (description == null) {
                throw MissingTable.error(client, table, where);
            }
            String now = everything(description);
            if (!now.equals(reported)) {
                progress.accept("Waiting for table '" + table + "': " + now + ".");
                reported = now;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw timedOut(table, goal, timeout, state(description));
            }
            Thread.sleep(Math.min(pause.toMillis(), Math.max(1, left / 1_000_000)));
            Duration next = pause.multipliedBy(2);
            pause = next.compareTo(MAX_POLL) > 0 ? MAX_POLL : next;
        }
    }

    static boolean isActive(TableDescription table) {
        return table.tableStatus() == TableStatus.ACTIVE
                && table.globalSecondaryIndexes().stream().allMatch(index -> index.indexStatus() == IndexStatus.ACTIVE)
                && table.replicas().stream().noneMatch(replica -> CHANGING.contains(replica.replicaStatus()));
    }

    private static DynctlException timedOut(String table, Goal goal, Duration timeout, String state) {
        return new DynctlException(ExitCode.THROTTLED,
                "Timed out after " + words(timeout) + " waiting for table '" + table + "' " + goal.words() + " (now " + state + ").",
                "Wait longer with 'dynctl table wait " + table + goal.untilOption() + " --timeout 30m', "
                        + "or look at it with 'dynctl table describe " + table + "'.");
    }

    /** "table UPDATING, index byEmail CREATING, replica eu-west-1 CREATING (40%)": what is not yet ACTIVE. */
    private static String state(TableDescription table) {
        return words(table, false);
    }

    /** The table's status, the indexes not yet ACTIVE and every replica's status: progress as a person follows it. */
    private static String everything(TableDescription table) {
        return words(table, true);
    }

    private static String words(TableDescription table, boolean activeReplicas) {
        List<String> parts = new ArrayList<>();
        parts.add("table " + table.tableStatusAsString());
        table.globalSecondaryIndexes().stream()
                .filter(index -> index.indexStatus() != IndexStatus.ACTIVE)
                .forEach(index -> parts.add("index " + index.indexName() + " " + index.indexStatusAsString()
                        + (Boolean.TRUE.equals(index.backfilling()) ? " (backfilling)" : "")));
        table.replicas().stream()
                .filter(replica -> activeReplicas || replica.replicaStatus() != ReplicaStatus.ACTIVE)
                .forEach(replica -> parts.add(replicaWords(replica)));
        return String.join(", ", parts);
    }

    /** "replica eu-west-1 CREATING (40%)". */
    private static String replicaWords(ReplicaDescription replica) {
        String progress = replica.replicaStatus() == ReplicaStatus.ACTIVE ? null : TableReplicas.percent(replica);
        return "replica " + replica.regionName() + " " + replica.replicaStatusAsString() + (progress == null ? "" : " (" + progress + ")");
    }

    /** A duration as typed: 90s, 5m, 1h30m. */
    static String words(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds == 0) {
            return duration.toMillis() + "ms";
        }
        StringBuilder text = new StringBuilder();
        if (seconds >= 3600) {
            text.append(seconds / 3600).append('h');
        }
        if (seconds % 3600 >= 60) {
            text.append(seconds % 3600 / 60).append('m');
        }
        if (seconds % 60 > 0) {
            text.append(seconds % 60).append('s');
        }
        return text.toString();
    }
}
