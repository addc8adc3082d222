package dev.dynctl.cli.item;

import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.dynamo.ItemService;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
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

    @Option(names = "--key", required = true, paramLabel = "NAME=VALUE[,…]",
            description = "The item's key, typed from the table's key schema (e.g. id=u1,created=5).")
    String key;

    @Option(names = "--consistent", description = "Strongly consistent read.")
    boolean consistent;

    @Option(names = "--attrs", split = ",", paramLabel = "ATTR",
            description = "Only these attributes (names or paths such as address.city, comma separated).")
    List<String> attributes = new ArrayList<>();

    @Override
    protected void run(Context context) {
        ItemService items = new ItemService(context.clients());
        context.output().item(items.get(table, key, consistent, attributes));
    }
}
