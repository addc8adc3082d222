package dev.dynctl.deploy;

import java.util.List;

/**
 * Plans one sort of resource (roles, tables, functions, APIs and what hangs off them): reads what
 * the stage owns in AWS — found by its tags, never by name alone — and returns the steps that
 * make it what the project wants, one per resource, including those left alone. Planning only
 * reads.
 */
public interface Planner {
    List<Step> plan(DeployContext context) throws InterruptedException;
}
