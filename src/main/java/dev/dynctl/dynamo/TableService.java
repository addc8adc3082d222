package dev.dynctl.dynamo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.aws.AwsErrors;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ListTagsOfResourceResponse;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryDescription;
import software.amazon.awssdk.services.dynamodb.model.ReplicaDescription;
import software.amazon.awssdk.services.dynamodb.model.ReplicaStatus;
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
    /** Null where no update adds replicas: AWS is then left to refuse one on a table whose writes do not scale. */
    private final ApplicationAutoScalingClient autoScaling;
    private final String where;
    private final TableWaiter waiter;

    public TableService(DynamoDbClient client, String where) {
        this(client, null, where);
    }

    /** @param autoScaling to check, before a replica is added to a provisioned table, that its write capacity scales */
    public TableService(DynamoDbClient client, ApplicationAutoScalingClient autoScaling, String where) {
        this.client = client;
        this.autoScaling = autoScaling;
        this.where = where;
        this.waiter = new TableWaiter(client, where);
    }

    /** What a create did: the table, and whether it was there already (--if-not-exists). */
    public record Creation(TableDetails table, boolean existed) {
    }

    /** What an update did: the table afterwards, and notes on what was asked but already so. */
    public record Update(TableDetails table, List<String> notes) {
    }

    /** One row per table, listed lazily page by page; with details, one DescribeTable per table. */
    public Iterable<JsonNode> list(boolean details) {
        return () -> client.listTablesPaginator(b -> { }).tableNames().stream()
                .map(name -> details ? summary(name) : TableDescriptions.nameRow(name))
                .filter(Objects::nonNull)
                .iterator();
    }

    private JsonNode summary(String name) {
        TableDescription table = describeOrNull(client, name);
        // null: deleted since it was listed
        return table == null ? null : TableDescriptions.summaryRow(table);
    }

    /** Fails as a missing table does (with the names nearby) unless the table exists; one DescribeTable. */
    public void requireExists(String name) {
        find(name);
    }

    /** The table with its TTL, point-in-time recovery and tags. */
    public TableDetails describe(String name) {
        TableDescription table = find(name);
        return details(table);
    }

    /** The table with its TTL, point-in-time recovery and tags; empty when there is no such table (or it went meanwhile). */
    public Optional<TableDetails> describeIfExists(String name) {
        TableDescription table = describeOrNull(client, name);
        try {
            return table == null ? Optional.empty() : Optional.of(settings(table));
        } catch (ResourceNotFoundException deletedSinceDescribed) {
            return Optional.empty();
        }
    }

    private TableDetails details(TableDescription table) {
        try {
            return settings(table);
        } catch (ResourceNotFoundException e) {
            throw MissingTable.error(client, table.tableName(), where);
        }
    }

    private TableDetails settings(TableDescription table) {
        String name = table.tableName();
        TimeToLiveDescription ttl = client.describeTimeToLive(b -> b.tableName(name)).timeToLiveDescription();
        PointInTimeRecoveryDescription pitr = client.describeContinuousBackups(b -> b.tableName(name))
                .continuousBackupsDescription().pointInTimeRecoveryDescription();
        return new TableDetails(table, ttl, pitr, tags(table.tableArn()));
    }

    /** The tags of the table with ARN {@code arn}, every page. */
    public Map<String, String> tags(String arn) {
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
        return create(definition, TableCostSettings.NONE, ifNotExists, wait);
    }

    /**
     * As {@link #create(TableDefinition, boolean, Duration)}, with a table class and on-demand
     * maximums (which only an on-demand table takes) in the CreateTable request.
     */
    public Creation create(TableDefinition definition, TableCostSettings cost, boolean ifNotExists, Duration wait)
            throws InterruptedException {
        cost.requireOnDemand(!definition.billing().provisioned(), "the new table",
                "Drop them, or leave out --billing provisioned, --rcu and --wcu (a new table is on-demand by default).");
        if (ifNotExists) {
            TableDescription existing = describeOrNull(client, definition.name());
            if (existing != null) {
                return existing(definition, existing, wait);
            }
        }
        TableDescription created;
        try {
            created = client.createTable(request(definition, cost)).tableDescription();
        } catch (ResourceInUseException e) {
            TableDescription existing = describeOrNull(client, definition.name());
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
            return new Creation(TableDetails.of(created), false);
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
        return new Creation(describe(definition.name()), false);
    }

    private static CreateTableRequest request(TableDefinition definition, TableCostSettings cost) {
        CreateTableRequest request = definition.toRequest();
        if (cost.isEmpty()) {
            return request;
        }
        CreateTableRequest.Builder builder = request.toBuilder().tableClass(cost.tableClass());
        if (cost.hasMaximum()) {
            builder.onDemandThroughput(cost.onDemandThroughput());
        }
        return builder.build();
    }

    /**
     * An existing table with the asked-for keys is taken as it is (its other settings are not
     * compared); with {@code wait} a script can still rely on it being ACTIVE. Other keys fail:
     * items written for the keys asked for would not fit it.
     */
    private Creation existing(TableDefinition definition, TableDescription existing, Duration wait) throws InterruptedException {
        if (!definition.sameKeys(existing)) {
            throw new DynctlException(ExitCode.FAILURE, "Table '" + definition.name() + "' exists with keys "
                    + TableDescriptions.keys(existing.keySchema(), existing.attributeDefinitions()) + ", not " + definition.keys() + ".",
                    "Give the new table another name, or look at this one with 'dynctl table describe " + definition.name() + "'.");
        }
        TableDescription table = wait == null ? existing : waiter.untilActive(definition.name(), wait);
        return new Creation(details(table), true);
    }

    /**
     * Applies the changes one request at a time, each once the table has settled from the one
     * before. {@code wait} (null: do not wait) waits for the table and its indexes at the end.
     */
    public Update update(String name, TableChanges changes, Duration wait) throws InterruptedException {
        return update(name, changes, wait, line -> { });
    }

    /**
     * As {@link #update(String, TableChanges, Duration)}, telling {@code progress} each step as it
     * starts and what the table is waiting for (a replica takes minutes to hours to build). With
     * {@code wait}, a replica added that did not become ACTIVE fails the update.
     */
    public Update update(String name, TableChanges changes, Duration wait, Consumer<String> progress) throws InterruptedException {
        TableDescription table = find(name);
        TimeToLiveDescription ttl = changes.touchesTtl()
                ? client.describeTimeToLive(b -> b.tableName(name)).timeToLiveDescription() : null;
        PointInTimeRecoveryDescription pitr = changes.pointInTimeRecovery() != null
                ? client.describeContinuousBackups(b -> b.tableName(name)).continuousBackupsDescription().pointInTimeRecoveryDescription()
                : null;
        TableUpdatePlan plan = new TableUpdatePlan(table, ttl, pitr, changes);
        if (plan.addsReplicaToProvisioned() && autoScaling != null) {
            plan.requireWriteAutoScaling(new TableAutoScaling(client, autoScaling, where)
                    .scales(new ScalableCapacity(name, null, ScalableCapacity.Side.WRITE)));
        }
        apply(name, plan.steps(), wait == null ? DEFAULT_TIMEOUT : wait, progress);
        if (wait != null) {
            requireActiveReplicas(waiter.untilActive(name, wait, progress), plan.addedReplicas());
        }
        return new Update(describe(name), plan.notes());
    }

    /**
     * The replicas just added, ACTIVE once the table has settled. One that is not (CREATION_FAILED,
     * a region not enabled for the account) or not there at all (an engine that ignores replicas)
     * fails the update rather than leaving the user to find out later.
     */
    private void requireActiveReplicas(TableDescription table, List<String> added) {
        for (String region : added) {
            ReplicaDescription replica = table.replicas().stream().filter(r -> r.regionName().equals(region)).findFirst().orElse(null);
            if (replica == null) {
                throw new DynctlException(ExitCode.FAILURE, "Table '" + table.tableName() + "' has no replica in " + region
                        + " after the update: " + where + " did not keep it.",
                        "Engines other than AWS may ignore replicas; see them with 'dynctl table replicas " + table.tableName() + "'.");
            }
            if (replica.replicaStatus() != ReplicaStatus.ACTIVE) {
                String reason = replica.replicaStatusDescription();
                throw new DynctlException(ExitCode.FAILURE, "The replica of table '" + table.tableName() + "' in " + region + " is "
                        + replica.replicaStatusAsString() + (reason == null || reason.isBlank() ? "." : ": " + reason),
                        "Remove it with 'dynctl table update " + table.tableName() + " --remove-replica " + region
                                + "' and add it again once the cause is fixed.");
            }
        }
    }

    /**
     * Runs the steps in order. When one of several fails, the error says which were applied and
     * which were not tried, keeping the failure's exit code, so the user knows the table's state.
     */
    private void apply(String name, List<TableUpdatePlan.Step> steps, Duration settle, Consumer<String> progress)
            throws InterruptedException {
        for (int i = 0; i < steps.size(); i++) {
            TableUpdatePlan.Step step = steps.get(i);
            try {
                // DynamoDB refuses a change while the one before is still being applied
                waiter.untilActive(name, settle, progress);
                progress.accept("Updating table '" + name + "': " + step.description()
                        + (steps.size() > 1 ? " (" + (i + 1) + " of " + steps.size() + ")" : "") + ".");
                step.apply(client);
            } catch (DynctlException | SdkException e) {
                if (steps.size() == 1) {
                    throw e;
                }
                throw partlyApplied(steps.subList(0, i), step, steps.subList(i + 1, steps.size()), e);
            }
        }
    }

    private DynctlException partlyApplied(List<TableUpdatePlan.Step> applied, TableUpdatePlan.Step failed,
                                          List<TableUpdatePlan.Step> notTried, RuntimeException e) {
        DynctlException cause = e instanceof DynctlException d ? d : AwsErrors.translate((SdkException) e, where);
        String message = (applied.isEmpty() ? "Nothing was applied." : "Applied: " + words(applied) + ".")
                + " Failed: " + failed.description() + " — " + cause.getMessage();
        List<String> hints = new ArrayList<>();
        if (cause.hint() != null) {
            hints.add(cause.hint());
        }
        if (!notTried.isEmpty()) {
            hints.add("Not tried: " + words(notTried) + ".");
        }
        hints.add("Running the same update again skips what is already applied.");
        return new DynctlException(cause.exitCode(), message, String.join(" ", hints), e);
    }

    private static String words(List<TableUpdatePlan.Step> steps) {
        return steps.stream().map(TableUpdatePlan.Step::description).collect(Collectors.joining(", "));
    }

    /**
     * The table about to be deleted, checked first so that a protected table fails before the
     * user is asked to confirm. With {@code ifExists} a missing table is null, not an error.
     */
    public TableDescription deletable(String name, boolean ifExists) {
        TableDescription table = describeOrNull(client, name);
        if (table == null) {
            if (ifExists) {
                return null;
            }
            throw MissingTable.error(client, name, where);
        }
        if (Boolean.TRUE.equals(table.deletionProtectionEnabled())) {
            throw deletionProtected(name);
        }
        return table;
    }

    /**
     * Deletes the table and returns what DeleteTable answered; {@code wait} (null: do not wait)
     * waits until it is gone. With {@code ifExists} a table deleted meanwhile is null, not an error.
     */
    public TableDescription delete(String name, boolean ifExists, Duration wait) throws InterruptedException {
        TableDescription deleted;
        try {
            deleted = client.deleteTable(b -> b.tableName(name)).tableDescription();
        } catch (ResourceNotFoundException e) {
            if (ifExists) {
                return null;
            }
            throw MissingTable.error(client, name, where);
        }
        if (wait != null) {
            waiter.untilDeleted(name, wait);
        }
        return deleted;
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
        TableDescription table = describeOrNull(client, name);
        if (table == null) {
            throw MissingTable.error(client, name, where);
        }
        return table;
    }

    /** DescribeTable, or null when there is no such table: the one place that tells "missing" from other failures. */
    static TableDescription describeOrNull(DynamoDbClient client, String name) {
        try {
            return client.describeTable(b -> b.tableName(name)).table();
        } catch (ResourceNotFoundException e) {
            return null;
        }
    }
}
