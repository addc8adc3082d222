package dev.dynctl.dynamo;

import dev.dynctl.error.DynctlException;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * Everything `table update` asks for; null (or empty) means "leave as is". Contradictions such as
 * --ttl with --no-ttl are usage errors here, before the table is read.
 */
public record TableChanges(BillingMode billing, Long readCapacity, Long writeCapacity,
                           List<TableIndexSpec> addIndexes, List<String> removeIndexes,
                           String ttlAttribute, boolean ttlOff, StreamViewType stream, boolean streamOff,
                           Boolean pointInTimeRecovery, Boolean deletionProtection) {

    public TableChanges {
        addIndexes = List.copyOf(addIndexes);
        removeIndexes = List.copyOf(removeIndexes);
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
        if (billing == null && readCapacity == null && writeCapacity == null && addIndexes.isEmpty() && removeIndexes.isEmpty()
                && ttlAttribute == null && !ttlOff && stream == null && !streamOff
                && pointInTimeRecovery == null && deletionProtection == null) {
            throw DynctlException.usage("Nothing to update: say what to change.",
                    "For example --billing on-demand, --rcu 10 --wcu 5, --add-gsi ..., --remove-gsi NAME, --ttl ATTR, "
                            + "--stream new, --pitr or --deletion-protection (see --help).");
        }
    }

    boolean touchesTtl() {
        return ttlAttribute != null || ttlOff;
    }
}
