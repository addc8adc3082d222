package dev.dynctl.cli.table;

import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.dynamo.TableDescriptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "describe", mixinStandardHelpOptions = true,
        description = "Show a table: status, keys and attribute types, billing and capacity, item count and size, "
                + "indexes, stream, TTL, point-in-time recovery, deletion protection, tags, ARN and creation time.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl table describe orders",
            "  dynctl table describe orders -o json",
            "  dynctl table describe orders --query 'globalIndexes[].[name,status]'",
            "  dynctl table describe orders --query stream.latestArn -o text"})
public final class TableDescribeCommand extends DynctlCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "The table.")
    String name;

    @Override
    protected void run(Context context) {
        context.output().document(TableDescriptions.document(TableCommand.service(context).describe(name)));
    }
}
