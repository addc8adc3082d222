package dev.dynctl.deploy;

import java.util.List;

/** CONTRACT PLACEHOLDER — replaced by its owner before this issue lands. */
public final class RolePlanner implements Planner {
    @Override
    public List<Step> plan(DeployContext context) {
        throw new UnsupportedOperationException("RolePlanner: being written");
    }
}
