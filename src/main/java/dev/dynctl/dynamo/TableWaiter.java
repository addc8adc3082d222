package dev.dynctl.dynamo;

import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
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

    private final DynamoDbClient client;
    private final String where;

    public TableWaiter(DynamoDbClient client, String where) {
        this.client = client;
        this.where = where;
    }

    /** Waits until the table and all its global indexes are ACTIVE; a missing table is not found (exit 3). */
    public TableDescription untilActive(String table, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Duration pause = FIRST_POLL;
        while (true) {
            TableDescription description;
            try {
                description = client.describeTable(b -> b.tableName(table)).table();
            } catch (ResourceNotFoundException e) {
                throw MissingTable.error(client, table, where);
            }
            if (isActive(description)) {
                return description;
            }
            pause = sleepBefore(deadline, pause, () -> timedOut(table, "to become ACTIVE", "", timeout, state(description)));
        }
    }

    /** Waits until DescribeTable no longer finds the table. */
    public void untilDeleted(String table, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Duration pause = FIRST_POLL;
        while (true) {
            TableDescription description;
            try {
                description = client.describeTable(b -> b.tableName(table)).table();
            } catch (ResourceNotFoundException e) {
                return;
            }
            pause = sleepBefore(deadline, pause, () -> timedOut(table, "to be deleted", " --until deleted", timeout, state(description)));
        }
    }

    static boolean isActive(TableDescription table) {
        return table.tableStatus() == TableStatus.ACTIVE
                && table.globalSecondaryIndexes().stream().allMatch(index -> index.indexStatus() == IndexStatus.ACTIVE);
    }

    private static Duration sleepBefore(long deadline, Duration pause, Supplier<DynctlException> timeout) throws InterruptedException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw timeout.get();
        }
        Thread.sleep(Math.min(pause.toMillis(), Math.max(1, left / 1_000_000)));
        Duration next = pause.multipliedBy(2);
        return next.compareTo(MAX_POLL) > 0 ? MAX_POLL : next;
    }

    private static DynctlException timedOut(String table, String goal, String until, Duration timeout, String state) {
        return new DynctlException(ExitCode.THROTTLED,
                "Timed out after " + words(timeout) + " waiting for table '" + table + "' " + goal + " (now " + state + ").",
                "Wait longer with 'dynctl table wait " + table + until + " --timeout 30m', or look at it with 'dynctl table describe " + table + "'.");
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
