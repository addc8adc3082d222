package dev.dynctl.deploy;

import java.util.List;

/** CONTRACT PLACEHOLDER — replaced by its owner before this issue lands. */
public final class ApiPlanner implements Planner {
    @Override
    public List<Step> plan(DeployContext context) {
        throw new UnsupportedOperationException("ApiPlanner: being written");
    }

    /** The invoke URL of each API of the stage, read after a deploy (reads only). */
    public List<ApiEndpoint> endpoints(DeployContext context) {
        throw new UnsupportedOperationException("ApiPlanner: being written");
    }
}
