package dev.dynctl.cli.item;

import dev.dynctl.cli.Context;
import dev.dynctl.dynamo.ItemReadSpec;
import dev.dynctl.dynamo.ItemStream;
import dev.dynctl.dynamo.expression.Condition;
import java.util.Iterator;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** How query and scan read: --filter, --index, --consistent, --limit, --page-size and --attrs. */
final class ReadOptions {
    @Option(names = "--filter", paramLabel = "CONDITION",
            description = "Keep only the items for which this holds, e.g. \"status = 'active' AND age >= 18\".")
    String filter;

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

    /** What to read; a --filter that does not parse fails here, before any request. */
    ItemReadSpec spec(String table) {
        Condition condition = filter == null ? null : Condition.parse(filter, "--filter");
        return new ItemReadSpec(table, index, consistent, limit, pageSize, attributes.attributes(), condition);
    }

    /**
     * Prints the items. When a filter that matched nothing compares with a bare word ({@code status
     * = active}), stderr says that the word is an attribute: the usual reason for an empty result.
     */
    static void print(Context context, ItemStream items, ItemReadSpec spec) {
        if (spec.filter() == null || spec.filter().quotingHint().isEmpty()) {
            context.output().items(items, items.keyNames());
            return;
        }
        boolean[] any = {false};
        Iterable<Map<String, AttributeValue>> watched = () -> {
            Iterator<Map<String, AttributeValue>> it = items.iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public Map<String, AttributeValue> next() {
                    any[0] = true;
                    return it.next();
                }
            };
        };
        context.output().items(watched, items.keyNames());
        if (!any[0]) {
            context.err().println("No item matched --filter. " + spec.filter().quotingHint().get());
        }
    }
}
