package dev.dynctl.cli.table;

import static dev.dynctl.table.TableTestSupport.tree;
import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.testing.AwsCli;
import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import dev.dynctl.testing.MotoServer;
import dev.dynctl.testing.RecordingProxy;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.applicationautoscaling.model.MetricType;
import software.amazon.awssdk.services.applicationautoscaling.model.PolicyType;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableDimension;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingPolicy;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;

/** `table autoscale` against moto's Application Auto Scaling, read back with the raw client and the AWS CLI. */
class TableAutoscaleTest {
    private static String provisionedTable() {
        String name = Engine.uniqueName("scaled");
        assertThat(cli().aws("table", "create", name, "--pk", "id:S", "--rcu", "5", "--wcu", "5",
                "--gsi", "name=byEmail,pk=email:S").code()).isZero();
        return name;
    }

    private static List<ScalableTarget> targets(String resourceId) {
        return Engine.autoScaling().describeScalableTargets(b -> b.serviceNamespace(ServiceNamespace.DYNAMODB).resourceIds(resourceId))
                .scalableTargets();
    }

    /** The policies of exactly this resource (moto matches a resource id by substring). */
    private static List<ScalingPolicy> policies(String resourceId) {
        return Engine.autoScaling().describeScalingPolicies(b -> b.serviceNamespace(ServiceNamespace.DYNAMODB).resourceId(resourceId))
                .scalingPolicies().stream().filter(p -> p.resourceId().equals(resourceId)).toList();
    }

    private static ScalableTarget target(String resourceId, ScalableDimension dimension) {
        return targets(resourceId).stream().filter(t -> t.scalableDimension() == dimension).findFirst().orElseThrow();
    }

    private static ScalingPolicy policy(String resourceId, ScalableDimension dimension) {
        return policies(resourceId).stream().filter(p -> p.scalableDimension() == dimension).findFirst().orElseThrow();
    }

    @Test
    void registersBothSidesWithATargetTrackingPolicy() {
        String name = provisionedTable();
        String resource = "table/" + name;
        Result r = cli().aws("table", "autoscale", name, "--min", "5", "--max", "500", "--target-utilization", "65%", "-o", "json");
        assertThat(r.code()).as(r.toString()).isZero();

        ScalableTarget read = target(resource, ScalableDimension.DYNAMODB_TABLE_READ_CAPACITY_UNITS);
        assertThat(read.minCapacity()).isEqualTo(5);
        assertThat(read.maxCapacity()).isEqualTo(500);
        assertThat(read.roleARN()).as("the service-linked role, not one of ours").isNullOrEmpty();
        assertThat(target(resource, ScalableDimension.DYNAMODB_TABLE_WRITE_CAPACITY_UNITS).maxCapacity()).isEqualTo(500);
        ScalingPolicy readPolicy = policy(resource, ScalableDimension.DYNAMODB_TABLE_READ_CAPACITY_UNITS);
        assertThat(readPolicy.policyName()).isEqualTo("DynamoDBReadCapacityUtilization:" + resource);
        assertThat(readPolicy.policyType()).isEqualTo(PolicyType.TARGET_TRACKING_SCALING);
        assertThat(readPolicy.targetTrackingScalingPolicyConfiguration().targetValue()).isEqualTo(65.0);
        assertThat(readPolicy.targetTrackingScalingPolicyConfiguration().predefinedMetricSpecification().predefinedMetricType())
                .isEqualTo(MetricType.DYNAMO_DB_READ_CAPACITY_UTILIZATION);
        assertThat(policy(resource, ScalableDimension.DYNAMODB_TABLE_WRITE_CAPACITY_UNITS).targetTrackingScalingPolicyConfiguration()
                .predefinedMetricSpecification().predefinedMetricType()).isEqualTo(MetricType.DYNAMO_DB_WRITE_CAPACITY_UTILIZATION);

        JsonNode rows = tree(r.out());
        assertThat(rows).extracting(row -> row.path("capacity").asText() + " " + row.path("autoscaling").asText() + " "
                + row.path("min").asInt() + ".." + row.path("max").asInt() + " at " + row.path("targetUtilization").asText())
                .containsExactly("read on 5..500 at 65", "write on 5..500 at 65");
    }

