package dev.dynctl.cli.table;

import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.dynamo.TableDescriptions;
import dev.dynctl.dynamo.TableDetails;
import dev.dynctl.dynamo.TableService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

@Command(name = "delete", mixinStandardHelpOptions = true,
        description = "Delete a table and all its items. Asks you to type the table's name unless --yes; "
                + "with --no-input and no --yes it refuses. A table with deletion protection is not deleted.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl table delete scratch             # asks you to type 'scratch'",
            "  dynctl table delete orders --yes --wait # no question; returns when gone",
            "  dynctl table delete orders --yes --if-exists  # exit 0: already gone",
            "  dynctl table update guarded --no-deletion-protection",
            "  dynctl table delete guarded"})
public final class TableDeleteCommand extends DynctlCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "The table.")
    String name;

    @Option(names = "--if-exists", description = "Succeed with a note when there is no such table (for scripts).")
    boolean ifExists;

    @Mixin
    WaitOptions waiting;

    @Override
    protected void run(Context context) throws InterruptedException {
        TableService tables = TableCommand.service(context);
        TableDescription table = tables.deletable(name, ifExists);
        if (table == null) {
            absent(context);
            return;
        }
        context.confirm("Delete table '" + name + "' and its items (about " + table.itemCount() + ") in "
                + context.clients().where() + "? This cannot be undone.", "deleting table '" + name + "'", name);
        TableDescription deleting = tables.delete(name, ifExists, waiting.limit());
        if (deleting == null) {
            absent(context);
        } else if (waiting.limit() == null) {
            // what DeleteTable answered: DELETING on AWS (some engines say ACTIVE); the table lingers a while
            context.err().println("Deleting table '" + name + "'…");
            context.output().document(TableDescriptions.document(TableDetails.of(deleting)));
        } else {
            context.err().println("Deleted table '" + name + "'.");
            context.output().document(TableDescriptions.deleted(name));
        }
    }

    /** --if-exists and no such table: a note, no document. */
    private void absent(Context context) {
        context.err().println("Table '" + name + "' does not exist in " + context.clients().where() + "; nothing was deleted.");
    }
}
