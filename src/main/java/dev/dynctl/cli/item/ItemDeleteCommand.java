package dev.dynctl.cli.item;

import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.dynamo.ItemReturnValues;
import dev.dynctl.dynamo.ItemService;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@Command(name = "delete", mixinStandardHelpOptions = true,
        description = {"Delete one item by its key.",
            "",
            "Like aws dynamodb delete-item, it asks no confirmation and succeeds when the item was not there."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl item delete users --key id=u1",
            "  dynctl item delete events --key device=d1,time=1700000000 \\",
            "      --return-values all-old"})
public final class ItemDeleteCommand extends DynctlCommand {
    @Parameters(index = "0", paramLabel = "TABLE", description = "The table.")
    String table;

    @Option(names = "--key", required = true, paramLabel = "NAME=VALUE[,…]",
            description = "The item's key, typed from the table's key schema (e.g. id=u1,created=5).")
    String key;

    @Option(names = "--return-values", paramLabel = "WHAT", defaultValue = "none", converter = ReturnValuesConverter.class,
            description = "none or all-old (print the deleted item). Default: ${DEFAULT-VALUE}.")
    ItemReturnValues returnValues;

    @Override
    protected void run(Context context) {
        Map<String, AttributeValue> old = new ItemService(context.clients()).delete(table, key, returnValues);
        if (!old.isEmpty()) {
            context.output().item(old);
        }
    }
}
