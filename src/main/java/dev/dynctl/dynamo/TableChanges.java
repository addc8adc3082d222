package dev.dynctl.dynamo;

import dev.dynctl.error.DynctlException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * Everything `table update` asks for; null (or empty) means "leave as is". Contradictions such as
 * --ttl with --no-ttl are usage errors here, before the table is read.
 */
public record TableChanges(BillingMode billing, Long readCapacity, Long writeCapacity,
                           List<TableIndexSpec> addIndexes, List<String> removeIndexes,
                           String ttlAttribute, boolean ttlOff, StreamViewType stream, boolean streamOff,
                           Boolean pointInTimeRecovery, Boolean deletionProtection,
                           List<String> addReplicas, List<String> removeReplicas, TableCostSettings cost) {

    public TableChanges {
        addIndexes = List.copyOf(addIndexes);
        removeIndexes = List.copyOf(removeIndexes);
        addReplicas = ReplicaRegion.all("--add-replica", addReplicas);
        removeReplicas = ReplicaRegion.all("--remove-replica", removeReplicas);
        cost = cost == null ? TableCostSettings.NONE : cost;
        TableBilling.checkCapacity(readCapacity, writeCapacity);
        if (ttlAttribute != null && ttlOff) {
            throw DynctlException.usage("--ttl and --no-ttl contradict each other; pass one.");
        }
        if (stream != null && streamOff) {
            throw DynctlException.usage("--stream and --no-stream contradict each other; pass one.");
        }
        if (billing == BillingMode.PAY_PER_REQUEST && (readCapacity != null || writeCapacity != null)) {
            throw DynctlException.usage("--rcu and --wcu apply to provisioned billing, not on-demand.",
                    "Drop them, or pass --billing provisioned.");
        }
        Set<String> both = new LinkedHashSet<>(addReplicas);
        both.retainAll(removeReplicas);
        if (!both.isEmpty()) {
            throw DynctlException.usage("--add-replica and --remove-replica both name " + String.join(", ", both) + "; pass one.");
        }
        if (billing == null && readCapacity == null && writeCapacity == null && addIndexes.isEmpty() && removeIndexes.isEmpty()
                && ttlAttribute == null && !ttlOff && stream == null && !streamOff
                && pointInTimeRecovery == null && deletionProtection == null
                && addReplicas.isEmpty() && removeReplicas.isEmpty() && cost.isEmpty()) {
            throw DynctlException.usage("Nothing to update: say what to change.",
                    "For example --billing on-demand, --rcu 10 --wcu 5, --add-gsi ..., --remove-gsi NAME, --ttl ATTR, "
                            + "--stream new, --pitr, --deletion-protection, --add-replica REGION, --table-class standard-ia "
                            + "or --max-rcu N (see --help).");
        }
    }

    /** Changes that leave replicas, the table class and on-demand maximums as they are (what a project file's table can say). */
    public TableChanges(BillingMode billing, Long readCapacity, Long writeCapacity,
                        List<TableIndexSpec> addIndexes, List<String> removeIndexes,
                        String ttlAttribute, boolean ttlOff, StreamViewType stream, boolean streamOff,
                        Boolean pointInTimeRecovery, Boolean deletionProtection) {
        this(billing, readCapacity, writeCapacity, addIndexes, removeIndexes, ttlAttribute, ttlOff, stream, streamOff,
                pointInTimeRecovery, deletionProtection, List.of(), List.of(), TableCostSettings.NONE);
    }

    boolean touchesTtl() {
        return ttlAttribute != null || ttlOff;
    }

    /** The stream the table will have once the changes before the replica steps are made; {@code current} when untouched, null for none. */
    StreamViewType streamAfter(StreamViewType current) {
        if (stream != null) {
            return stream;
        }
        return streamOff ? null : current;
    }
}
