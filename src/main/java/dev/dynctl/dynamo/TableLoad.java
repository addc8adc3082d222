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
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The load on a table and each of its global indexes over a window, read in one GetMetricData
 * call (consumed capacity and throttle events per minute), and the health findings it makes:
 * throttling, consumption near or over provisioned capacity, and capacity that does not scale.
 * Where a side auto scales, more capacity is a higher auto scaling maximum: a capacity set with
 * `table update` would be undone by Application Auto Scaling.
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
    /** The sides that auto scale, with their range; null when they could not be read. */
    private final Map<ScalableCapacity, ScalableTarget> scaled;

    private TableLoad(String table, boolean onDemand, List<Load> loads, Map<ScalableCapacity, ScalableTarget> scaled) {
        this.table = table;
        this.onDemand = onDemand;
        this.loads = loads;
        this.scaled = scaled;
    }

    /**
     * @param scaled the sides of the table and its global indexes that auto scale (none for an
     *               on-demand table); null when they could not be read
     */
    static TableLoad read(MetricReader metrics, TableDescription description, MetricWindow window,
            Map<ScalableCapacity, ScalableTarget> scaled) {
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
        return new TableLoad(description.tableName(), onDemand, loads, scaled);
    }

    /**
     * A finding per table or index that was throttled: critical when it was in the last ten
     * minutes (it is going on), a warning when only earlier; one OK finding when none was.
     *
     * @param hotKeyWatch Contributor Insights on the table (index null) or a global index; null
     *                    when the engine has none or it may not be read
     */
    List<HealthFinding> throttling(Function<String, ContributorInsights.Status> hotKeyWatch) {
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
                    + (onDemand ? " (on-demand: a hot partition over 3,000 read units or 1,000 write units a second, "
                    + "traffic over double its previous peak, or the table's maximum throughput)" : "");
            findings.add(new HealthFinding(recent > 0 ? Severity.CRITICAL : Severity.WARNING, "throttling", message,
                    throttlingFix(load, reads > 0, writes > 0, hotKeyWatch)));
        }
        if (findings.isEmpty()) {
            findings.add(HealthFinding.ok("throttling", "no throttle events in the last hour"));
        }
        return findings;
    }

    /**
     * Provisioned: more capacity where it ran out ({@link #raise}). On-demand throttles a hot
     * partition, or a table over its maximum: the keys tell which, and Contributor Insights
     * names them.
     */
    private String throttlingFix(Load load, boolean reads, boolean writes, Function<String, ContributorInsights.Status> hotKeyWatch) {
        Resource resource = load.resource();
        if (onDemand) {
            ContributorInsights.Status watch = hotKeyWatch.apply(resource.index());
            return ContributorInsights.command(table, resource.index(), watch != null && watch.on() ? "show" : "on");
        }
        return raise(load, reads, writes);
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
                            raise(load, reads, !reads)));
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

    /**
     * A finding per table or index with a side whose provisioned capacity does not auto scale:
     * info, or a warning when that side was throttled or above {@link #NEAR_CAPACITY} of its
     * capacity in the window. The fix turns scaling on from the capacity there is now up to twice
     * what is needed. One OK finding when every side scales; on-demand: OK.
     */
    List<HealthFinding> autoScaling() {
        String check = "auto scaling";
        if (onDemand) {
            return List.of(HealthFinding.ok(check, "on-demand: capacity follows the traffic by itself"));
        }
        if (scaled == null) {
            return List.of(new HealthFinding(Severity.INFO, check, "not permitted to read auto scaling (DescribeScalableTargets): "
                    + "capacity fixes assume none", null));
        }
        List<HealthFinding> findings = new ArrayList<>();
        for (Load load : loads) {
            List<Boolean> fixed = List.of(true, false).stream().filter(reads -> target(load.resource(), reads) == null).toList();
            if (fixed.isEmpty()) {
                continue;
            }
            ProvisionedThroughputDescription provisioned = load.resource().provisioned();
            boolean strained = fixed.stream().anyMatch(reads -> strained(load, reads));
            long min = fixed.stream().mapToLong(reads -> units(provisioned, reads)).min().orElseThrow();
            long need = fixed.stream().mapToLong(reads -> strained(load, reads) ? suggestion(load, reads) : units(provisioned, reads))
                    .max().orElseThrow();
            String sides = fixed.size() == 2 ? "read and write" : fixed.get(0) ? "read" : "write";
            String units = fixed.stream().map(reads -> String.valueOf(units(provisioned, reads))).reduce((a, b) -> a + " and " + b)
                    .orElseThrow();
            findings.add(new HealthFinding(strained ? Severity.WARNING : Severity.INFO, check, load.resource().label() + ": " + sides
                    + " capacity fixed at " + units + " units/s, without auto scaling"
                    + (strained ? "; it was throttled or above " + percent(NEAR_CAPACITY) + " in the last hour" : ""),
                    autoscale(load.resource(), fixed) + " --min " + min + " --max " + Math.max(min + 1, 2 * need)));
        }
        if (findings.isEmpty()) {
            findings.add(HealthFinding.ok(check, "every read and write capacity auto scales"));
        }
        return findings;
    }

    /**
     * The command that gives a table or index more capacity on the given sides. A table whose
     * sides do not auto scale: `table update --rcu/--wcu`. Sides that all scale: a higher
     * maximum, so that the old one is at 70% of it (or what the peak needs, if more). Otherwise
     * (an index, whose capacity dynctl sets only through auto scaling, or a table with one side
     * scaled): scaling from what is needed now up to twice that.
     */
    private String raise(Load load, boolean reads, boolean writes) {
        Resource resource = load.resource();
        List<Boolean> sides = new ArrayList<>();
        if (reads) {
            sides.add(true);
        }
        if (writes) {
            sides.add(false);
        }
        List<ScalableTarget> targets = sides.stream().map(side -> target(resource, side)).filter(Objects::nonNull).toList();
        if (resource.index() == null && targets.isEmpty()) {
            StringBuilder command = new StringBuilder("dynctl table update " + table);
            if (reads) {
                command.append(" --rcu ").append(suggestion(load, true));
            }
            if (writes) {
                command.append(" --wcu ").append(suggestion(load, false));
            }
            return command.toString();
        }
        long need = sides.stream().mapToLong(side -> suggestion(load, side)).max().orElseThrow();
        long ceiling = targets.stream().mapToLong(target -> (long) Math.ceil(target.maxCapacity() / TARGET_UTILIZATION)).max().orElse(0);
        if (targets.size() == sides.size()) {
            return autoscale(resource, sides) + " --max " + Math.max(need, ceiling);
        }
        return autoscale(resource, sides) + " --min " + need + " --max " + Math.max(2 * need, ceiling);
    }

    /** "dynctl table autoscale T [--index I] [--read|--write]": both sides unless one is given. */
    private String autoscale(Resource resource, List<Boolean> sides) {
        return "dynctl table autoscale " + table + (resource.index() == null ? "" : " --index " + resource.index())
                + (sides.size() == 1 ? sides.get(0) ? " --read" : " --write" : "");
    }

    /** The auto scaling range of a side; null when it does not scale (or that could not be read). */
    private ScalableTarget target(Resource resource, boolean reads) {
        return scaled == null ? null
                : scaled.get(new ScalableCapacity(table, resource.index(), reads ? ScalableCapacity.Side.READ : ScalableCapacity.Side.WRITE));
    }

    /** Whether a side was throttled, or above {@link #NEAR_CAPACITY} of its capacity, in the window. */
    private static boolean strained(Load load, boolean reads) {
        long units = units(load.resource().provisioned(), reads);
        return total(reads ? load.readsThrottled() : load.writesThrottled()) > 0
                || units > 0 && peak(reads ? load.readsConsumed() : load.writesConsumed()) / units > NEAR_CAPACITY;
    }

    private static long units(ProvisionedThroughputDescription provisioned, boolean reads) {
        Long units = reads ? provisioned.readCapacityUnits() : provisioned.writeCapacityUnits();
        return units == null ? 0 : units;
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
