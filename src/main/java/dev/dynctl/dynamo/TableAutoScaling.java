package dev.dynctl.dynamo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.codec.Json;
import dev.dynctl.error.DynctlException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.PolicyType;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingPolicy;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.applicationautoscaling.model.TargetTrackingScalingPolicyConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Auto scaling of a provisioned table and its global indexes through Application Auto Scaling:
 * a scalable target (the range capacity may move in) and a target-tracking policy (the
 * utilization to keep) per read or write side. Setting it is idempotent: what is already so is
 * not sent again, and a policy already tracking that side (made by the console, CloudFormation or
 * dynctl) is updated rather than joined by a second one. No role is passed: Application Auto
 * Scaling uses its service-linked role for DynamoDB.
 */
public final class TableAutoScaling {
    /** What a change did: the settings afterwards, and what was already so or still holds. */
    public record Outcome(List<ObjectNode> rows, List<String> notes) {
    }

    private final DynamoDbClient dynamo;
    private final ApplicationAutoScalingClient scaling;
    private final String where;

    public TableAutoScaling(DynamoDbClient dynamo, ApplicationAutoScalingClient scaling, String where) {
        this.dynamo = dynamo;
        this.scaling = scaling;
        this.where = where;
    }

    /**
     * One row per chosen side, scaled or not: of the table and each global index, or of one
     * global index when {@code index} is given.
     */
    public List<ObjectNode> show(String name, String index, Set<ScalableCapacity.Side> sides) {
        TableDescription table = find(name);
        List<ScalableCapacity> shown = index == null ? all(table) : chosen(table, index, sides);
        return rows(table, shown.stream().filter(capacity -> sides.contains(capacity.side())).toList());
    }

    /**
     * The registered range of every side of the table and its global indexes that scales, read
     * in one DescribeScalableTargets call; a side that does not scale is absent.
     */
    Map<ScalableCapacity, ScalableTarget> targets(TableDescription table) {
        List<ScalableCapacity> all = all(table);
        List<ScalableTarget> targets = describeTargets(all);
        Map<ScalableCapacity, ScalableTarget> scaled = new LinkedHashMap<>();
        for (ScalableCapacity capacity : all) {
            ScalableTarget target = matching(targets, capacity);
            if (target != null) {
                scaled.put(capacity, target);
            }
        }
        return scaled;
    }

    /** Whether a side auto scales: a range registered, and a policy that moves the capacity in it. */
    boolean scales(ScalableCapacity capacity) {
        State state = states(List.of(capacity)).get(capacity);
        return state.target() != null && !state.policies().isEmpty();
    }

    /**
     * Registers (or updates) the range and the target utilization of the chosen sides of the
     * table, or of one global index. On-demand tables scale by themselves and are refused.
     *
     * @param index a global index, or null for the table
     */
    public Outcome set(String name, String index, Set<ScalableCapacity.Side> sides, AutoScalingSettings settings) {
        TableDescription table = find(name);
        if (TableDescriptions.billingMode(table) == BillingMode.PAY_PER_REQUEST) {
            throw DynctlException.usage("Table '" + name + "' is on-demand: it follows its traffic by itself, and auto scaling is for "
                            + "provisioned capacity.",
                    "Switch it first with 'dynctl table update " + name + " --billing provisioned --rcu N --wcu N', or cap its "
                            + "on-demand throughput with 'dynctl table update " + name + " --max-rcu N --max-wcu N'.");
        }
        List<ScalableCapacity> chosen = chosen(table, index, sides);
        Map<ScalableCapacity, State> states = states(chosen);
        // every side is resolved before anything is sent, so that a refusal of one changes neither
        Map<ScalableCapacity, Wanted> wanted = new LinkedHashMap<>();
        chosen.forEach(capacity -> wanted.put(capacity, wanted(capacity, states.get(capacity), settings)));
        List<String> notes = new ArrayList<>();
        for (ScalableCapacity capacity : chosen) {
            State state = states.get(capacity);
            if (!apply(capacity, state, wanted.get(capacity))) {
                notes.add("Auto scaling of the " + capacity.words() + " is already " + state.min() + " to " + state.max()
                        + " units at " + AutoScalingSettings.percent(state.targetUtilization()) + " utilization.");
            }
        }
        return new Outcome(rows(table, chosen), notes);
    }

