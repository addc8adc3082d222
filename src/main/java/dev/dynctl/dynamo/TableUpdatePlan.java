package dev.dynctl.dynamo;

import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.OnDemandThroughput;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryDescription;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.ReplicaDescription;
import software.amazon.awssdk.services.dynamodb.model.ReplicationGroupUpdate;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableClass;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;

/**
 * Turns the changes of `table update` into the requests that make them, given the table as it is.
 * DynamoDB takes one kind of change per UpdateTable (capacity, one index created or deleted, the
 * stream, the class, one replica added or removed), so each is its own step; the service runs
 * them in order, each once the table has settled. Changes the table already has are left out, so
 * running an update twice is harmless, and the whole plan is checked before the first request so
 * that a refusal changes nothing.
 */
final class TableUpdatePlan {
    /** One request of an update, with what it does in words for errors ("enable stream NEW_IMAGE"). */
    record Step(String description, Consumer<DynamoDbClient> request) {
        void apply(DynamoDbClient client) {
            request.accept(client);
        }
    }

    /** Global tables of this version change their replicas with UpdateGlobalTable, not UpdateTable. */
    private static final String LEGACY_GLOBAL_TABLE = "2017.11.29";

    private final TableDescription table;
    private final TimeToLiveDescription ttl;
    private final PointInTimeRecoveryDescription pitr;
    private final TableChanges changes;
    private final List<Step> steps = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, GlobalSecondaryIndexDescription> remainingGlobals = new LinkedHashMap<>();
    private final List<String> addedReplicas = new ArrayList<>();
    private BillingMode billingAfter;

    /** {@code ttl} and {@code pitr} are the current settings, needed only when the changes touch them. */
    TableUpdatePlan(TableDescription table, TimeToLiveDescription ttl, PointInTimeRecoveryDescription pitr, TableChanges changes) {
        this.table = table;
        this.ttl = ttl;
        this.pitr = pitr;
        this.changes = changes;
        table.globalSecondaryIndexes().forEach(index -> remainingGlobals.put(index.indexName(), index));
        deletionProtection();
        removeIndexes();
        ProvisionedThroughput throughput = capacity();
        onDemandMaximum();
        addIndexes(throughput);
        stream();
        tableClass();
        replicas();
        timeToLive();
        pointInTimeRecovery();
        if (steps.isEmpty()) {
            notes.add("Nothing to change: table '" + table.tableName() + "' is already as asked.");
        }
    }

    /** The requests to send, in order. */
    List<Step> steps() {
        return steps;
    }

    /** What was asked but is already so, for the user to read (an index already absent, ...). */
    List<String> notes() {
        return notes;
    }

    /** Whether the steps add a replica to a table that is provisioned afterwards, whose writes must then auto scale. */
    boolean addsReplicaToProvisioned() {
        return !addedReplicas.isEmpty() && billingAfter == BillingMode.PROVISIONED;
    }

    /**
     * AWS takes a replica of a provisioned table only when the table's write capacity auto scales
     * (so that every replica can keep up with the writes of all of them); refused before the
     * first step, so that a stream turned on in the same update is not left changed.
     */
    void requireWriteAutoScaling(boolean writesScale) {
        if (writesScale) {
            return;
        }
        String name = table.tableName();
        long units = Math.max(1, table.provisionedThroughput() == null || table.provisionedThroughput().writeCapacityUnits() == null
                ? 1 : table.provisionedThroughput().writeCapacityUnits());
        throw DynctlException.usage("Table '" + name + "' is provisioned and its write capacity does not auto scale: AWS adds a "
                        + "replica only to a table whose writes scale.",
                "Turn it on first: dynctl table autoscale " + name + " --write --min " + units + " --max " + 2 * units
                        + " (or switch to on-demand: --billing on-demand).");
    }

    /** The regions the steps add replicas in, to check once they are done. */
    List<String> addedReplicas() {
        return addedReplicas;
    }

    private void deletionProtection() {
        Boolean wanted = changes.deletionProtection();
        if (wanted != null && wanted != Boolean.TRUE.equals(table.deletionProtectionEnabled())) {
            updateTable((wanted ? "enable" : "disable") + " deletion protection", b -> b.deletionProtectionEnabled(wanted));
        }
    }

