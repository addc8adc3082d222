package dev.dynctl.dynamo;

import dev.dynctl.dynamo.HealthFinding.Severity;
import dev.dynctl.metrics.MetricQuery;
import dev.dynctl.metrics.MetricReader;
import dev.dynctl.metrics.MetricSeries;
import dev.dynctl.metrics.MetricWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The load on a table and each of its global indexes over a window, read in one GetMetricData
 * call (consumed capacity and throttle events per minute), and the health findings it makes:
 * throttling, and consumption near or over provisioned capacity.
 */
final class TableLoad {
    /** Throttling in the last this many minutes is going on now. */
    private static final int RECENT_MINUTES = 10;
    /** A peak above this share of provisioned capacity leaves too little room for the next one. */
    static final double NEAR_CAPACITY = 0.8;
    /** A suggested capacity puts the peak at this share of it, the target auto scaling is usually given. */
    static final double TARGET_UTILIZATION = 0.7;

    /** The table or one of its global indexes, with its provisioned capacity (null when on-demand). */
    private record Resource(String index, ProvisionedThroughputDescription provisioned) {
        String label() {
            return index == null ? "table" : "index " + index;
        }
    }

    /** A resource's reads and writes over the window: consumed capacity (Sum per period) and throttle events. */
    private record Load(Resource resource, MetricSeries<TableMetric> readsConsumed, MetricSeries<TableMetric> writesConsumed,
            MetricSeries<TableMetric> readsThrottled, MetricSeries<TableMetric> writesThrottled) {
    }

    private final String table;
    private final boolean onDemand;
    private final List<Load> loads;

    private TableLoad(String table, boolean onDemand, List<Load> loads) {
        this.table = table;
        this.onDemand = onDemand;
        this.loads = loads;
    }

    static TableLoad read(MetricReader metrics, TableDescription description, MetricWindow window) {
        boolean onDemand = TableDescriptions.billingMode(description) == BillingMode.PAY_PER_REQUEST;
        List<Resource> resources = new ArrayList<>();
        resources.add(new Resource(null, onDemand ? null : description.provisionedThroughput()));
        for (GlobalSecondaryIndexDescription index : description.globalSecondaryIndexes()) {
            resources.add(new Resource(index.indexName(), onDemand ? null : index.provisionedThroughput()));
        }
        List<MetricQuery<TableMetric>> queries = new ArrayList<>();
        for (Resource resource : resources) {
            List<Dimension> dimensions = TableMetrics.dimensions(description.tableName(), resource.index());
            for (String metric : List.of("ConsumedReadCapacityUnits", "ConsumedWriteCapacityUnits", "ReadThrottleEvents", "WriteThrottleEvents")) {
                queries.add(TableMetrics.query(TableMetric.count(metric), dimensions));
            }
        }
        List<MetricSeries<TableMetric>> series = metrics.read(queries, window).series();
        List<Load> loads = new ArrayList<>();
        for (int i = 0; i < resources.size(); i++) {
            loads.add(new Load(resources.get(i), series.get(4 * i), series.get(4 * i + 1), series.get(4 * i + 2), series.get(4 * i + 3)));
        }
        return new TableLoad(description.tableName(), onDemand, loads);
    }

    /**
     * A finding per table or index that was throttled: critical when it was in the last ten
     * minutes (it is going on), a warning when only earlier; one OK finding when none was.
     *
     * @param hotKeyWatch Contributor Insights on the table; null on an engine that has none
     */
    List<HealthFinding> throttling(ContributorInsights.Status hotKeyWatch) {
        List<HealthFinding> findings = new ArrayList<>();
        for (Load load : loads) {
            double reads = total(load.readsThrottled());
            double writes = total(load.writesThrottled());
            if (reads + writes == 0) {
                continue;
            }
            double recent = recent(load.readsThrottled()) + recent(load.writesThrottled());
            String message = load.resource().label() + ": " + events(reads, writes) + " in the last hour, "
                    + (recent > 0 ? count(recent) : "none") + " in the last " + RECENT_MINUTES + " minutes"
                    + (onDemand ? " (on-demand: a hot partition, over 3,000 reads or 1,000 writes a second, or the table's "
                    + "maximum throughput)" : "");
            findings.add(new HealthFinding(recent > 0 ? Severity.CRITICAL : Severity.WARNING, "throttling", message,
                    throttlingFix(load, reads > 0, writes > 0, hotKeyWatch)));
        }
        if (findings.isEmpty()) {
            findings.add(HealthFinding.ok("throttling", "no throttle events in the last hour"));
        }
        return findings;
    }

