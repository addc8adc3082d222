package dev.dynctl.cli.item;

import dev.dynctl.dynamo.ItemReadSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How query and scan read: --index, --consistent, --limit, --page-size and --attrs. */
final class ReadOptions {
    @Option(names = "--index", paramLabel = "NAME", description = "Read this global or local secondary index instead of the table.")
    String index;

    @Option(names = "--consistent", description = "Strongly consistent reads (not on a global secondary index).")
    boolean consistent;

    @Option(names = "--limit", paramLabel = "N", description = "Stop after N items (default: all).")
    Integer limit;

    @Option(names = "--page-size", paramLabel = "N", description = "Items per request (default: as many as fit in 1 MB).")
    Integer pageSize;

    @Mixin
    AttributesOption attributes;

    ItemReadSpec spec(String table) {
        return new ItemReadSpec(table, index, consistent, limit, pageSize, attributes.attributes());
    }
}
