package dev.dynctl.functions;

import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.time.Duration;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.State;

/**
 * Polls GetFunctionConfiguration until a function is Active and its last update Successful: Lambda
 * refuses the next change (and a version) while one is in progress. Polls quickly at first, then
 * every few seconds, and gives up at a deadline.
 */
final class FunctionWaiter {
    private static final Duration FIRST_POLL = Duration.ofMillis(250);
    private static final Duration MAX_POLL = Duration.ofSeconds(5);

    private final LambdaClient lambda;

    FunctionWaiter(LambdaClient lambda) {
        this.lambda = lambda;
    }

    /** The configuration once the function is ready; exit 1 when Lambda reports a failure, exit 5 at the deadline. */
    GetFunctionConfigurationResponse untilReady(String function, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Duration pause = FIRST_POLL;
        while (true) {
            GetFunctionConfigurationResponse configuration = lambda.getFunctionConfiguration(b -> b.functionName(function));
            if (configuration.state() == State.FAILED || configuration.lastUpdateStatus() == LastUpdateStatus.FAILED) {
                String reason = configuration.state() == State.FAILED ? configuration.stateReason() : configuration.lastUpdateStatusReason();
                throw new DynctlException(ExitCode.FAILURE, "Lambda could not update function '" + function + "': " + reason,
                        "Look at it with 'dynctl function describe " + function + "'.");
            }
            if (isReady(configuration)) {
                return configuration;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new DynctlException(ExitCode.THROTTLED, "Timed out after " + timeout.toSeconds() + "s waiting for function '" + function
                        + "' to be ready (state " + configuration.stateAsString() + ", last update " + configuration.lastUpdateStatusAsString() + ").",
                        "Run the deploy again later (it picks up where this one stopped), or wait longer with --wait-timeout.");
            }
            Thread.sleep(Math.min(pause.toMillis(), Math.max(1, left / 1_000_000)));
            Duration next = pause.multipliedBy(2);
            pause = next.compareTo(MAX_POLL) > 0 ? MAX_POLL : next;
        }
    }

    /** Active with no update in progress (an engine that does not report a status has none in progress). */
    static boolean isReady(GetFunctionConfigurationResponse configuration) {
        boolean active = configuration.state() == null || configuration.state() == State.ACTIVE;
        boolean updated = configuration.lastUpdateStatus() == null || configuration.lastUpdateStatus() == LastUpdateStatus.SUCCESSFUL;
        return active && updated;
    }
}