    /** Deletes the scaling policies of the chosen sides and deregisters them; what is not scaled is a note. */
    public Outcome off(String name, String index, Set<ScalableCapacity.Side> sides) {
        TableDescription table = find(name);
        List<ScalableCapacity> chosen = chosen(table, index, sides);
        Map<ScalableCapacity, State> states = states(chosen);
        List<String> notes = new ArrayList<>();
        for (ScalableCapacity capacity : chosen) {
            State state = states.get(capacity);
            // AWS deletes a target's policies with it, but not every engine does: deleting them first leaves none behind
            state.policies().forEach(policy -> scaling.deleteScalingPolicy(b -> b.serviceNamespace(ServiceNamespace.DYNAMODB)
                    .resourceId(capacity.resourceId()).scalableDimension(capacity.dimension()).policyName(policy.policyName())));
            if (state.target() != null) {
                scaling.deregisterScalableTarget(b -> b.serviceNamespace(ServiceNamespace.DYNAMODB)
                        .resourceId(capacity.resourceId()).scalableDimension(capacity.dimension()));
            } else if (state.policies().isEmpty()) {
                notes.add("Auto scaling of the " + capacity.words() + " is already off.");
            }
        }
        if (index == null) {
            List<String> scaledIndexes = states(all(table)).entrySet().stream()
                    .filter(e -> e.getKey().index() != null && e.getValue().target() != null)
                    .map(e -> e.getKey().index()).distinct().toList();
            scaledIndexes.forEach(scaled -> notes.add("Index '" + scaled + "' still scales; turn it off with 'dynctl table autoscale "
                    + name + " --index " + scaled + " --off'."));
        }
        return new Outcome(rows(table, chosen), notes);
    }

    /** What one side is to become: its range and target utilization. */
    private record Wanted(int min, int max, double targetUtilization) {
    }

    /**
     * The range and target a side gets: what is given, the rest as it is (a side that does not
     * scale yet needs both --min and --max, and gets the default target). Refused when the range
     * would be empty.
     */
    private static Wanted wanted(ScalableCapacity capacity, State state, AutoScalingSettings settings) {
        Integer min = settings.min() != null ? settings.min() : state.min();
        Integer max = settings.max() != null ? settings.max() : state.max();
        if (min == null || max == null) {
            throw DynctlException.usage("The " + capacity.words() + " does not scale yet: give both --min and --max.",
                    "For example: --min 5 --max 100 --target-utilization 70");
        }
        if (min > max) {
            throw DynctlException.usage("The " + capacity.words() + " would scale from " + min + " to " + max + ": --min must not be "
                    + "above --max.", "Its range now is " + state.min() + " to " + state.max() + "; give both --min and --max.");
        }
        double target = settings.targetUtilization() != null ? settings.targetUtilization()
                : state.targetUtilization() != null ? state.targetUtilization() : AutoScalingSettings.DEFAULT_TARGET;
        return new Wanted(min, max, target);
    }

    /**
     * Brings one side to what is wanted; returns false when it already was. The range is
     * registered again only when it differs, the policy put only when its target does.
     */
    private boolean apply(ScalableCapacity capacity, State state, Wanted wanted) {
        int min = wanted.min();
        int max = wanted.max();
        double target = wanted.targetUtilization();
        boolean changed = false;
        if (!Integer.valueOf(min).equals(state.min()) || !Integer.valueOf(max).equals(state.max())) {
            scaling.registerScalableTarget(b -> b.serviceNamespace(ServiceNamespace.DYNAMODB).resourceId(capacity.resourceId())
                    .scalableDimension(capacity.dimension()).minCapacity(min).maxCapacity(max));
            changed = true;
        }
        ScalingPolicy tracking = state.tracking().orElse(null);
        if (tracking == null || !Objects.equals(state.targetUtilization(), target)) {
            // a policy made elsewhere keeps its name and its cooldowns; only the target changes
            TargetTrackingScalingPolicyConfiguration configuration = tracking == null
                    ? TargetTrackingScalingPolicyConfiguration.builder().targetValue(target)
                            .predefinedMetricSpecification(m -> m.predefinedMetricType(capacity.metric())).build()
                    : tracking.targetTrackingScalingPolicyConfiguration().toBuilder().targetValue(target).build();
            String policyName = tracking == null ? capacity.policyName() : tracking.policyName();
            scaling.putScalingPolicy(b -> b.serviceNamespace(ServiceNamespace.DYNAMODB).resourceId(capacity.resourceId())
                    .scalableDimension(capacity.dimension()).policyName(policyName).policyType(PolicyType.TARGET_TRACKING_SCALING)
                    .targetTrackingScalingPolicyConfiguration(configuration));
            changed = true;
        }
        return changed;
    }

    /** The sides asked for, of the table or of one of its global indexes (a missing index is not found, with the near names). */
    private List<ScalableCapacity> chosen(TableDescription table, String index, Set<ScalableCapacity.Side> sides) {
        if (index != null) {
            MissingIndex.requireGlobal(table, index, where, "it uses the table's capacity, so scale the table");
        }
        return sides.stream().sorted().map(side -> new ScalableCapacity(table.tableName(), index, side)).toList();
    }

    /** Both sides of the table, then both sides of each global index. */
    private static List<ScalableCapacity> all(TableDescription table) {
        List<ScalableCapacity> all = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        targets.add(null);
        table.globalSecondaryIndexes().forEach(index -> targets.add(index.indexName()));
        for (String index : targets) {
            for (ScalableCapacity.Side side : ScalableCapacity.Side.values()) {
                all.add(new ScalableCapacity(table.tableName(), index, side));
            }
        }
        return all;
    }

