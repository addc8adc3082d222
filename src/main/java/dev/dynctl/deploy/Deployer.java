package dev.dynctl.deploy;

import dev.dynctl.aws.AwsErrors;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Plans and applies a stage. A plan is made from what exists each time (no state file), so a
 * deploy that stopped halfway is finished by running it again: what was made is found by its
 * tags and left alone, what was not is made.
 */
public final class Deployer {
    private final List<Planner> planners;

    /** @param planners in dependency order: roles, tables, functions, APIs */
    public Deployer(List<Planner> planners) {
        this.planners = List.copyOf(planners);
    }

    /** Reads only. */
    public DeployPlan plan(DeployContext context) throws InterruptedException {
        List<List<Step>> steps = new ArrayList<>();
        for (Planner planner : planners) {
            steps.add(planner.plan(context));
        }
        return DeployPlan.of(steps);
    }

    /**
     * Runs the steps that change something, in order; a step that fails stops the deploy with a
     * message naming the resource and the cause, and saying how much was done.
     *
     * @return the changes made
     */
    public List<Change> apply(DeployPlan plan, DeployContext context) throws InterruptedException {
        List<Step> pending = plan.pending();
        List<Change> made = new ArrayList<>();
        for (Step step : pending) {
            try {
                step.apply();
            } catch (RuntimeException e) {
                // whatever stopped the step, the user learns where the deploy stands
                throw stopped(step, made.size(), pending.size(), cause(e, context));
            } catch (InterruptedException e) {
                // Ctrl-C: exit 130, saying where the deploy stands and that running it again goes on from there
                throw stopped(step, made.size(), pending.size(), new DynctlException(ExitCode.INTERRUPTED, "Interrupted."));
            }
            made.add(step.change());
            context.notes().accept(done(step.change()));
        }
        return made;
    }

    /** A progress line: "Created table notes-dev-items.", "Updated function notes-dev-items (memory)." */
    private static String done(Change change) {
        String verb = switch (change.action()) {
            case CREATE -> "Created";
            case UPDATE -> "Updated";
            case DELETE -> "Deleted";
            case NONE -> throw new IllegalStateException("a step that changes nothing is not applied");
        };
        String fields = change.fields().isEmpty() ? ""
                : " (" + String.join(", ", change.fields().stream().map(FieldChange::field).distinct().toList()) + ")";
        return verb + " " + change.kind() + " " + change.name() + fields + ".";
    }

    /** The failure in dynctl's words, as the command line's error handler would say it. */
    private static DynctlException cause(RuntimeException e, DeployContext context) {
        if (e instanceof DynctlException known) {
            return known;
        }
        if (e instanceof AbortedException || e.getCause() instanceof InterruptedException) {
            return new DynctlException(ExitCode.INTERRUPTED, "Interrupted.");
        }
        if (e instanceof SdkException sdk) {
            return AwsErrors.translate(sdk, context.clients().where());
        }
        String what = e.getClass().getSimpleName();
        String message = e.getMessage() == null ? what : what + ": " + e.getMessage().lines().findFirst().orElse("");
        return new DynctlException(ExitCode.FAILURE, message.endsWith(".") ? message : message + ".",
                "Run again with --debug for the stack trace.", e);
    }

    private static String sentence(String text) {
        return text.endsWith(".") || text.endsWith("?") || text.endsWith("!") ? text : text + ".";
    }

    private static DynctlException stopped(Step step, int done, int all, DynctlException cause) {
        Change change = step.change();
        String message = "Deploy stopped at " + change.kind() + " " + change.name() + " (" + change.action() + "): "
                + sentence(cause.getMessage()) + " " + done + " of " + all + " changes made.";
        String hint = (cause.hint() == null ? "" : cause.hint() + " ")
                + "Run the same deploy again to go on from here: what was made is kept and not made twice.";
        ExitCode code = cause.exitCode() == null ? ExitCode.FAILURE : cause.exitCode();
        return new DynctlException(code, message, hint, cause);
    }
}
