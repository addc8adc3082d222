package dev.dynctl.cli.item;

import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.dynamo.ItemReturnValues;
import dev.dynctl.dynamo.ItemService;
import dev.dynctl.dynamo.KeyText;
import dev.dynctl.dynamo.expression.Condition;
import dev.dynctl.model.ProjectFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "delete", mixinStandardHelpOptions = true,
        description = {"Delete one item by its key.",
            "",
            "Like aws dynamodb delete-item, it asks no confirmation and succeeds when the item was not there; "
                    + "stderr says which happened.",
            "",
            "--if deletes only when a condition holds (see docs/expressions.md); when it does not, nothing is "
                    + "deleted and dynctl exits with 4, showing the item as it is."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl item delete users --key id=u1",
            "  dynctl item delete events --key device=d1,time=1700000000 \\",
            "      --return-values all-old",
            "  dynctl item delete users --key '{\"id\": \"a,b=c\"}'",
            "  dynctl item delete users --key id=u2 --if 'attribute_not_exists(locked)'"})
public final class ItemDeleteCommand extends DynctlCommand {
    @Parameters(index = "0", paramLabel = "TABLE", description = "The table.")
    String table;

    @Mixin
    ItemKeyOption key;

    @Option(names = "--return-values", paramLabel = "WHAT", defaultValue = "none", converter = ReturnValuesConverter.class,
            description = "none or all-old (print the deleted item). Default: ${DEFAULT-VALUE}.")
    ItemReturnValues returnValues;

    @Option(names = "--if", paramLabel = "CONDITION", description = "Delete only if this holds for the item, e.g. 'version = 3'.")
    String condition;

    @Override
    protected void run(Context context) {
        Condition guard = condition == null ? null : Condition.parse(condition, "--if");
        ItemService.DeleteResult result = new ItemService(context.clients(), ProjectFile.empty()).delete(table, key.text(), returnValues, guard);
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
