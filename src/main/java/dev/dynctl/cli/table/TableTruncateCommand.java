package dev.dynctl.cli.table;

import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.codec.Json;
import dev.dynctl.dynamo.ItemCount;
import dev.dynctl.dynamo.TableTruncate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

@Command(name = "truncate", mixinStandardHelpOptions = true,
        description = "Delete every item of a table and keep the table, its indexes and settings. "
                + "Scans the keys in parallel segments and deletes them in batches of 25. Asks you to type "
                + "the table's name unless --yes; with --no-input and no --yes it refuses. Stopped part-way, "
                + "run it again: it deletes what is left.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl table truncate scratch            # asks you to type 'scratch'",
            "  dynctl table truncate events --yes --segments 8",
            "  dynctl table truncate events --yes -o json   # {\"deleted\": N, ...}"})
public final class TableTruncateCommand extends DynctlCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "The table.")
    String name;

    @Option(names = "--segments", paramLabel = "N", defaultValue = "4",
            description = "Scan in N parallel segments, each deleting what it reads (default: ${DEFAULT-VALUE}).")
    int segments;

    @Override
    protected void run(Context context) throws InterruptedException {
        TableTruncate truncate = new TableTruncate(context.clients().dynamo(), context.clients().where());
        TableDescription table = truncate.table(name);
        context.confirm("Delete all items of table '" + name + "' (about " + table.itemCount() + ") in "
                + context.clients().where() + "? The table stays. This cannot be undone.",
                "truncating table '" + name + "'", name);
        TableTruncate.Result result = truncate.truncate(table, segments);
        context.err().println("Deleted " + ItemCount.of(result.deleted()) + " from '" + name + "' ("
                + result.requests() + " BatchWriteItem requests, " + result.retries() + " retries).");
        context.output().document(Json.MAPPER.createObjectNode()
                .put("table", name)
                .put("deleted", result.deleted())
                .put("requests", result.requests())
                .put("retries", result.retries()));
    }
}
