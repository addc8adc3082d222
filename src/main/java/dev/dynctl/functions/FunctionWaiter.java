package dev.dynctl.functions;

import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.time.Duration;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.State;

/**
 * Polls GetFunctionConfiguration until a function takes the next change: not Pending (a new
 * function's resources being made) and no update InProgress, as the SDK's FunctionActiveV2 and
 * FunctionUpdatedV2 waiters wait. A function idle for long is Inactive; Lambda still takes updates,
 * versions and aliases for it and sets it up again on its next invoke (which fails while it is
 * Pending), so Inactive counts as ready: waiting for Active would never end. Polls quickly at
 * first, then every few seconds, and gives up at a deadline.
 */
public final class FunctionWaiter {
    private static final Duration FIRST_POLL = Duration.ofMillis(250);
    private static final Duration MAX_POLL = Duration.ofSeconds(5);

    private final LambdaClient lambda;

    public FunctionWaiter(LambdaClient lambda) {
        this.lambda = lambda;
    }

    /**
     * The configuration once the function is ready; exit 1 when Lambda reports a failure, exit 5 at the deadline.
     *
     * @param afterChange whether this deploy just changed the function: only then is a failed last update its own
     *                    (one from before, its settings since given again, leaves the function as it was and usable)
     */
    public GetFunctionConfigurationResponse untilReady(String function, Duration timeout, boolean afterChange) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Duration pause = FIRST_POLL;
        while (true) {
            GetFunctionConfigurationResponse configuration = lambda.getFunctionConfiguration(b -> b.functionName(function));
            boolean updateFailed = afterChange && configuration.lastUpdateStatus() == LastUpdateStatus.FAILED;
            if (configuration.state() == State.FAILED || updateFailed) {
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

    /** Not Pending and no update in progress (an engine that reports neither has neither). */
    public static boolean isReady(GetFunctionConfigurationResponse configuration) {
        return configuration.state() != State.PENDING && configuration.lastUpdateStatus() != LastUpdateStatus.IN_PROGRESS;
    }
}
