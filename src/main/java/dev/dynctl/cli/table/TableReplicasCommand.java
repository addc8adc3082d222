package dev.dynctl.cli.table;

import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.dynamo.TableReplicas;
import dev.dynctl.output.Format;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "replicas", mixinStandardHelpOptions = true,
        description = "Show the regions a global table lives in: its own region first (the source), then each replica "
                + "with its status (CREATING, ACTIVE, DELETING, ...) and progress, table class, read and write capacity "
                + "(provisioned units or on-demand maximums, and per-region read overrides) and KMS key. "
                + "-o json gives one document.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl table replicas orders",
            "  dynctl table replicas orders -o json --query 'regions[].[region, status]'",
            "  dynctl table update orders --stream both --add-replica eu-west-1 --wait",
            "",
            "A table without replicas lists just its own region; that is not an error."})
public final class TableReplicasCommand extends DynctlCommand {
    /** Formats that list rows; the others (and any --query) get the document. */
    private static final Set<Format> ROWS = Set.of(Format.TABLE, Format.TEXT, Format.CSV, Format.JSONL);

    @Parameters(index = "0", paramLabel = "NAME", description = "The table.")
    String name;

    @Override
    protected void run(Context context) {
        TableReplicas.Listing listing = new TableReplicas(context.clients().dynamo(), context.clients().where()).list(name);
        if (!listing.hasReplicas()) {
            context.err().println("Table '" + name + "' has no replicas" + (listing.sourceRegion() == null ? "" : ": it lives in "
                    + listing.sourceRegion() + " only") + ". Add one with 'dynctl table update " + name
                    + " --stream both --add-replica REGION'.");
        }
        if (ROWS.contains(context.output().format()) && context.options().query() == null) {
            context.output().rows(listing.rows(), List.of("region", "role", "status"));
        } else {
            context.output().document(listing.document());
        }
    }
}
