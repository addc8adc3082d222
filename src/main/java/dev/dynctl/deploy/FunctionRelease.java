package dev.dynctl.deploy;

import dev.dynctl.functions.FreshRoleRetry;
import dev.dynctl.functions.FunctionDeployer;
import dev.dynctl.functions.FunctionPackage;
import dev.dynctl.functions.FunctionWaiter;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Environment;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationRequest;

/**
 * The calls that make one function what the project wants: create it (tagged in CreateFunction),
 * or update its code and then its configuration where $LATEST differs; each time wait until
 * Lambda is done, publish a version and point the stage's alias at it. A deploy that stopped
 * after the update and before the alias is finished by publishing and moving the alias only.
 */
final class FunctionRelease {
    /** How long Lambda may take to apply a change, and a new role to become usable by Lambda. */
    private static final Duration WAIT = Duration.ofMinutes(10);
    private static final Duration ROLE_WAIT = Duration.ofMinutes(1);

    private final LambdaClient lambda;
    private final FunctionWaiter waiter;
    private final String function;
    private final String alias;

    FunctionRelease(LambdaClient lambda, String function, String alias) {
        this.lambda = lambda;
        this.waiter = new FunctionWaiter(lambda);
        this.function = function;
        this.alias = alias;
    }

    void create(FunctionPackage code, FunctionConfig wanted, Map<String, String> tags) throws InterruptedException {
        // the role may have been made a moment ago by this same deploy
        FreshRoleRetry.call(() -> lambda.createFunction(b -> b.functionName(function)
                .runtime(wanted.runtime())
                .handler(wanted.handler())
                .role(wanted.role())
                .memorySize(wanted.memoryMb())
                .timeout(wanted.timeoutSeconds())
                .description(wanted.description())
                .environment(wanted.environment().isEmpty() ? null : Environment.builder().variables(wanted.environment()).build())
                .tags(tags)
                .code(c -> c.zipFile(SdkBytes.fromByteArrayUnsafe(code.zip())))), wanted.role(), ROLE_WAIT);
        release(waiter.untilReady(function, WAIT, true));
    }

    void update(FunctionPackage code, FunctionConfig wanted) throws InterruptedException {
        // an update from before (one that timed out) may still run: Lambda takes no other meanwhile
        GetFunctionConfigurationResponse latest = waiter.untilReady(function, WAIT, false);
        if (!code.sha256().equals(latest.codeSha256())) {
            lambda.updateFunctionCode(b -> b.functionName(function).zipFile(SdkBytes.fromByteArrayUnsafe(code.zip())));
            latest = waiter.untilReady(function, WAIT, true);
        }
        UpdateFunctionConfigurationRequest update = wanted.update(function, FunctionConfig.of(latest));
        if (update != null) {
            FreshRoleRetry.call(() -> lambda.updateFunctionConfiguration(update), wanted.role(), ROLE_WAIT);
            latest = waiter.untilReady(function, WAIT, true);
        }
        release(latest);
    }

    void delete() {
        try {
            lambda.deleteFunction(b -> b.functionName(function));
        } catch (ResourceNotFoundException alreadyGone) {
            // what the plan wanted
        }
    }

    /**
     * Publishes $LATEST as it is now (Lambda gives back the latest version when nothing changed
     * since it) and points the alias at it.
     */
    private void release(GetFunctionConfigurationResponse latest) {
        // the SHA makes Lambda refuse to publish code someone changed after our update
        String version = lambda.publishVersion(b -> b.functionName(function).codeSha256(latest.codeSha256())).version();
        FunctionDeployer.pointAlias(lambda, function, alias, version);
    }
}
