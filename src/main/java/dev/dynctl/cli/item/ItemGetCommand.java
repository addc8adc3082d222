package dev.dynctl.cli.item;

import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.dynamo.ItemService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "get", mixinStandardHelpOptions = true,
        description = "Get one item by its key (exit 3 when there is no such item).",
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl item get users --key id=u1",
            "  dynctl item get events --key device=d1,time=1700000000 --consistent",
            "  dynctl item get users --key id=u1 --attrs name,address.city -o json"})
public final class ItemGetCommand extends DynctlCommand {
    @Parameters(index = "0", paramLabel = "TABLE", description = "The table.")
    String table;

    @Mixin
    ItemKeyOption key;

    @Option(names = "--consistent", description = "Strongly consistent read.")
    boolean consistent;

    @Mixin
    AttributesOption attributes;

    @Mixin
    SchemaOption schema;

    @Override
    protected void run(Context context) {
        ItemService items = new ItemService(context.clients(), schema.project(context));
        context.output().item(items.get(table, key.text(), consistent, attributes.attributes()));
    }
}
