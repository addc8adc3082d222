package dev.dynctl.deploy;

import java.nio.file.Path;
import java.util.List;

/** CONTRACT PLACEHOLDER — replaced by its owner before this issue lands. */
public final class TablePlanner implements Planner {
    /** @param backupDirectory where a table is exported before it is deleted; null for no backup */
    public TablePlanner(Path backupDirectory) {
    }

    @Override
    public List<Step> plan(DeployContext context) {
        throw new UnsupportedOperationException("TablePlanner: being written");
    }
}