    /**
     * Provisioned: more capacity where it ran out (a table's with `table update`, an index's in
     * the console). On-demand throttles a hot partition, or a table over its maximum: the keys
     * tell which, and Contributor Insights names them.
     */
    private String throttlingFix(Load load, boolean reads, boolean writes, ContributorInsights.Status hotKeyWatch) {
        Resource resource = load.resource();
        if (onDemand) {
            boolean watched = resource.index() == null && hotKeyWatch != null && hotKeyWatch.on();
            return ContributorInsights.command(table, resource.index(), watched ? "show" : "on");
        }
        if (resource.index() != null) {
            return consoleCapacityStep(resource.index());
        }
        StringBuilder command = new StringBuilder("dynctl table update " + table);
        if (reads) {
            command.append(" --rcu ").append(suggestion(load, true));
        }
        if (writes) {
            command.append(" --wcu ").append(suggestion(load, false));
        }
        return command.toString();
    }

    /**
     * Provisioned: a finding per table or index, reads or writes, whose peak per second was above
     * {@link #NEAR_CAPACITY} of its capacity (critical at all of it: burst capacity is being
     * drawn down), or one OK finding naming the highest share. On-demand: OK.
     */
    List<HealthFinding> capacity() {
        if (onDemand) {
            return List.of(HealthFinding.ok("capacity", "on-demand: no provisioned capacity to run out of"));
        }
        List<HealthFinding> findings = new ArrayList<>();
        double highest = 0;
        String highestWhat = null;
        for (Load load : loads) {
            ProvisionedThroughputDescription provisioned = load.resource().provisioned();
            for (boolean reads : List.of(true, false)) {
                Long units = reads ? provisioned.readCapacityUnits() : provisioned.writeCapacityUnits();
                if (units == null || units <= 0) {
                    continue;
                }
                double peak = peak(reads ? load.readsConsumed() : load.writesConsumed());
                double share = peak / units;
                String what = load.resource().label() + (reads ? " reads" : " writes");
                if (share > highest) {
                    highest = share;
                    highestWhat = what;
                }
                if (share > NEAR_CAPACITY) {
                    findings.add(new HealthFinding(share >= 1 ? Severity.CRITICAL : Severity.WARNING, "capacity", what + " peaked at "
                            + count(peak) + " of " + units + " provisioned units/s (" + percent(share) + ") in the last hour",
                            load.resource().index() != null ? consoleCapacityStep(load.resource().index())
                                    : "dynctl table update " + table + (reads ? " --rcu " : " --wcu ") + suggestion(load, reads)));
                }
            }
        }
        if (findings.isEmpty()) {
            findings.add(HealthFinding.ok("capacity", highestWhat == null ? "no capacity consumed in the last hour"
                    : "every peak within " + percent(NEAR_CAPACITY) + " of provisioned capacity (highest: " + highestWhat + ", "
                    + percent(highest) + ")"));
        }
        return findings;
    }

    /** dynctl changes a global index's capacity only when the whole table switches billing: the console does it alone. */
    private String consoleCapacityStep(String index) {
        return "AWS console: DynamoDB > Tables > " + table + " > Indexes > " + index + " > Edit capacity (raise it, or turn on auto scaling)";
    }

    /**
     * The capacity to provision for reads or writes: what puts the peak at the target
     * utilisation, and more than there is. Throttled requests consumed nothing, so where there
     * was throttling all that was provisioned was in demand, and more: the peak is taken to be at
     * least the capacity.
     */
    private static long suggestion(Load load, boolean reads) {
        long units = reads ? load.resource().provisioned().readCapacityUnits() : load.resource().provisioned().writeCapacityUnits();
        double peak = peak(reads ? load.readsConsumed() : load.writesConsumed());
        boolean throttled = total(reads ? load.readsThrottled() : load.writesThrottled()) > 0;
        return Math.max(units + 1, (long) Math.ceil((throttled ? Math.max(peak, units) : peak) / TARGET_UTILIZATION));
    }

    /** The highest consumption per second over the window: a period's Sum over its seconds. */
    private static double peak(MetricSeries<TableMetric> consumed) {
        Double max = consumed.max();
        return max == null ? 0 : max / consumed.periodSeconds();
    }

    private static double total(MetricSeries<TableMetric> series) {
        Double sum = series.sum();
        return sum == null ? 0 : sum;
    }

    /** The sum over the last {@link #RECENT_MINUTES} of the window. */
    private static double recent(MetricSeries<TableMetric> series) {
        List<Double> slots = series.slots();
        int recentSlots = (int) Math.max(1, Duration.ofMinutes(RECENT_MINUTES).toSeconds() / series.periodSeconds());
        return slots.subList(Math.max(0, slots.size() - recentSlots), slots.size()).stream()
                .filter(Objects::nonNull).mapToDouble(Double::doubleValue).sum();
    }

    private static String events(double reads, double writes) {
        List<String> parts = new ArrayList<>();
        if (reads > 0) {
            parts.add(count(reads) + " read");
        }
        if (writes > 0) {
            parts.add(count(writes) + " write");
        }
        return String.join(" and ", parts) + " throttle events";
    }

    /** A count as people write it: 1,234; a fraction with one decimal. */
    static String count(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%,d", (long) value) : String.format(Locale.ROOT, "%,.1f", value);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }
}
