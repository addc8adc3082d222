package dev.dynctl.cli.item;

import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.dynamo.ItemService;
import dev.dynctl.dynamo.ItemStream;
import dev.dynctl.dynamo.QuerySpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Query the items of one partition, optionally narrowed by a sort key condition.",
            "",
            "Every page is followed and printed as it arrives; --limit caps the items in all.",
            "",
            "--filter keeps the items for which a condition holds (see docs/expressions.md): DynamoDB "
                    + "still reads the whole partition (or --sk range), and --limit counts the items kept."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl item query orders --key customer=c9",
            "  dynctl item query orders --key customer=c9 --sk 'begins_with 2024-' --desc",
            "  dynctl item query events --key device=d1 --sk 'between 100 and 200' \\",
            "      -o jsonl",
            "  dynctl item query users --index by-email --key email=ada@x.org \\",
            "      --attrs id,name",
            "  dynctl item query orders --key customer=c9 \\",
            "      --filter \"status = 'shipped' AND total >= 100\""})
public final class ItemQueryCommand extends DynctlCommand {
    @Parameters(index = "0", paramLabel = "TABLE", description = "The table.")
    String table;

    @Option(names = "--key", required = true, paramLabel = "NAME=VALUE",
            description = "The partition key (of the table or --index), typed from the key schema, or JSON "
                    + "for values with ',' or '=': '{\"customer\": \"a,b\"}'.")
    String key;

    @Option(names = "--sk", paramLabel = "CONDITION",
            description = "Sort key condition: '= v', '< v', '<= v', '> v', '>= v', 'between a and b' or 'begins_with x'.")
    String sortCondition;

    @Option(names = "--desc", description = "Descending sort key order.")
    boolean descending;

    @Mixin
    ReadOptions read;

    @Mixin
    SchemaOption schema;

    @Override
    protected void run(Context context) {
        QuerySpec spec = new QuerySpec(read.spec(table), key, sortCondition, descending);
        // closing stops the reading when the output ends early (--limit, or a closed pipe)
        try (ItemStream items = new ItemService(context.clients(), schema.project(context)).query(spec)) {
            ReadOptions.print(context, items, spec.read());
        }
    }
}
