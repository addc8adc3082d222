package dev.dynctl.dev.session;

import dev.dynctl.deploy.Change;
import dev.dynctl.deploy.DeployContext;
import dev.dynctl.deploy.Deployer;
import dev.dynctl.deploy.TablePlanner;
import java.util.List;

/**
 * A stage's tables in a local engine, made as {@code deploy} makes them (same names, keys,
 * indexes, stream, TTL and tags, so a later {@code deploy} to the engine finds them as the
 * stage's) but never deleted: a table the file no longer lists keeps its items.
 */
public final class LocalTables {
    private LocalTables() {
    }

    /**
     * Creates the tables the engine does not have and updates those that changed; each change is
     * a note ("Created table notes-dev-items.").
     *
     * @return the changes made
     */
    public static List<Change> apply(DeployContext context) throws InterruptedException {
        Deployer tables = new Deployer(List.of(TablePlanner.withoutDeletions()));
        return tables.apply(tables.plan(context), context);
    }
}
