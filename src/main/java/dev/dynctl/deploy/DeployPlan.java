package dev.dynctl.deploy;

import java.util.ArrayList;
import java.util.List;

/**
 * Every step of a deploy in the order it runs: creations and updates in dependency order (roles,
 * tables, functions, APIs and what hangs off them), then deletions in the reverse order, so
 * nothing is deleted while something kept still uses it. API deployments and stages go live last,
 * after the deletions, so that a stage never serves a route the deploy removes.
 */
public final class DeployPlan {
    private final List<Step> steps;

    private DeployPlan(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    /** @param byPlanner each planner's steps, planners in dependency order */
    public static DeployPlan of(List<List<Step>> byPlanner) {
        List<Step> ordered = new ArrayList<>();
        for (List<Step> steps : byPlanner) {
            steps.stream().filter(s -> s.change().action() != Action.DELETE && !goesLive(s)).forEach(ordered::add);
        }
        for (int i = byPlanner.size() - 1; i >= 0; i--) {
            byPlanner.get(i).stream().filter(s -> s.change().action() == Action.DELETE).forEach(ordered::add);
        }
        for (List<Step> steps : byPlanner) {
            steps.stream().filter(s -> s.change().action() != Action.DELETE && goesLive(s)).forEach(ordered::add);
        }
        return new DeployPlan(ordered);
    }

    /** A deployment or stage: what callers are served, made once every route is as the plan leaves it. */
    private static boolean goesLive(Step step) {
        return step.change().kind() == ResourceKind.DEPLOYMENT || step.change().kind() == ResourceKind.STAGE;
    }

    public List<Step> steps() {
        return steps;
    }

    public List<Change> changes() {
        return steps.stream().map(Step::change).toList();
    }

    /** The steps that change something. */
    public List<Step> pending() {
        return steps.stream().filter(s -> s.change().action() != Action.NONE).toList();
    }

    public boolean changesNothing() {
        return pending().isEmpty();
    }
}
