package dev.dynctl.cli.item;

import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.dynamo.ItemService;
import dev.dynctl.dynamo.ItemStream;
import dev.dynctl.dynamo.ScanSpec;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"Read every item of a table or index.",
            "",
            "Every page is followed and printed as it arrives. --segments N reads N parts of the table in "
                    + "parallel (a parallel scan); the output still streams, in no particular order."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl item scan users",
            "  dynctl item scan users --limit 20 --attrs id,name",
            "  dynctl item scan events --segments 8 -o jsonl > events.jsonl"})
public final class ItemScanCommand extends DynctlCommand {
    @Parameters(index = "0", paramLabel = "TABLE", description = "The table.")
    String table;

    @Option(names = "--index", paramLabel = "NAME", description = "Scan this global or local secondary index.")
    String index;

    @Option(names = "--consistent", description = "Strongly consistent reads (not on a global secondary index).")
    boolean consistent;

    @Option(names = "--limit", paramLabel = "N", description = "Stop after N items (default: all).")
    Integer limit;

    @Option(names = "--page-size", paramLabel = "N", description = "Items per request (default: as many as fit in 1 MB).")
    Integer pageSize;

    @Option(names = "--segments", paramLabel = "N", defaultValue = "1",
            description = "Parallel scan segments. Default: ${DEFAULT-VALUE}.")
    int segments;

    @Option(names = "--attrs", split = ",", paramLabel = "ATTR",
            description = "Only these attributes (names or paths such as address.city, comma separated).")
    List<String> attributes = new ArrayList<>();

    @Override
    protected void run(Context context) {
        ScanSpec spec = new ScanSpec(table, index, consistent, limit, pageSize, segments, attributes);
        try (ItemStream items = new ItemService(context.clients()).scan(spec)) {
            context.output().items(items, items.keyNames());
        }
    }
}
