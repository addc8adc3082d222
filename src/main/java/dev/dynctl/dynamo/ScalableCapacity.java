package dev.dynctl.dynamo;

import java.util.Locale;
import software.amazon.awssdk.services.applicationautoscaling.model.MetricType;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableDimension;

/**
 * The read or write capacity of a table or of one of its global indexes, as Application Auto
 * Scaling names it: a resource id (table/NAME, table/NAME/index/INDEX) and a scalable dimension,
 * scaled to keep the utilization metric of that side near a target.
 *
 * @param index the global index, or null for the table itself
 */
public record ScalableCapacity(String table, String index, Side side) {
    /** Which capacity: reads or writes. */
    public enum Side {
        READ, WRITE;

        String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    String resourceId() {
        return "table/" + table + (index == null ? "" : "/index/" + index);
    }

    ScalableDimension dimension() {
        if (index == null) {
            return side == Side.READ ? ScalableDimension.DYNAMODB_TABLE_READ_CAPACITY_UNITS : ScalableDimension.DYNAMODB_TABLE_WRITE_CAPACITY_UNITS;
        }
        return side == Side.READ ? ScalableDimension.DYNAMODB_INDEX_READ_CAPACITY_UNITS : ScalableDimension.DYNAMODB_INDEX_WRITE_CAPACITY_UNITS;
    }

    MetricType metric() {
        return side == Side.READ ? MetricType.DYNAMO_DB_READ_CAPACITY_UTILIZATION : MetricType.DYNAMO_DB_WRITE_CAPACITY_UTILIZATION;
    }

    /** The name of the policy dynctl creates, as the DynamoDB console names its own: DynamoDBReadCapacityUtilization:table/orders. */
    String policyName() {
        return metric() + ":" + resourceId();
    }

    /** "table" or "index byEmail": what the rows call it. */
    String target() {
        return index == null ? "table" : "index " + index;
    }

    /** "read capacity of table 'orders'", "write capacity of index 'byEmail'": for notes and errors. */
    String words() {
        return side.word() + " capacity of " + (index == null ? "table '" + table + "'" : "index '" + index + "'");
    }
}