    /** How one side scales now: its registered range (null when none) and its scaling policies. */
    private record State(ScalableTarget target, List<ScalingPolicy> policies) {
        Integer min() {
            return target == null ? null : target.minCapacity();
        }

        Integer max() {
            return target == null ? null : target.maxCapacity();
        }

        /** The target-tracking policy of the side, if it has one. */
        Optional<ScalingPolicy> tracking() {
            return policies.stream().filter(p -> p.policyType() == PolicyType.TARGET_TRACKING_SCALING
                    && p.targetTrackingScalingPolicyConfiguration() != null).findFirst();
        }

        Double targetUtilization() {
            return tracking().map(p -> p.targetTrackingScalingPolicyConfiguration().targetValue()).orElse(null);
        }
    }

    /**
     * The state of each side: targets read in one call for all their resources, policies per
     * resource. Both are matched on the exact resource id and dimension, as not every engine
     * filters exactly.
     */
    private Map<ScalableCapacity, State> states(List<ScalableCapacity> capacities) {
        List<String> resources = capacities.stream().map(ScalableCapacity::resourceId).distinct().toList();
        List<ScalableTarget> targets = describeTargets(capacities);
        Map<String, List<ScalingPolicy>> policies = new LinkedHashMap<>();
        for (String resource : resources) {
            policies.put(resource, scaling.describeScalingPoliciesPaginator(b -> b.serviceNamespace(ServiceNamespace.DYNAMODB)
                    .resourceId(resource)).scalingPolicies().stream().toList());
        }
        Map<ScalableCapacity, State> states = new LinkedHashMap<>();
        for (ScalableCapacity capacity : capacities) {
            ScalableTarget target = matching(targets, capacity);
            List<ScalingPolicy> own = policies.get(capacity.resourceId()).stream().filter(p -> p.resourceId().equals(capacity.resourceId())
                    && p.scalableDimension() == capacity.dimension()).toList();
            states.put(capacity, new State(target, own));
        }
        return states;
    }

    private List<ScalableTarget> describeTargets(List<ScalableCapacity> capacities) {
        List<String> resources = capacities.stream().map(ScalableCapacity::resourceId).distinct().toList();
        return scaling.describeScalableTargetsPaginator(b -> b.serviceNamespace(ServiceNamespace.DYNAMODB).resourceIds(resources))
                .scalableTargets().stream().toList();
    }

    private static ScalableTarget matching(List<ScalableTarget> targets, ScalableCapacity capacity) {
        return targets.stream().filter(t -> t.resourceId().equals(capacity.resourceId()) && t.scalableDimension() == capacity.dimension())
                .findFirst().orElse(null);
    }

    /** The rows of these sides as they are now (read again after a change). */
    private List<ObjectNode> rows(TableDescription table, List<ScalableCapacity> capacities) {
        Map<ScalableCapacity, State> states = states(capacities);
        return capacities.stream().map(capacity -> row(table, capacity, states.get(capacity))).toList();
    }

    private static ObjectNode row(TableDescription table, ScalableCapacity capacity, State state) {
        ObjectNode row = Json.MAPPER.createObjectNode();
        row.put("target", capacity.target());
        row.put("capacity", capacity.side().word());
        row.put("autoscaling", state.target() != null ? "on" : "off");
        if (state.target() != null) {
            row.put("min", state.min());
            row.put("max", state.max());
        }
        Double utilization = state.targetUtilization();
        if (utilization != null && utilization == Math.rint(utilization)) {
            row.put("targetUtilization", utilization.longValue());
        } else if (utilization != null) {
            row.put("targetUtilization", utilization);
        }
        Long units = provisioned(table, capacity);
        if (units != null) {
            row.put("provisioned", units);
        } else {
            row.put("provisioned", "on-demand");
        }
        state.tracking().ifPresent(policy -> row.put("policy", policy.policyName()));
        return row;
    }

    /** The units the side has now; null when the table is on-demand. */
    private static Long provisioned(TableDescription table, ScalableCapacity capacity) {
        if (TableDescriptions.billingMode(table) == BillingMode.PAY_PER_REQUEST) {
            return null;
        }
        ProvisionedThroughputDescription throughput = capacity.index() == null ? table.provisionedThroughput()
                : table.globalSecondaryIndexes().stream().filter(i -> i.indexName().equals(capacity.index())).findFirst()
                        .map(GlobalSecondaryIndexDescription::provisionedThroughput).orElse(null);
        if (throughput == null) {
            return null;
        }
        return capacity.side() == ScalableCapacity.Side.READ ? throughput.readCapacityUnits() : throughput.writeCapacityUnits();
    }

    private TableDescription find(String name) {
        return MissingTable.describe(dynamo, name, where);
    }
}
