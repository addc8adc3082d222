package dev.dynctl.functions;

import dev.dynctl.error.DynctlException;
import java.time.Duration;
import java.util.function.Supplier;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;

/**
 * Lambda checks that it may assume a function's role when the function is created or given a
 * role. A role made a moment ago is not yet visible to Lambda (IAM is eventually consistent) and
 * is refused for a few seconds with "cannot be assumed"; a call naming such a role is retried
 * until Lambda takes it or a deadline passes. Any other refusal is the user's to see at once.
 */
public final class FreshRoleRetry {
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(5);

    private FreshRoleRetry() {
    }

    /**
     * Makes {@code call}, again while Lambda says it cannot assume {@code role}, until {@code limit}
     * has passed; then, or on any other refusal, fails as {@link #refused} says.
     */
    public static <T> T call(Supplier<T> call, String role, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        Duration pause = FIRST_PAUSE;
        while (true) {
            try {
                return call.get();
            } catch (InvalidParameterValueException e) {
                if (!cannotBeAssumed(e) || System.nanoTime() + pause.toNanos() > deadline) {
                    throw refused(e, role);
                }
                Thread.sleep(pause.toMillis());
                Duration next = pause.multipliedBy(2);
                pause = next.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : next;
            }
        }
    }

    /**
     * Lambda's "The role defined for the function cannot be assumed by Lambda." with what to do
     * about it (exit 2); any other refusal as it came.
     */
    public static RuntimeException refused(InvalidParameterValueException e, String role) {
        if (role == null || !cannotBeAssumed(e)) {
            return e;
        }
        return DynctlException.usage("Lambda cannot assume the role " + role + ".",
                "A role made a moment ago takes a few seconds to be usable on AWS: run the deploy again. Otherwise check that the role exists "
                        + "and that its trust policy lets lambda.amazonaws.com assume it (sts:AssumeRole).");
    }

    private static boolean cannotBeAssumed(InvalidParameterValueException e) {
        return e.awsErrorDetails() != null && String.valueOf(e.awsErrorDetails().errorMessage()).contains("cannot be assumed");
    }
}