    @Test
    void runningItAgainChangesNothingAndNewValuesUpdateOnlyWhatDiffers() {
        String name = provisionedTable();
        String resource = "table/" + name;
        assertThat(cli().aws("table", "autoscale", name, "--min", "5", "--max", "100").code()).isZero();
        try (RecordingProxy proxy = new RecordingProxy(MotoServer.get().endpoint())) {
            Result again = proxy.run("table", "autoscale", name, "--min", "5", "--max", "100", "--target-utilization", "70");
            assertThat(again.code()).as(again.toString()).isZero();
            assertThat(proxy.writes()).isEmpty();
            assertThat(again.err()).contains("Auto scaling of the read capacity of table '" + name + "' is already 5 to 100 units at 70% "
                    + "utilization.");

            proxy.clear();
            Result wider = proxy.run("table", "autoscale", name, "--max", "300", "--read");
            assertThat(wider.code()).as(wider.toString()).isZero();
            assertThat(proxy.writes()).extracting(RecordingProxy.Call::operation).containsExactly("RegisterScalableTarget");
        }
        ScalableTarget read = target(resource, ScalableDimension.DYNAMODB_TABLE_READ_CAPACITY_UNITS);
        assertThat(read.minCapacity()).as("kept").isEqualTo(5);
        assertThat(read.maxCapacity()).isEqualTo(300);
        assertThat(target(resource, ScalableDimension.DYNAMODB_TABLE_WRITE_CAPACITY_UNITS).maxCapacity()).as("--read only").isEqualTo(100);

        assertThat(cli().aws("table", "autoscale", name, "--target-utilization", "50", "--write").code()).isZero();
        assertThat(policy(resource, ScalableDimension.DYNAMODB_TABLE_WRITE_CAPACITY_UNITS).targetTrackingScalingPolicyConfiguration()
                .targetValue()).isEqualTo(50.0);
        assertThat(policies(resource)).as("updated, not added").hasSize(2);
    }

    @Test
    void aPolicyMadeElsewhereIsUpdatedKeepingItsNameAndCooldowns() {
        String name = provisionedTable();
        String resource = "table/" + name;
        Engine.autoScaling().registerScalableTarget(b -> b.serviceNamespace(ServiceNamespace.DYNAMODB).resourceId(resource)
                .scalableDimension(ScalableDimension.DYNAMODB_TABLE_WRITE_CAPACITY_UNITS).minCapacity(2).maxCapacity(20));
        Engine.autoScaling().putScalingPolicy(b -> b.serviceNamespace(ServiceNamespace.DYNAMODB).resourceId(resource)
                .scalableDimension(ScalableDimension.DYNAMODB_TABLE_WRITE_CAPACITY_UNITS).policyName("from-cloudformation")
                .policyType(PolicyType.TARGET_TRACKING_SCALING).targetTrackingScalingPolicyConfiguration(c -> c.targetValue(80.0)
                        .scaleInCooldown(120).predefinedMetricSpecification(m -> m.predefinedMetricType(MetricType.DYNAMO_DB_WRITE_CAPACITY_UTILIZATION))));

        assertThat(cli().aws("table", "autoscale", name, "--write", "--target-utilization", "60").code()).isZero();
        ScalingPolicy policy = policy(resource, ScalableDimension.DYNAMODB_TABLE_WRITE_CAPACITY_UNITS);
        assertThat(policies(resource)).hasSize(1);
        assertThat(policy.policyName()).isEqualTo("from-cloudformation");
        assertThat(policy.targetTrackingScalingPolicyConfiguration().targetValue()).isEqualTo(60.0);
        assertThat(policy.targetTrackingScalingPolicyConfiguration().scaleInCooldown()).isEqualTo(120);
        assertThat(target(resource, ScalableDimension.DYNAMODB_TABLE_WRITE_CAPACITY_UNITS).minCapacity()).isEqualTo(2);
    }