    private void removeIndexes() {
        for (String name : changes.removeIndexes()) {
            if (localIndex(name).isPresent()) {
                throw DynctlException.usage("'" + name + "' is a local index of table '" + table.tableName()
                        + "'; local indexes live as long as their table.", "Only global indexes can be removed.");
            }
            if (remainingGlobals.remove(name) == null) {
                notes.add("Index '" + name + "' is already absent.");
                continue;
            }
            updateTable("remove index " + name, b -> b.globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                    .delete(d -> d.indexName(name)).build()));
        }
    }

    /** Applies billing and capacity changes; returns the table's throughput afterwards (null when on-demand). */
    private ProvisionedThroughput capacity() {
        BillingMode current = TableDescriptions.billingMode(table);
        BillingMode target = changes.billing() == null ? current : changes.billing();
        billingAfter = target;
        Long rcu = changes.readCapacity();
        Long wcu = changes.writeCapacity();
        if (target == BillingMode.PAY_PER_REQUEST) {
            if (rcu != null || wcu != null) {
                throw DynctlException.usage("Table '" + table.tableName() + "' is on-demand; --rcu and --wcu need provisioned billing.",
                        "Pass --billing provisioned --rcu N --wcu N to switch.");
            }
            if (current != BillingMode.PAY_PER_REQUEST) {
                updateTable("switch to on-demand billing", b -> b.billingMode(BillingMode.PAY_PER_REQUEST));
            }
            return null;
        }
        if (current == BillingMode.PAY_PER_REQUEST) {
            if (rcu == null || wcu == null) {
                throw DynctlException.usage("Switching table '" + table.tableName() + "' to provisioned billing needs both --rcu and --wcu.",
                        "For example: --billing provisioned --rcu 5 --wcu 5 (its global indexes get the same).");
            }
            ProvisionedThroughput throughput = TableBilling.throughput(rcu, wcu);
            // DynamoDB wants every global index's capacity in the same request that leaves on-demand
            List<GlobalSecondaryIndexUpdate> indexes = remainingGlobals.keySet().stream()
                    .map(name -> GlobalSecondaryIndexUpdate.builder()
                            .update(u -> u.indexName(name).provisionedThroughput(throughput)).build())
                    .toList();
            updateTable("switch to provisioned billing (" + capacityWords(throughput) + ")", b -> {
                b.billingMode(BillingMode.PROVISIONED).provisionedThroughput(throughput);
                if (!indexes.isEmpty()) {
                    b.globalSecondaryIndexUpdates(indexes);
                }
            });
            return throughput;
        }
        long currentRcu = table.provisionedThroughput().readCapacityUnits();
        long currentWcu = table.provisionedThroughput().writeCapacityUnits();
        ProvisionedThroughput throughput = TableBilling.throughput(rcu == null ? currentRcu : rcu, wcu == null ? currentWcu : wcu);
        if (throughput.readCapacityUnits() != currentRcu || throughput.writeCapacityUnits() != currentWcu) {
            updateTable("set capacity to " + capacityWords(throughput), b -> b.provisionedThroughput(throughput));
        }
        return throughput;
    }

    /**
     * The most request units an on-demand table may use; only what is given is sent, so
     * --max-rcu alone leaves the write maximum as it is. A table switching to on-demand in this
     * update is sent the maximums whatever it had before.
     */
    private void onDemandMaximum() {
        TableCostSettings cost = changes.cost();
        if (!cost.hasMaximum()) {
            return;
        }
        String name = table.tableName();
        cost.requireOnDemand(billingAfter == BillingMode.PAY_PER_REQUEST, "table '" + name + "'",
                changes.billing() == BillingMode.PROVISIONED
                        ? "Drop them: a provisioned table's capacity is --rcu and --wcu."
                        : "Pass --billing on-demand as well to switch it to on-demand with these maximums.");
        Long read = cost.maxReadRequestUnits();
        Long write = cost.maxWriteRequestUnits();
        if (TableDescriptions.billingMode(table) == BillingMode.PAY_PER_REQUEST) {
            // DescribeTable leaves OnDemandThroughput out of a table that has never had a maximum: none, as -1 says
            OnDemandThroughput current = table.onDemandThroughput() == null ? OnDemandThroughput.builder().build() : table.onDemandThroughput();
            if (same(read, current.maxReadRequestUnits()) && same(write, current.maxWriteRequestUnits())) {
                return;
            }
        }
        OnDemandThroughput maximums = cost.onDemandThroughput();
        updateTable("set on-demand maximums (" + maximumWords(read, write) + ")", b -> b.onDemandThroughput(maximums));
    }

    /** Whether a maximum asked for (null: not asked) is the one the table has (null or -1: none). */
    private static boolean same(Long wanted, Long current) {
        return wanted == null || wanted == (current == null ? TableCostSettings.NO_MAXIMUM : current);
    }

    private static String maximumWords(Long read, Long write) {
        List<String> words = new ArrayList<>();
        if (read != null) {
            words.add("reads " + (read == TableCostSettings.NO_MAXIMUM ? "unlimited" : read + "/s"));
        }
        if (write != null) {
            words.add("writes " + (write == TableCostSettings.NO_MAXIMUM ? "unlimited" : write + "/s"));
        }
        return String.join(", ", words);
    }

    private void addIndexes(ProvisionedThroughput tableThroughput) {
        Map<String, TableKeyAttribute> attributes = attributesInUse();
        for (TableIndexSpec index : changes.addIndexes()) {
            if (localIndex(index.name()).isPresent()) {
                throw DynctlException.usage("Table '" + table.tableName() + "' already has a local index '" + index.name() + "'.",
                        "Give the new global index another name.");
            }
            if (index.hasCapacity() && tableThroughput == null) {
                throw DynctlException.usage("--add-gsi " + index.name() + " gives rcu/wcu, but table '" + table.tableName() + "' is on-demand.",
                        "Drop rcu/wcu from the index, or switch the table with --billing provisioned --rcu N --wcu N.");
            }
            GlobalSecondaryIndexDescription existing = remainingGlobals.get(index.name());
            if (existing != null) {
                checkSameIndex(index, existing);
                notes.add("Index '" + index.name() + "' already exists with the same definition.");
                continue;
            }
            for (TableKeyAttribute key : index.keyAttributes()) {
                TableKeyAttribute known = attributes.putIfAbsent(key.name(), key);
                if (known != null && known.type() != key.type()) {
                    throw DynctlException.usage("Attribute '" + key.name() + "' is " + known.type() + " in table '" + table.tableName()
                            + "' but " + key.type() + " in --add-gsi " + index.name() + "; an attribute has one type.");
                }
            }
            List<AttributeDefinition> definitions = attributes.values().stream().map(TableKeyAttribute::definition).toList();
            GlobalSecondaryIndex created = index.toGlobal(tableThroughput);
            updateTable("add index " + index.name(), b -> b.attributeDefinitions(definitions)
                    .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().create(c -> c
                            .indexName(created.indexName())
                            .keySchema(created.keySchema())
                            .projection(created.projection())
                            .provisionedThroughput(created.provisionedThroughput())).build()));
        }
    }

    /**
     * Checks that an index of that name is the one asked for: same keys, same projection, and the
     * same capacity when the spec gives one. An index cannot be changed in place, so any difference
     * is a failure rather than a silent "already there".
     */
    private void checkSameIndex(TableIndexSpec wanted, GlobalSecondaryIndexDescription existing) {
        List<String> differences = new ArrayList<>();
        String keys = TableDescriptions.keys(existing.keySchema(), table.attributeDefinitions());
        String wantedKeys = TableDescriptions.keys(wanted.partitionKey(), wanted.sortKey());
        if (!keys.equals(wantedKeys)) {
            differences.add("keys " + keys + ", not " + wantedKeys);
        }
        if (!sameProjection(existing.projection(), wanted.projection())) {
            differences.add("projection " + projectionWords(existing.projection()) + ", not " + projectionWords(wanted.projection()));
        }
        ProvisionedThroughputDescription capacity = existing.provisionedThroughput();
        if (wanted.hasCapacity() && capacity != null
                && (!wanted.readCapacity().equals(capacity.readCapacityUnits()) || !wanted.writeCapacity().equals(capacity.writeCapacityUnits()))) {
            differences.add("capacity rcu " + capacity.readCapacityUnits() + ", wcu " + capacity.writeCapacityUnits()
                    + ", not " + capacityWords(TableBilling.throughput(wanted.readCapacity(), wanted.writeCapacity())));
        }
        if (!differences.isEmpty()) {
            throw new DynctlException(ExitCode.FAILURE, "Table '" + table.tableName() + "' already has a global index '" + wanted.name()
                    + "' that differs from --add-gsi: " + String.join("; ", differences) + ".",
                    "An index cannot be changed in place; pass --remove-gsi " + wanted.name() + " as well to rebuild it.");
        }
    }

    private static boolean sameProjection(Projection existing, Projection wanted) {
        ProjectionType type = existing == null || existing.projectionType() == null ? ProjectionType.ALL : existing.projectionType();
        return type == wanted.projectionType()
                && Set.copyOf(existing == null ? List.of() : existing.nonKeyAttributes()).equals(Set.copyOf(wanted.nonKeyAttributes()));
    }

    /** "ALL", "KEYS_ONLY", "INCLUDE total+items". */
    private static String projectionWords(Projection projection) {
        if (projection == null || projection.projectionType() == null) {
            return ProjectionType.ALL.toString();
        }
        return projection.projectionTypeAsString()
                + (projection.hasNonKeyAttributes() ? " " + String.join("+", projection.nonKeyAttributes()) : "");
    }

    private static String capacityWords(ProvisionedThroughput throughput) {
        return "rcu " + throughput.readCapacityUnits() + ", wcu " + throughput.writeCapacityUnits();
    }

    /** The key attributes of the table, its local indexes and the global indexes that stay. */
    private Map<String, TableKeyAttribute> attributesInUse() {
        List<KeySchemaElement> keys = new ArrayList<>(table.keySchema());
        table.localSecondaryIndexes().forEach(index -> keys.addAll(index.keySchema()));
        remainingGlobals.values().forEach(index -> keys.addAll(index.keySchema()));
        Map<String, TableKeyAttribute> attributes = new LinkedHashMap<>();
        for (KeySchemaElement key : keys) {
            attributes.computeIfAbsent(key.attributeName(), name -> TableKeyAttribute.defined(name, table.attributeDefinitions()));
        }
        return attributes;
    }

    private void stream() {
        StreamSpecification current = table.streamSpecification();
        boolean enabled = current != null && Boolean.TRUE.equals(current.streamEnabled());
        StreamViewType wanted = changes.stream();
        if (wanted != null) {
            if (enabled && current.streamViewType() == wanted) {
                return;
            }
            if (enabled) {
                // a stream's view type cannot change in place: end this stream, then start the new one
                updateTable("disable stream", b -> b.streamSpecification(s -> s.streamEnabled(false)));
            }
            updateTable("enable stream " + wanted, b -> b.streamSpecification(s -> s.streamEnabled(true).streamViewType(wanted)));
        } else if (changes.streamOff() && enabled) {
            updateTable("disable stream", b -> b.streamSpecification(s -> s.streamEnabled(false)));
        }
    }

    private void tableClass() {
        TableClass wanted = changes.cost().tableClass();
        if (wanted != null && TableStorageClass.of(table.tableClassSummary()) != wanted) {
            updateTable("set table class " + wanted, b -> b.tableClass(wanted));
        }
    }

    /**
     * Replicas in other regions (global tables version 2019.11.21), one region per request as
     * DynamoDB requires. What AWS would refuse after minutes is refused here at once: a region
     * that is the table's own, a replica to remove that is not there (not found), a new replica
     * without the stream it replicates from. A replica already there is a note.
     */
    private void replicas() {
        if (changes.addReplicas().isEmpty() && changes.removeReplicas().isEmpty()) {
            return;
        }
        String name = table.tableName();
        if (LEGACY_GLOBAL_TABLE.equals(table.globalTableVersion())) {
            throw DynctlException.usage("Table '" + name + "' is a global table of version " + LEGACY_GLOBAL_TABLE
                    + ", whose replicas UpdateTable cannot change.", "Upgrade it to version 2019.11.21 in the DynamoDB console first.");
        }
        String home = ReplicaRegion.ofArn(table.tableArn());
        Map<String, ReplicaDescription> replicas = new LinkedHashMap<>();
        table.replicas().stream().filter(r -> !r.regionName().equals(home)).forEach(r -> replicas.put(r.regionName(), r));
        for (String region : changes.removeReplicas()) {
            if (region.equals(home)) {
                throw DynctlException.usage(region + " is the region of table '" + name + "' itself, not one of its replicas.",
                        "Remove it from another replica's region: dynctl table update " + name + " --region REGION --remove-replica " + region);
            }
            if (replicas.remove(region) == null) {
                throw DynctlException.notFound("Region " + region + " is not a replica of table '" + name + "'"
                        + (replicas.isEmpty() ? "; the table has no replicas." : "; its replicas are " + String.join(", ", replicas.keySet()) + "."),
                        "See them with 'dynctl table replicas " + name + "'.");
            }
            replicaUpdate("remove replica " + region, ReplicationGroupUpdate.builder().delete(d -> d.regionName(region)).build());
        }
        for (String region : changes.addReplicas()) {
            if (region.equals(home)) {
                throw DynctlException.usage(region + " is the region of table '" + name + "' itself; a replica lives in another region.");
            }
            ReplicaDescription existing = replicas.get(region);
            if (existing != null) {
                notes.add("Region " + region + " is already a replica of table '" + name + "' (" + existing.replicaStatusAsString() + ").");
                continue;
            }
            requireReplicableStream();
            replicaUpdate("add replica " + region, ReplicationGroupUpdate.builder().create(c -> c.regionName(region)).build());
            addedReplicas.add(region);
        }
    }

    /** A replica is filled and kept in step from the table's stream, which must carry both images of a change. */
    private void requireReplicableStream() {
        StreamSpecification current = table.streamSpecification();
        StreamViewType now = current != null && Boolean.TRUE.equals(current.streamEnabled()) ? current.streamViewType() : null;
        if (changes.streamAfter(now) == StreamViewType.NEW_AND_OLD_IMAGES) {
            return;
        }
        String name = table.tableName();
        String has = changes.stream() != null ? "--stream asks for " + changes.stream()
                : changes.streamOff() ? "--no-stream turns it off"
                : now == null ? "table '" + name + "' has no stream" : "table '" + name + "' has a stream of " + now;
        throw DynctlException.usage("A replica needs the table's stream on with new and old images (NEW_AND_OLD_IMAGES), and " + has + ".",
                "Add --stream both to this update to turn it on first: dynctl table update " + name + " --stream both --add-replica REGION");
    }

    private void replicaUpdate(String description, ReplicationGroupUpdate update) {
        updateTable(description, b -> b.replicaUpdates(update));
    }

    /**
     * TTL goes on or off. Moving it to another attribute takes two changes, and AWS allows one
     * TTL change per table per hour, so that is refused here rather than failing half done.
     */
    private void timeToLive() {
        if (!changes.touchesTtl()) {
            return;
        }
        boolean on = ttl.timeToLiveStatus() == TimeToLiveStatus.ENABLED || ttl.timeToLiveStatus() == TimeToLiveStatus.ENABLING;
        String current = ttl.attributeName();
        String wanted = changes.ttlAttribute();
        String name = table.tableName();
        if (wanted == null) {
            if (on) {
                steps.add(new Step("disable TTL on " + current, client -> client.updateTimeToLive(b -> b.tableName(name)
                        .timeToLiveSpecification(s -> s.enabled(false).attributeName(current)))));
            }
            return;
        }
        if (on && wanted.equals(current)) {
            return;
        }
        if (on) {
            throw DynctlException.usage("Table '" + name + "' has TTL on attribute '" + current + "'; moving it to '" + wanted
                            + "' needs two TTL changes, and AWS allows one TTL change per hour.",
                    "Run 'dynctl table update " + name + " --no-ttl' now and 'dynctl table update " + name + " --ttl " + wanted
                            + "' an hour later.");
        }
        steps.add(new Step("enable TTL on " + wanted, client -> client.updateTimeToLive(b -> b.tableName(name)
                .timeToLiveSpecification(s -> s.enabled(true).attributeName(wanted)))));
    }

    private void pointInTimeRecovery() {
        Boolean wanted = changes.pointInTimeRecovery();
        if (wanted == null) {
            return;
        }
        boolean on = pitr != null && pitr.pointInTimeRecoveryStatus() == PointInTimeRecoveryStatus.ENABLED;
        if (wanted != on) {
            steps.add(new Step((wanted ? "enable" : "disable") + " point-in-time recovery",
                    client -> client.updateContinuousBackups(b -> b.tableName(table.tableName())
                            .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(wanted)))));
        }
    }

    private void updateTable(String description, Consumer<UpdateTableRequest.Builder> change) {
        UpdateTableRequest.Builder request = UpdateTableRequest.builder().tableName(table.tableName());
        change.accept(request);
        UpdateTableRequest built = request.build();
        steps.add(new Step(description, client -> client.updateTable(built)));
    }

    private Optional<LocalSecondaryIndexDescription> localIndex(String name) {
        return table.localSecondaryIndexes().stream().filter(index -> index.indexName().equals(name)).findFirst();
    }
}
