package dev.dynctl.cli.item;

import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.dynamo.ItemService;
import dev.dynctl.dynamo.ItemStream;
import dev.dynctl.dynamo.ScanSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"Read every item of a table or index.",
            "",
            "Every page is followed and printed as it arrives. --segments N reads N parts of the table in "
                    + "parallel (a parallel scan); the output still streams, in no particular order.",
            "",
            "--filter keeps the items for which a condition holds (see docs/expressions.md): DynamoDB "
                    + "still reads every item, and --limit counts the items kept."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl item scan users",
            "  dynctl item scan users --limit 20 --attrs id,name",
            "  dynctl item scan events --segments 8 -o jsonl > events.jsonl",
            "  dynctl item scan users --filter \"status = 'active' AND age >= 18\"",
            "  dynctl item scan users --filter 'attribute_exists(address.city)'"})
public final class ItemScanCommand extends DynctlCommand {
    @Parameters(index = "0", paramLabel = "TABLE", description = "The table.")
    String table;

    @Option(names = "--segments", paramLabel = "N", defaultValue = "1",
            description = "Parallel scan segments. Default: ${DEFAULT-VALUE}.")
    int segments;

    @Mixin
    ReadOptions read;

    @Mixin
    SchemaOption schema;

    @Override
    protected void run(Context context) {
        ScanSpec spec = new ScanSpec(read.spec(table), segments);
        // closing stops the segments still reading when the output ends early (--limit, or a closed pipe)
        try (ItemStream items = new ItemService(context.clients(), schema.project(context)).scan(spec)) {
            ReadOptions.print(context, items, spec.read());
        }
    }
}