    @Test
    void scalesAGlobalIndexAndTurnsSidesOff() {
        String name = provisionedTable();
        String index = "table/" + name + "/index/byEmail";
        assertThat(cli().aws("table", "autoscale", name, "--min", "5", "--max", "50").code()).isZero();
        Result set = cli().aws("table", "autoscale", name, "--index", "byEmail", "--write", "--min", "1", "--max", "10");
        assertThat(set.code()).as(set.toString()).isZero();
        assertThat(targets(index)).extracting(ScalableTarget::scalableDimension)
                .containsExactly(ScalableDimension.DYNAMODB_INDEX_WRITE_CAPACITY_UNITS);
        assertThat(policies(index)).extracting(ScalingPolicy::policyName)
                .containsExactly("DynamoDBWriteCapacityUtilization:" + index);

        Result off = cli().aws("table", "autoscale", name, "--off");
        assertThat(off.code()).as(off.toString()).isZero();
        assertThat(targets("table/" + name)).isEmpty();
        assertThat(policies("table/" + name)).isEmpty();
        assertThat(targets(index)).as("the index is left as it is").hasSize(1);
        assertThat(off.err()).contains("Index 'byEmail' still scales; turn it off with 'dynctl table autoscale " + name
                + " --index byEmail --off'.");

        Result offAgain = cli().aws("table", "autoscale", name, "--off", "--read");
        assertThat(offAgain.code()).isZero();
        assertThat(offAgain.err()).contains("Auto scaling of the read capacity of table '" + name + "' is already off.");

        assertThat(cli().aws("table", "autoscale", name, "--index", "byEmail", "--off").code()).isZero();
        assertThat(targets(index)).isEmpty();
        assertThat(policies(index)).isEmpty();
    }

    @Test
    void showsEverySideOfTheTableAndItsIndexes() {
        String name = provisionedTable();
        assertThat(cli().aws("table", "autoscale", name, "--index", "byEmail", "--read", "--min", "2", "--max", "8").code()).isZero();
        Result shown = cli().width(160).aws("table", "autoscale", name, "-o", "table");
        assertThat(shown.code()).as(shown.toString()).isZero();
        List<String> lines = shown.out().lines().toList();
        assertThat(lines.get(0)).startsWith("target").contains("capacity", "autoscaling", "min", "max", "targetUtilization",
                "provisioned", "policy");
        assertThat(lines.subList(1, lines.size())).satisfiesExactly(
                line -> assertThat(line).matches("table +read +off +5 *"),
                line -> assertThat(line).matches("table +write +off +5 *"),
                line -> assertThat(line).matches("index byEmail +read +on +2 +8 +70 +5 +DynamoDBReadCapacityUtilization:table/.*"),
                line -> assertThat(line).matches("index byEmail +write +off +5 *"));

        Result one = cli().aws("table", "autoscale", name, "--index", "byEmail", "--write", "-o", "json");
        assertThat(tree(one.out())).extracting(row -> row.path("target").asText() + " " + row.path("capacity").asText())
                .containsExactly("index byEmail write");
    }

    @Test
    void refusesOnDemandTablesMissingTablesAndIndexesAndBadSettings() {
        String onDemand = Engine.uniqueName("ondemand");
        assertThat(cli().aws("table", "create", onDemand, "--pk", "id:S").code()).isZero();
        Result r = cli().aws("table", "autoscale", onDemand, "--min", "1", "--max", "10");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Table '" + onDemand + "' is on-demand", "auto scaling is for provisioned capacity");
        assertThat(targets("table/" + onDemand)).isEmpty();

        String name = provisionedTable();
        Result missing = cli().aws("table", "autoscale", name + "x", "--min", "1", "--max", "10");
        assertThat(missing.code()).isEqualTo(3);
        assertThat(missing.err()).contains("Table '" + name + "x' not found", "Did you mean '" + name + "'");

        Result index = cli().aws("table", "autoscale", name, "--index", "byEmial", "--min", "1", "--max", "10");
        assertThat(index.code()).isEqualTo(3);
        assertThat(index.err()).contains("Index 'byEmial' not found on table '" + name + "'", "Did you mean 'byEmail'?",
                "Its global indexes: byEmail.");

        Result noRange = cli().aws("table", "autoscale", name, "--target-utilization", "70");
        assertThat(noRange.code()).isEqualTo(2);
        assertThat(noRange.err()).contains("does not scale yet: give both --min and --max");

        Result upsideDown = cli().aws("table", "autoscale", name, "--min", "10", "--max", "5");
        assertThat(upsideDown.code()).isEqualTo(2);
        assertThat(upsideDown.err()).contains("--min 10 is above --max 5");

        Result tooHigh = cli().aws("table", "autoscale", name, "--min", "1", "--max", "5", "--target-utilization", "95");
        assertThat(tooHigh.code()).isEqualTo(2);
        assertThat(tooHigh.err()).contains("Bad --target-utilization 95%: DynamoDB takes 20% to 90%.");

        for (String notANumber : List.of("NaN", "Infinity", "-Infinity%")) {
            Result bad = cli().aws("table", "autoscale", name, "--min", "1", "--max", "5", "--target-utilization", notANumber);
            assertThat(bad.code()).as(notANumber).isEqualTo(2);
            assertThat(bad.err()).contains("'" + notANumber + "' is not a percentage; use e.g. 70 or 70%");
        }

        Result offWithRange = cli().aws("table", "autoscale", name, "--off", "--max", "5");
        assertThat(offWithRange.code()).isEqualTo(2);
        assertThat(targets("table/" + name)).isEmpty();
    }

