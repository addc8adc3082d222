package dev.dynctl.dynamo;

import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Polls DescribeTable until a table is ACTIVE with every global index ACTIVE, or until it is gone.
 * The SDK's DynamoDbWaiter looks at the table status only, so a new index still CREATING would
 * pass it; this waits for the indexes too. Polls quickly at first, then every few seconds.
 */
public final class TableWaiter {
    private static final Duration FIRST_POLL = Duration.ofMillis(250);
    private static final Duration MAX_POLL = Duration.ofSeconds(5);

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

    /** Waits until the table and all its global indexes are ACTIVE; a missing table is not found (exit 3). */
    public TableDescription untilActive(String table, Duration timeout) throws InterruptedException {
        return poll(table, timeout, ACTIVE);
    }

    /** Waits until DescribeTable no longer finds the table. */
    public void untilDeleted(String table, Duration timeout) throws InterruptedException {
        poll(table, timeout, DELETED);
    }

    /** Describes the table until the goal is reached; a table gone while waiting for ACTIVE is not found. */
    private TableDescription poll(String table, Duration timeout, Goal goal) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Duration pause = FIRST_POLL;
        while (true) {
            TableDescription description = TableService.describeOrNull(client, table);
            if (goal.isDone().test(description)) {
                return description;
            }
            if (description == null) {
                throw MissingTable.error(client, table, where);
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
                && table.globalSecondaryIndexes().stream().allMatch(index -> index.indexStatus() == IndexStatus.ACTIVE);
    }

    private static DynctlException timedOut(String table, Goal goal, Duration timeout, String state) {
        return new DynctlException(ExitCode.THROTTLED,
                "Timed out after " + words(timeout) + " waiting for table '" + table + "' " + goal.words() + " (now " + state + ").",
                "Wait longer with 'dynctl table wait " + table + goal.untilOption() + " --timeout 30m', "
                        + "or look at it with 'dynctl table describe " + table + "'.");
    }

    /** "table UPDATING, index byEmail CREATING": what is not yet ACTIVE. */
    private static String state(TableDescription table) {
        String indexes = table.globalSecondaryIndexes().stream()
                .filter(index -> index.indexStatus() != IndexStatus.ACTIVE)
                .map(index -> "index " + index.indexName() + " " + index.indexStatusAsString()
                        + (Boolean.TRUE.equals(index.backfilling()) ? " (backfilling)" : ""))
                .collect(Collectors.joining(", "));
        return "table " + table.tableStatusAsString() + (indexes.isEmpty() ? "" : ", " + indexes);
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
