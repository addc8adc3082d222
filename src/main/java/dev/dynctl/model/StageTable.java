package dev.dynctl.model;

import dev.dynctl.dynamo.TableDefinition;

/**
 * A table as one stage has it.
 *
 * @param logicalName its key under {@code tables:}
 * @param definition keys, indexes, billing (on-demand), stream and TTL, named with the real
 *                   name; its tags are empty: ownership tags are the deployer's to add
 */
public record StageTable(String logicalName, TableDefinition definition) {
    public String name() {
        return definition.name();
    }
}