    /** Every side is resolved before anything is sent: a refusal of one side leaves the other as it was. */
    @Test
    void aRefusalOfOneSideChangesNeitherSide() {
        String name = provisionedTable();
        String resource = "table/" + name;
        assertThat(cli().aws("table", "autoscale", name, "--read", "--min", "5", "--max", "10").code()).isZero();

        // the write side does not scale: --max alone cannot start it, and the read side is not raised either
        Result halfScaled = cli().aws("table", "autoscale", name, "--max", "1000");

        assertThat(halfScaled.code()).isEqualTo(2);
        assertThat(halfScaled.err()).contains("The write capacity of table '" + name + "' does not scale yet: give both --min and --max.");
        assertThat(target(resource, ScalableDimension.DYNAMODB_TABLE_READ_CAPACITY_UNITS).maxCapacity()).isEqualTo(10);
        assertThat(targets(resource)).hasSize(1);

        assertThat(cli().aws("table", "autoscale", name, "--write", "--min", "20", "--max", "100").code()).isZero();
        // --min 50 suits the write side (20..100) but not the read side (5..10): neither changes
        Result belowMin = cli().aws("table", "autoscale", name, "--min", "50");

        assertThat(belowMin.code()).isEqualTo(2);
        assertThat(belowMin.err()).contains("The read capacity of table '" + name + "' would scale from 50 to 10");
        assertThat(target(resource, ScalableDimension.DYNAMODB_TABLE_READ_CAPACITY_UNITS).minCapacity()).isEqualTo(5);
        assertThat(target(resource, ScalableDimension.DYNAMODB_TABLE_WRITE_CAPACITY_UNITS).minCapacity()).isEqualTo(20);
    }

    @Test
    void aLocalIndexUsesTheTablesCapacity() {
        String name = Engine.uniqueName("lsi");
        assertThat(cli().aws("table", "create", name, "--pk", "id:S", "--sk", "at:N", "--rcu", "5", "--wcu", "5",
                "--lsi", "name=byTotal,sk=total:N").code()).isZero();

        Result r = cli().aws("table", "autoscale", name, "--index", "byTotal", "--min", "1", "--max", "10");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("'byTotal' is a local index of table '" + name + "': it uses the table's capacity, so scale the table.",
                "Leave out --index.");
    }

    @Test
    void theAwsCliReadsWhatDynctlRegistered() throws Exception {
        assumeTrue(AwsCli.installed(), "the AWS CLI is not installed");
        String name = provisionedTable();
        assertThat(cli().aws("table", "autoscale", name, "--min", "3", "--max", "30", "--target-utilization", "55").code()).isZero();

        Result targets = AwsCli.run("application-autoscaling", "describe-scalable-targets", "--service-namespace", "dynamodb",
                "--resource-ids", "table/" + name);
        assertThat(targets.code()).as(targets.toString()).isZero();
        assertThat(tree(targets.out()).path("ScalableTargets")).extracting(t -> t.path("ScalableDimension").asText() + " "
                        + t.path("MinCapacity").asInt() + ".." + t.path("MaxCapacity").asInt())
                .containsExactlyInAnyOrder("dynamodb:table:ReadCapacityUnits 3..30", "dynamodb:table:WriteCapacityUnits 3..30");

        Result policies = AwsCli.run("application-autoscaling", "describe-scaling-policies", "--service-namespace", "dynamodb",
                "--resource-id", "table/" + name);
        assertThat(policies.code()).as(policies.toString()).isZero();
        assertThat(tree(policies.out()).path("ScalingPolicies")).extracting(p -> p.path("PolicyType").asText() + " "
                        + p.path("TargetTrackingScalingPolicyConfiguration").path("PredefinedMetricSpecification").path("PredefinedMetricType")
                        .asText() + " " + p.path("TargetTrackingScalingPolicyConfiguration").path("TargetValue").asDouble())
                .containsExactlyInAnyOrder("TargetTrackingScaling DynamoDBReadCapacityUtilization 55.0",
                        "TargetTrackingScaling DynamoDBWriteCapacityUtilization 55.0");
    }
}
