package dev.dynctl.dynamo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ListTagsOfResourceResponse;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryDescription;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;

/**
 * Tables: list, describe, create, update, delete and wait. Knows nothing of the command line;
 * a table that does not exist is {@link MissingTable#error} everywhere.
 */
public final class TableService {
    /** How long to wait for a table to settle when the user did not say (create --ttl, update steps). */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    private final DynamoDbClient client;
    private final String where;
    private final TableWaiter waiter;

    public TableService(DynamoDbClient client, String where) {
        this.client = client;
        this.where = where;
        this.waiter = new TableWaiter(client, where);
    }

    /** What a create did: the table, and whether it was there already (--if-not-exists). */
    public record Creation(TableDetails table, boolean existed, boolean sameKeys) {
    }

    /** One row per table, listed lazily page by page; with details, one DescribeTable per table. */
    public Iterable<JsonNode> list(boolean details) {
        return () -> client.listTablesPaginator(b -> { }).tableNames().stream()
                .map(name -> details ? summary(name) : TableDescriptions.nameRow(name))
                .filter(Objects::nonNull)
                .iterator();
    }

    private JsonNode summary(String name) {
        try {
            return TableDescriptions.summaryRow(client.describeTable(b -> b.tableName(name)).table());
        } catch (ResourceNotFoundException deletedSinceListed) {
            return null;
        }
    }

    /** The table with its TTL, point-in-time recovery and tags. */
    public TableDetails describe(String name) {
        TableDescription table = find(name);
        return details(table);
    }

    private TableDetails details(TableDescription table) {
        String name = table.tableName();
        try {
            TimeToLiveDescription ttl = client.describeTimeToLive(b -> b.tableName(name)).timeToLiveDescription();
            PointInTimeRecoveryDescription pitr = client.describeContinuousBackups(b -> b.tableName(name))
                    .continuousBackupsDescription().pointInTimeRecoveryDescription();
            return new TableDetails(table, ttl, pitr, tags(table.tableArn()));
        } catch (ResourceNotFoundException e) {
            throw MissingTable.error(client, name, where);
        }
    }

    private Map<String, String> tags(String arn) {
        Map<String, String> tags = new LinkedHashMap<>();
        String next = null;
        do {
            String token = next;
            ListTagsOfResourceResponse page = client.listTagsOfResource(b -> b.resourceArn(arn).nextToken(token));
            page.tags().forEach(tag -> tags.put(tag.key(), tag.value()));
            next = page.nextToken();
        } while (next != null);
        return tags;
    }

    /**
     * Creates the table, then sets TTL and point-in-time recovery once it is ACTIVE. With
     * {@code ifNotExists} an existing table is accepted as it is. {@code wait} (null: do not wait)
     * also waits for the indexes to become ACTIVE.
     */
    public Creation create(TableDefinition definition, boolean ifNotExists, Duration wait) throws InterruptedException {
        if (ifNotExists) {
            TableDescription existing = findOrNull(definition.name());
            if (existing != null) {
                return existing(definition, existing, wait);
            }
        }
        TableDescription created;
        try {
            created = client.createTable(definition.toRequest()).tableDescription();
        } catch (ResourceInUseException e) {
            TableDescription existing = findOrNull(definition.name());
            if (existing == null) {
                throw e;
            }
            if (ifNotExists) {
                return existing(definition, existing, wait);
            }
            throw new DynctlException(ExitCode.FAILURE, "Table '" + definition.name() + "' already exists in " + where + ".",
                    "Pass --if-not-exists to accept it as it is, or look at it with 'dynctl table describe " + definition.name() + "'.", e);
        }
        boolean settings = definition.ttlAttribute() != null || definition.pointInTimeRecovery();
        if (!settings && wait == null) {
            return new Creation(TableDetails.of(created), false, true);
        }
        waiter.untilActive(definition.name(), wait == null ? DEFAULT_TIMEOUT : wait);
        if (definition.ttlAttribute() != null) {
            client.updateTimeToLive(b -> b.tableName(definition.name())
                    .timeToLiveSpecification(s -> s.enabled(true).attributeName(definition.ttlAttribute())));
        }
        if (definition.pointInTimeRecovery()) {
            client.updateContinuousBackups(b -> b.tableName(definition.name())
                    .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true)));
        }
        return new Creation(describe(definition.name()), false, true);
    }

    /** An existing table is taken as it is; with {@code wait} a script can still rely on it being ACTIVE. */
    private Creation existing(TableDefinition definition, TableDescription existing, Duration wait) throws InterruptedException {
        TableDescription table = wait == null ? existing : waiter.untilActive(definition.name(), wait);
        return new Creation(details(table), true, definition.sameKeys(table));
    }

    /**
     * Applies the changes one request at a time, each once the table has settled from the one
     * before. {@code wait} (null: do not wait) waits for the table and its indexes at the end.
     */
    public TableDetails update(String name, TableChanges changes, Duration wait) throws InterruptedException {
        TableDescription table = find(name);
        TimeToLiveDescription ttl = changes.touchesTtl()
                ? client.describeTimeToLive(b -> b.tableName(name)).timeToLiveDescription() : null;
        PointInTimeRecoveryDescription pitr = changes.pointInTimeRecovery() != null
                ? client.describeContinuousBackups(b -> b.tableName(name)).continuousBackupsDescription().pointInTimeRecoveryDescription()
                : null;
        List<TableUpdatePlan.Step> steps = new TableUpdatePlan(table, ttl, pitr, changes).steps();
        Duration settle = wait == null ? DEFAULT_TIMEOUT : wait;
        for (TableUpdatePlan.Step step : steps) {
            // DynamoDB refuses a change while the one before is still being applied
            waiter.untilActive(name, settle);
            step.apply(client);
        }
        if (wait != null) {
            waiter.untilActive(name, wait);
        }
        return describe(name);
    }

    /**
     * The table about to be deleted, checked first so that a protected table fails before the
     * user is asked to confirm.
     */
    public TableDescription deletable(String name) {
        TableDescription table = find(name);
        if (Boolean.TRUE.equals(table.deletionProtectionEnabled())) {
            throw deletionProtected(name);
        }
        return table;
    }

    /** Deletes the table; {@code wait} (null: do not wait) waits until it is gone. */
    public TableDetails delete(String name, Duration wait) throws InterruptedException {
        TableDescription deleted;
        try {
            deleted = client.deleteTable(b -> b.tableName(name)).tableDescription();
        } catch (ResourceNotFoundException e) {
            throw MissingTable.error(client, name, where);
        }
        if (wait != null) {
            waiter.untilDeleted(name, wait);
        }
        return TableDetails.of(deleted);
    }

    private DynctlException deletionProtected(String name) {
        return new DynctlException(ExitCode.FAILURE, "Table '" + name + "' has deletion protection enabled; it was not deleted.",
                "Turn it off first: dynctl table update " + name + " --no-deletion-protection");
    }

    public TableDetails awaitActive(String name, Duration timeout) throws InterruptedException {
        return details(waiter.untilActive(name, timeout));
    }

    public void awaitDeleted(String name, Duration timeout) throws InterruptedException {
        waiter.untilDeleted(name, timeout);
    }

    private TableDescription find(String name) {
        TableDescription table = findOrNull(name);
        if (table == null) {
            throw MissingTable.error(client, name, where);
        }
        return table;
    }

    private TableDescription findOrNull(String name) {
        try {
            return client.describeTable(b -> b.tableName(name)).table();
        } catch (ResourceNotFoundException e) {
            return null;
        }
    }
}
