package dev.dynctl.dynamo;

import dev.dynctl.error.DynctlException;
import software.amazon.awssdk.services.dynamodb.model.OnDemandThroughput;
import software.amazon.awssdk.services.dynamodb.model.TableClass;

/**
 * What a table costs without changing what it holds: its class, and the most read and write
 * request units an on-demand table may use per second (a cap on the bill of a runaway client).
 * Null means "leave as is" (or the default, for a new table); a maximum of -1 removes the cap,
 * as AWS spells it.
 */
public record TableCostSettings(TableClass tableClass, Long maxReadRequestUnits, Long maxWriteRequestUnits) {
    /** No class and no maximum asked for. */
    public static final TableCostSettings NONE = new TableCostSettings(null, null, null);

    /** The value of a maximum that removes it. */
    static final long NO_MAXIMUM = -1;

    public TableCostSettings {
        checkMaximum("--max-rcu", maxReadRequestUnits);
        checkMaximum("--max-wcu", maxWriteRequestUnits);
    }

    private static void checkMaximum(String option, Long units) {
        if (units != null && units < 1 && units != NO_MAXIMUM) {
            throw DynctlException.usage("Bad " + option + " " + units + ": request units per second start at 1 (-1 removes the maximum).");
        }
    }

    public boolean isEmpty() {
        return tableClass == null && !hasMaximum();
    }

    /** Whether --max-rcu or --max-wcu was given. */
    boolean hasMaximum() {
        return maxReadRequestUnits != null || maxWriteRequestUnits != null;
    }

    /** Only on-demand tables have maximums; {@code table} says which table in the error ("the new table", "table 'orders'"). */
    void requireOnDemand(boolean onDemand, String table, String hint) {
        if (hasMaximum() && !onDemand) {
            throw DynctlException.usage(option() + " caps the request units of an on-demand table, and " + table + " is provisioned.", hint);
        }
    }

    /** "--max-rcu", "--max-wcu" or "--max-rcu and --max-wcu": what the user gave, for errors. */
    private String option() {
        if (maxReadRequestUnits != null && maxWriteRequestUnits != null) {
            return "--max-rcu and --max-wcu";
        }
        return maxReadRequestUnits != null ? "--max-rcu" : "--max-wcu";
    }

    /** The maximums as a request carries them: only those given, so the other stays as it is. */
    OnDemandThroughput onDemandThroughput() {
        return OnDemandThroughput.builder().maxReadRequestUnits(maxReadRequestUnits).maxWriteRequestUnits(maxWriteRequestUnits).build();
    }
}
