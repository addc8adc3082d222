package dev.dynctl.deploy;

import dev.dynctl.functions.EnvironmentChange;
import dev.dynctl.functions.FunctionDeployer;
import dev.dynctl.functions.FunctionName;
import dev.dynctl.functions.FunctionPackage;
import dev.dynctl.functions.FunctionSettings;
import dev.dynctl.model.StageArns;
import dev.dynctl.model.StageFunction;
import dev.dynctl.model.StageNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * The stage's Lambda functions. Each is built (its {@code build:} command) and packaged while
 * planning, so the plan compares the package's SHA-256 and the configuration with what the
 * stage's alias points at: what the stage runs. Any difference publishes a new version and moves
 * the alias; an alias that lags behind $LATEST (a deploy that stopped part-way) is moved without
 * changing the function again. A function is the stage's by its tags alone.
 */
public final class FunctionPlanner implements Planner {
    /** How long Lambda may take to apply a change, or a role made a moment ago to become usable by Lambda. */
    private static final Duration WAIT = Duration.ofMinutes(10);

    @Override
    public List<Step> plan(DeployContext context) throws InterruptedException {
        LambdaClient lambda = context.clients().lambda();
        StageNames names = context.names();
        StageArns arns = context.arns();
        FunctionBuild build = new FunctionBuild(context.stage().projectDirectory(), context.notes());
        List<Step> steps = new ArrayList<>();
        Set<String> wanted = new HashSet<>();
        for (StageFunction function : context.stage().functions()) {
            wanted.add(function.name());
            build.run(function);
            FunctionPackage code = FunctionPackage.of(context.stage().projectDirectory().resolve(function.code()),
                    "functions." + function.logicalName() + ".code").requireDirectUpload();
            // the role's ARN is known before the role exists: the role step runs first
            String role = arns.role(names.rolePath(), names.role(function.logicalName()));
            FunctionConfig config = FunctionConfig.wanted(function, code.sha256(), role);
            FunctionDeployer.Request release = new FunctionDeployer.Request(FunctionName.of(function.name()), code,
                    settings(function, role), names.alias(), WAIT, DeployTags.of(context, "functions." + function.logicalName()), true);
            steps.add(step(context, lambda, arns, function, config, release));
        }
        String prefix = stagePrefix(names);
        for (FunctionConfiguration function : lambda.listFunctionsPaginator(b -> { }).functions()) {
            String name = function.functionName();
            if (!wanted.contains(name) && name.startsWith(prefix) && DeployTags.owned(context, tags(lambda, function.functionArn()))) {
                steps.add(CallingStep.of(Change.delete(ResourceKind.FUNCTION, name), () -> delete(lambda, name)));
            }
        }
        return steps;
    }

    /** Everything the project sets: a setting it leaves out is Lambda's default, not what the function has. */
    private static FunctionSettings settings(StageFunction function, String role) {
        return new FunctionSettings(function.runtime(), function.handler(), function.memoryMb(), function.timeoutSeconds(),
                EnvironmentChange.exactly(function.environment()), role, function.description());
    }

    /**
     * @param release what a create or update asks of the function deployer: it creates (tagged) or
     *                updates where $LATEST differs, publishes a version and points the stage's
     *                alias at it — after a deploy stopped part-way, only publishes and moves the alias
     */
    private static Step step(DeployContext context, LambdaClient lambda, StageArns arns, StageFunction function,
                             FunctionConfig wanted, FunctionDeployer.Request release) {
        String name = function.name();
        String alias = context.names().alias();
        FunctionDeployer deployer = new FunctionDeployer(context.clients(), note -> {
            // the plan's line says what happens to the function
        });
        GetFunctionConfigurationResponse latest = configuration(lambda, name, null);
        if (latest == null) {
            return CallingStep.of(Change.create(ResourceKind.FUNCTION, name), () -> deployer.deploy(release));
        }
        Map<String, String> tags = tags(lambda, arns.function(name));
        if (!DeployTags.owned(context, tags)) {
            throw NotOwned.error(context, ResourceKind.FUNCTION, name, tags);
        }
        GetFunctionConfigurationResponse live = configuration(lambda, name, alias);
        List<FieldChange> fields = new ArrayList<>();
        if (live == null) {
            // made, but never released to the stage (a deploy stopped part-way)
            fields.add(new FieldChange("alias", null, alias));
            fields.addAll(wanted.changesFrom(FunctionConfig.of(latest)));
        } else {
            fields.addAll(wanted.changesFrom(FunctionConfig.of(live)));
        }
        if (fields.isEmpty()) {
            return CallingStep.none(ResourceKind.FUNCTION, name);
        }
        return CallingStep.of(Change.update(ResourceKind.FUNCTION, name, fields), () -> deployer.deploy(release));
    }

    private static void delete(LambdaClient lambda, String function) {
        try {
            lambda.deleteFunction(b -> b.functionName(function));
        } catch (ResourceNotFoundException alreadyGone) {
            // what the plan wanted
        }
    }

    /** $LATEST (qualifier null) or what an alias points at; null when there is no such function or alias. */
    private static GetFunctionConfigurationResponse configuration(LambdaClient lambda, String function, String qualifier) {
        try {
            return lambda.getFunctionConfiguration(b -> b.functionName(function).qualifier(qualifier));
        } catch (ResourceNotFoundException e) {
            return null;
        }
    }

    private static Map<String, String> tags(LambdaClient lambda, String functionArn) {
        return lambda.listTags(b -> b.resource(functionArn)).tags();
    }

    /**
     * The start every function name of the stage shares ({@code notes-dev-}): only those are
     * asked for their tags, rather than every function of the account. A name cut to Lambda's 64
     * characters keeps its start, so the part two names share is what every one begins with.
     */
    private static String stagePrefix(StageNames names) {
        String a = names.function("a");
        String b = names.function("b");
        int shared = 0;
        while (shared < Math.min(a.length(), b.length()) && a.charAt(shared) == b.charAt(shared)) {
            shared++;
        }
        return a.substring(0, shared);
    }
}
