package dev.dynctl.cli.table;

import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.dynamo.TableDescriptions;
import dev.dynctl.dynamo.TableService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

@Command(name = "delete", mixinStandardHelpOptions = true,
        description = "Delete a table and all its items. Asks you to type the table's name unless --yes; "
                + "with --no-input and no --yes it refuses. A table with deletion protection is not deleted.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl table delete scratch               # asks you to type 'scratch'",
            "  dynctl table delete scratch --yes --wait  # no question; returns when gone",
            "  dynctl table update orders --no-deletion-protection",
            "  dynctl table delete orders"})
public final class TableDeleteCommand extends DynctlCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "The table.")
    String name;

    @Mixin
    WaitOptions waiting;

    @Override
    protected void run(Context context) throws InterruptedException {
        TableService tables = TableCommand.service(context);
        TableDescription table = tables.deletable(name);
        context.confirm("Delete table '" + name + "' and its items (about " + table.itemCount() + ") in "
                + context.clients().where() + "? This cannot be undone.", "deleting table '" + name + "'", name);
        context.output().document(TableDescriptions.document(tables.delete(name, waiting.limit())));
    }
}
