package dev.dynctl.dynamo;

import dev.dynctl.error.DynctlException;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;

/** How a table pays: on demand, or provisioned read and write capacity units (rcu/wcu). */
public record TableBilling(BillingMode mode, Long readCapacity, Long writeCapacity) {
    /** The words of --billing, for help, errors and completion. */
    public static final List<String> WORDS = List.of("on-demand", "provisioned");

    public static final TableBilling ON_DEMAND = new TableBilling(BillingMode.PAY_PER_REQUEST, null, null);

    /**
     * The billing of a new table: on-demand unless --billing provisioned or capacity is given;
     * provisioned needs both --rcu and --wcu.
     */
    public static TableBilling forNewTable(String mode, Long rcu, Long wcu) {
        BillingMode billing = mode(mode);
        checkCapacity(rcu, wcu);
        if (billing == null) {
            billing = rcu == null && wcu == null ? BillingMode.PAY_PER_REQUEST : BillingMode.PROVISIONED;
        }
        if (billing == BillingMode.PAY_PER_REQUEST) {
            if (rcu != null || wcu != null) {
                throw DynctlException.usage("--rcu and --wcu apply to provisioned billing, not on-demand.",
                        "Drop them, or pass --billing provisioned.");
            }
            return ON_DEMAND;
        }
        if (rcu == null || wcu == null) {
            throw DynctlException.usage("Provisioned billing needs both --rcu and --wcu.",
                    "For example: --billing provisioned --rcu 5 --wcu 5");
        }
        return new TableBilling(BillingMode.PROVISIONED, rcu, wcu);
    }

    /** Reads --billing: on-demand (or pay-per-request) or provisioned; null stays null. */
    public static BillingMode mode(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "on-demand", "ondemand", "pay-per-request" -> BillingMode.PAY_PER_REQUEST;
            case "provisioned" -> BillingMode.PROVISIONED;
            default -> throw DynctlException.usage("Bad --billing '" + text + "': use one of " + String.join(", ", WORDS) + ".");
        };
    }

    /** Capacity units are whole numbers from 1. */
    static void checkCapacity(Long rcu, Long wcu) {
        if (rcu != null && rcu < 1) {
            throw DynctlException.usage("Bad --rcu " + rcu + ": capacity units start at 1.");
        }
        if (wcu != null && wcu < 1) {
            throw DynctlException.usage("Bad --wcu " + wcu + ": capacity units start at 1.");
        }
    }

    public boolean provisioned() {
        return mode == BillingMode.PROVISIONED;
    }

    /** The table's throughput for requests; null when on-demand. */
    ProvisionedThroughput throughput() {
        return provisioned() ? throughput(readCapacity, writeCapacity) : null;
    }

    static ProvisionedThroughput throughput(long rcu, long wcu) {
        return ProvisionedThroughput.builder().readCapacityUnits(rcu).writeCapacityUnits(wcu).build();
    }
}
