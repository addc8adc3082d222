package dev.dynctl.deploy;

import dev.dynctl.functions.FunctionPackage;
import dev.dynctl.model.StageFunction;
import dev.dynctl.model.StageNames;
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
    public FunctionPlanner() {
    }

    @Override
    public List<Step> plan(DeployContext context) throws InterruptedException {
        LambdaClient lambda = context.clients().lambda();
        StageNames names = context.names();
        ResourceArns arns = ResourceArns.of(context);
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
            steps.add(step(context, lambda, arns, function, code, config));
        }
        String prefix = stagePrefix(names);
        for (FunctionConfiguration function : lambda.listFunctionsPaginator(b -> { }).functions()) {
            String name = function.functionName();
            if (!wanted.contains(name) && name.startsWith(prefix) && DeployTags.owned(context, tags(lambda, function.functionArn()))) {
                steps.add(CallingStep.of(Change.delete(ResourceKind.FUNCTION, name),
                        () -> new FunctionRelease(lambda, name, names.alias()).delete()));
            }
        }
        return steps;
    }

    private static Step step(DeployContext context, LambdaClient lambda, ResourceArns arns, StageFunction function,
                             FunctionPackage code, FunctionConfig wanted) {
        String name = function.name();
        String alias = context.names().alias();
        FunctionRelease release = new FunctionRelease(lambda, name, alias);
        GetFunctionConfigurationResponse latest = configuration(lambda, name, null);
        if (latest == null) {
            Map<String, String> tags = DeployTags.of(context, "functions." + function.logicalName());
            return CallingStep.of(Change.create(ResourceKind.FUNCTION, name), () -> release.create(code, wanted, tags));
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
        return CallingStep.of(Change.update(ResourceKind.FUNCTION, name, fields), () -> release.update(code, wanted));
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
