package dev.dynctl.cli.item;

import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.dynamo.ItemReturnValues;
import dev.dynctl.dynamo.ItemService;
import dev.dynctl.dynamo.KeyText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "delete", mixinStandardHelpOptions = true,
        description = {"Delete one item by its key.",
            "",
            "Like aws dynamodb delete-item, it asks no confirmation and succeeds when the item was not there; "
                    + "stderr says which happened."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl item delete users --key id=u1",
            "  dynctl item delete events --key device=d1,time=1700000000 \\",
            "      --return-values all-old",
            "  dynctl item delete users --key '{\"id\": \"a,b=c\"}'"})
public final class ItemDeleteCommand extends DynctlCommand {
    @Parameters(index = "0", paramLabel = "TABLE", description = "The table.")
    String table;

    @Mixin
    ItemKeyOption key;

    @Option(names = "--return-values", paramLabel = "WHAT", defaultValue = "none", converter = ReturnValuesConverter.class,
            description = "none or all-old (print the deleted item). Default: ${DEFAULT-VALUE}.")
    ItemReturnValues returnValues;

    @Override
    protected void run(Context context) {
        ItemService.DeleteResult result = new ItemService(context.clients()).delete(table, key.text(), returnValues);
        String item = KeyText.of(result.key());
        if (result.oldItem().isEmpty()) {
            context.err().println("No item " + item + " in " + table + "; nothing deleted.");
            return;
        }
        context.err().println("Deleted item " + item + " from " + table + ".");
        if (returnValues == ItemReturnValues.ALL_OLD) {
            context.output().item(result.oldItem());
        }
    }
}
