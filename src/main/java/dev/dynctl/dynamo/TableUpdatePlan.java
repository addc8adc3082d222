package dev.dynctl.dynamo;

import dev.dynctl.error.DynctlException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryDescription;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;

/**
 * Turns the changes of `table update` into the requests that make them, given the table as it is.
 * DynamoDB takes one kind of change per UpdateTable (capacity, one index created or deleted, the
 * stream), so each is its own step; the service runs them in order, each once the table has
 * settled. Changes the table already has are left out, so running an update twice is harmless.
 */
final class TableUpdatePlan {
    /** One request of an update. */
    interface Step {
        void apply(DynamoDbClient client);
    }

    private final TableDescription table;
    private final TimeToLiveDescription ttl;
    private final PointInTimeRecoveryDescription pitr;
    private final TableChanges changes;
    private final List<Step> steps = new ArrayList<>();
    private final Map<String, GlobalSecondaryIndexDescription> remainingGlobals = new LinkedHashMap<>();

    /** {@code ttl} and {@code pitr} are the current settings, needed only when the changes touch them. */
    TableUpdatePlan(TableDescription table, TimeToLiveDescription ttl, PointInTimeRecoveryDescription pitr, TableChanges changes) {
        this.table = table;
        this.ttl = ttl;
        this.pitr = pitr;
        this.changes = changes;
        table.globalSecondaryIndexes().forEach(index -> remainingGlobals.put(index.indexName(), index));
    }

    List<Step> steps() {
        deletionProtection();
        removeIndexes();
        ProvisionedThroughput throughput = capacity();
        addIndexes(throughput);
        stream();
        timeToLive();
        pointInTimeRecovery();
        return steps;
    }

    private void deletionProtection() {
        Boolean wanted = changes.deletionProtection();
        if (wanted != null && wanted != Boolean.TRUE.equals(table.deletionProtectionEnabled())) {
            updateTable(b -> b.deletionProtectionEnabled(wanted));
        }
    }

    private void removeIndexes() {
        for (String name : changes.removeIndexes()) {
            if (localIndex(name).isPresent()) {
                throw DynctlException.usage("'" + name + "' is a local index of table '" + table.tableName()
                        + "'; local indexes live as long as their table.", "Only global indexes can be removed.");
            }
            if (remainingGlobals.remove(name) == null) {
                throw DynctlException.notFound("Table '" + table.tableName() + "' has no global index '" + name + "'.",
                        remainingGlobals.isEmpty() ? "It has no global indexes." : "Its global indexes: " + String.join(", ", remainingGlobals.keySet()) + ".");
            }
            updateTable(b -> b.globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                    .delete(d -> d.indexName(name)).build()));
        }
    }

    /** Applies billing and capacity changes; returns the table's throughput afterwards (null when on-demand). */
    private ProvisionedThroughput capacity() {
        BillingMode current = TableDescriptions.billingMode(table);
        BillingMode target = changes.billing() == null ? current : changes.billing();
        Long rcu = changes.readCapacity();
        Long wcu = changes.writeCapacity();
        if (target == BillingMode.PAY_PER_REQUEST) {
            if (rcu != null || wcu != null) {
                throw DynctlException.usage("Table '" + table.tableName() + "' is on-demand; --rcu and --wcu need provisioned billing.",
                        "Pass --billing provisioned --rcu N --wcu N to switch.");
            }
            if (current != BillingMode.PAY_PER_REQUEST) {
                updateTable(b -> b.billingMode(BillingMode.PAY_PER_REQUEST));
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
            updateTable(b -> {
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
            updateTable(b -> b.provisionedThroughput(throughput));
        }
        return throughput;
    }

    private void addIndexes(ProvisionedThroughput tableThroughput) {
        Map<String, TableKeyAttribute> attributes = attributesInUse();
        for (TableIndexSpec index : changes.addIndexes()) {
            if (localIndex(index.name()).isPresent()) {
                throw DynctlException.usage("Table '" + table.tableName() + "' already has a local index '" + index.name() + "'.",
                        "Give the new global index another name.");
            }
            GlobalSecondaryIndexDescription existing = remainingGlobals.get(index.name());
            if (existing != null) {
                String keys = TableDescriptions.keys(existing.keySchema(), table.attributeDefinitions());
                if (keys.equals(TableDescriptions.keys(index.partitionKey(), index.sortKey()))) {
                    continue;
                }
                throw DynctlException.usage("Table '" + table.tableName() + "' already has a global index '" + index.name() + "' on " + keys + ".",
                        "To replace it, pass --remove-gsi " + index.name() + " as well.");
            }
            if (index.hasCapacity() && tableThroughput == null) {
                throw DynctlException.usage("--add-gsi " + index.name() + " gives rcu/wcu, but table '" + table.tableName() + "' is on-demand.",
                        "Drop rcu/wcu from the index, or switch the table with --billing provisioned --rcu N --wcu N.");
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
            updateTable(b -> b.attributeDefinitions(definitions)
                    .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().create(c -> c
                            .indexName(created.indexName())
                            .keySchema(created.keySchema())
                            .projection(created.projection())
                            .provisionedThroughput(created.provisionedThroughput())).build()));
        }
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
        if (changes.stream() != null) {
            if (enabled && current.streamViewType() == changes.stream()) {
                return;
            }
            if (enabled) {
                // a stream's view type cannot change in place: end this stream, then start the new one
                updateTable(b -> b.streamSpecification(s -> s.streamEnabled(false)));
            }
            updateTable(b -> b.streamSpecification(s -> s.streamEnabled(true).streamViewType(changes.stream())));
        } else if (changes.streamOff() && enabled) {
            updateTable(b -> b.streamSpecification(s -> s.streamEnabled(false)));
        }
    }

    private void timeToLive() {
        if (!changes.touchesTtl()) {
            return;
        }
        boolean on = ttl.timeToLiveStatus() == TimeToLiveStatus.ENABLED || ttl.timeToLiveStatus() == TimeToLiveStatus.ENABLING;
        String attribute = ttl.attributeName();
        String wanted = changes.ttlAttribute();
        if (wanted != null && on && wanted.equals(attribute)) {
            return;
        }
        if (on) {
            steps.add(client -> client.updateTimeToLive(b -> b.tableName(table.tableName())
                    .timeToLiveSpecification(s -> s.enabled(false).attributeName(attribute))));
        }
        if (wanted != null) {
            steps.add(client -> client.updateTimeToLive(b -> b.tableName(table.tableName())
                    .timeToLiveSpecification(s -> s.enabled(true).attributeName(wanted))));
        }
    }

    private void pointInTimeRecovery() {
        Boolean wanted = changes.pointInTimeRecovery();
        if (wanted == null) {
            return;
        }
        boolean on = pitr != null && pitr.pointInTimeRecoveryStatus() == PointInTimeRecoveryStatus.ENABLED;
        if (wanted != on) {
            steps.add(client -> client.updateContinuousBackups(b -> b.tableName(table.tableName())
                    .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(wanted))));
        }
    }

    private void updateTable(Consumer<UpdateTableRequest.Builder> change) {
        UpdateTableRequest.Builder request = UpdateTableRequest.builder().tableName(table.tableName());
        change.accept(request);
        UpdateTableRequest built = request.build();
        steps.add(client -> client.updateTable(built));
    }

    private Optional<LocalSecondaryIndexDescription> localIndex(String name) {
        return table.localSecondaryIndexes().stream().filter(index -> index.indexName().equals(name)).findFirst();
    }
}
